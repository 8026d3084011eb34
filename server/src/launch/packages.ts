import type { ServerEntry, StringValue } from '../core/model';
import type { ParsedDocument, TreeNode } from '../core/tree';
import type { OffsetEdit } from '../core/types';
import type { Invocation } from '../core/invocation';
import { memoizeByObject } from '../core/memo';
import { serverCommands } from './effective';
import { skeleton } from './typosquat';
import { npmLaunchOf, type NpmLaunch } from './npmLaunch';
import { npmInstallOf, pythonInstallOf } from './installs';
import { pythonLaunchOf, type PythonLaunch } from './pythonLaunch';
import { denoLaunchOf, type DenoLaunch } from './denoLaunch';
import { goLaunchOf, type GoLaunch } from './goLaunch';
import { dockerRunOf, type DockerRun } from './docker';
import { looksLikePackageName, type NpmSpecKind } from './npmSpec';

/**
 * Every package a stdio server fetches at launch, in one shape, for the supply-chain rules
 * (known-vulnerable, malicious, deprecated, typosquat) and for a future registry-backed
 * "pin to the current version" fix (see `pinEdit`).
 */
export type Ecosystem = 'npm' | 'PyPI' | 'Docker' | 'Go' | 'jsr';

export interface LaunchedPackage {
  ecosystem: Ecosystem;
  /** `npx`, `uvx`, `docker run`, `go run`, `deno run`... */
  launcher: string;
  /** Registry name as written (npm with scope, PyPI unnormalised, image repository with registry). */
  name: string;
  /** The pinned version (exact kinds) or the tag / range text. */
  version?: string;
  kind: NpmSpecKind | 'digest';
  /** The argument holding the spec (its node is where findings point). */
  value: StringValue;
  /** The spec text as written inside `value` (equal to value.value unless split out of a longer string). */
  text: string;
  /** `main` = the server itself; `with` = an extra dependency (`uvx --with`, `npx -p a -p b`). */
  role: 'main' | 'with';
}

/** Everything the launch parsers read from one server, computed once per server object. */
export interface LaunchInfo {
  invocation?: Invocation;
  npm?: NpmLaunch;
  python?: PythonLaunch;
  deno?: DenoLaunch;
  go?: GoLaunch;
  docker?: DockerRun;
  packages: LaunchedPackage[];
  /**
   * The other commands of a shell string (`source ~/.nvm/nvm.sh && npx -y a && node b`) and
   * the commands run inside the server's container (`docker exec -i ctr npx -y a`), each read
   * the same way; `invocation` is the server itself (launch/effective.ts).
   */
  others: LaunchInfo[];
}

/** Parses the server's launch once; several rules share the result within one lint. */
export const launchInfo = memoizeByObject(function launchInfo(server: ServerEntry): LaunchInfo {
  const { main, others, contained } = serverCommands(server);
  const info = launchOf(main);
  info.others = [...others, ...contained].map(launchOf);
  return info;
});

/** The server's launch and those of the other commands of its shell string, the server first (shared: do not change it). */
export const allLaunches = memoizeByObject(function allLaunches(server: ServerEntry): readonly LaunchInfo[] {
  const info = launchInfo(server);
  return [info, ...info.others];
});

/** Every package the server's command line fetches (the other commands of a shell string included). */
export function launchedPackages(server: ServerEntry): LaunchedPackage[] {
  const info = launchInfo(server);
  return info.others.length ? [...info.packages, ...info.others.flatMap((o) => o.packages)] : info.packages;
}

/**
 * A name npm or PyPI could hold, or one that only differs from such a name by look-alike
 * characters (`tavilу-mcp` with a Cyrillic у): the registry refuses those, but the config
 * means to impersonate, which typosquat-package reports.
 */
function packageLike(name: string): boolean {
  return looksLikePackageName(name) || (/[^\x00-\x7f]/.test(name) && looksLikePackageName(skeleton(name)));
}

function launchOf(invocation: Invocation | undefined): LaunchInfo {
  const info: LaunchInfo = { invocation, packages: [], others: [] };
  if (!invocation) return info;
  const npm = npmLaunchOf(invocation) ?? npmInstallOf(invocation);
  if (npm) {
    info.npm = npm;
    npm.packages.forEach((p, index) => {
      if (!p.spec.name && p.spec.kind !== 'git' && p.spec.kind !== 'url') return;
      if (p.spec.name && !packageLike(p.spec.name)) return; // a placeholder such as <your-server>
      info.packages.push({
        ecosystem: 'npm',
        launcher: npm.launcher,
        name: p.spec.name ?? p.text,
        version: p.spec.version,
        kind: p.spec.kind,
        value: p.value,
        text: p.text,
        role: index === 0 ? 'main' : 'with',
      });
    });
    return info;
  }
  const python = pythonLaunchOf(invocation) ?? pythonInstallOf(invocation);
  if (python) {
    info.python = python;
    for (const p of python.packages) {
      info.packages.push({
        ecosystem: 'PyPI',
        launcher: python.launcher,
        name: p.spec.name ?? p.text,
        version: p.spec.version,
        kind: p.spec.kind,
        value: p.value,
        text: p.text,
        role: p.role,
      });
    }
    return info;
  }
  const deno = denoLaunchOf(invocation);
  if (deno) {
    info.deno = deno;
    const m = deno.module;
    if (m && (m.module.scheme === 'npm' || m.module.scheme === 'jsr') && m.module.name) {
      info.packages.push({
        ecosystem: m.module.scheme === 'npm' ? 'npm' : 'jsr',
        launcher: deno.launcher,
        name: m.module.name,
        version: m.module.version,
        kind: m.module.kind,
        value: m.value,
        text: m.value.value,
        role: 'main',
      });
    }
    return info;
  }
  const go = goLaunchOf(invocation);
  if (go) {
    info.go = go;
    if (go.kind !== 'local') {
      info.packages.push({
        ecosystem: 'Go',
        launcher: go.launcher ?? 'go run',
        name: go.path,
        version: go.version,
        kind: go.kind === 'commit' ? 'exact' : go.kind,
        value: go.value,
        text: go.value.value,
        role: 'main',
      });
    }
    return info;
  }
  const docker = dockerRunOf(invocation);
  if (docker) {
    info.docker = docker;
    const image = docker.image;
    if (image && image.repository && !/[$%{]/.test(image.reference)) {
      const name = image.registry ? `${image.registry}/${image.repository}` : image.repository;
      info.packages.push({
        ecosystem: 'Docker',
        launcher: `${docker.engine} run`,
        name,
        version: image.digest ?? image.tag,
        kind: image.digest ? 'digest' : !image.tag ? 'none' : image.tag === 'latest' ? 'tag' : 'range',
        value: image.value,
        text: image.value.value,
        role: 'main',
      });
    }
  }
  return info;
}

/**
 * The edit that rewrites a launched package's spec to name `version` exactly, in the syntax
 * of its launcher (`pkg@1.2.3`, `pkg==1.2.3`, `image:tag@sha256:...` is left to the caller).
 * This is the hook a registry-backed "pin to the current version" fix calls once it knows
 * the version; it needs no network itself. Undefined when the spec cannot be rewritten
 * in place (git/URL/local specs, or a value the document does not hold verbatim).
 */
export function pinEdit(doc: ParsedDocument, pkg: LaunchedPackage, version: string): OffsetEdit | undefined {
  if (!pkg.name || pkg.kind === 'git' || pkg.kind === 'url' || pkg.kind === 'local') return undefined;
  let pinned: string;
  if (pkg.ecosystem === 'npm' || pkg.ecosystem === 'jsr') {
    const prefix = /^(npm:|jsr:)/i.exec(pkg.text)?.[1] ?? '';
    pinned = `${prefix}${pkg.name}@${version}`;
  } else if (pkg.ecosystem === 'PyPI') {
    const extras = /^[A-Za-z0-9._-]+\s*(\[[^\]]*\])/.exec(pkg.text)?.[1] ?? '';
    pinned = `${pkg.name}${extras}==${version}`;
  } else if (pkg.ecosystem === 'Go') {
    pinned = `${pkg.name}@${version.startsWith('v') ? version : 'v' + version}`;
  } else {
    pinned = `${pkg.name}:${version}`;
  }
  return replaceInString(doc, pkg.value, pkg.text, pinned);
}

/**
 * Replaces `oldText` (a piece of the string value held by `value.node`) with `newText`, by
 * re-quoting the whole string node: correct for escapes and for commands written as one
 * string (`"npx -y pkg"`), where several pieces share one node.
 */
export function replaceInString(doc: ParsedDocument, value: StringValue, oldText: string, newText: string): OffsetEdit | undefined {
  const node = value.node;
  if (node.type !== 'string' || typeof node.value !== 'string') return undefined;
  const whole = node.value as string;
  let index = -1;
  if (whole === oldText) index = 0;
  else {
    // A whitespace-delimited piece of a longer command string, or the value of `--opt=value`.
    const pattern = new RegExp(`(?:^|[\\s=])(${oldText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?=\\s|$)`);
    const match = pattern.exec(whole);
    if (match) index = match.index + match[0].length - match[1].length;
  }
  if (index < 0) return undefined;
  const replaced = whole.slice(0, index) + newText + whole.slice(index + oldText.length);
  return { offset: node.offset, length: node.length, content: doc.quote(replaced) };
}

/**
 * Where a finding about `value` should point. Usually the argument's node; when the value is
 * a piece of a longer string (a command written as one string, `"npx -y pkg"`, or the value
 * of `--opt=value`), the piece itself, provided the source spells it verbatim (no escapes).
 */
export function spanOf(doc: ParsedDocument, value: StringValue): { offset: number; length: number } {
  const node = value.node;
  const whole = { offset: node.offset, length: node.length };
  if (node.type !== 'string' || node.value === value.value || value.value === '') return whole;
  // A shell word knows where it starts: no search (one per word over the whole line was
  // quadratic in a line of thousands of commands), and a repeated word points at itself.
  if (value.at !== undefined) {
    const start = verbatimValueStart(doc, node);
    if (start >= 0) return { offset: start + value.at, length: value.value.length };
  }
  const raw = doc.text.slice(node.offset, node.offset + node.length);
  const escaped = value.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(^|[\\s"'=])(${escaped})(?=$|[\\s"'])`).exec(raw);
  if (!match) return whole;
  return { offset: node.offset + match.index + match[1].length, length: value.value.length };
}

/** Where a string node's value starts in the document when the source spells it verbatim (quoted or bare, no escapes), else -1; once per node. */
function verbatimValueStart(doc: ParsedDocument, node: TreeNode): number {
  let start = verbatimStarts.get(node);
  if (start === undefined) {
    const text = node.value as string;
    const quotes = node.length - text.length;
    start = (quotes === 0 || quotes === 2) && doc.text.startsWith(text, node.offset + quotes / 2) ? node.offset + quotes / 2 : -1;
    verbatimStarts.set(node, start);
  }
  return start;
}

const verbatimStarts = new WeakMap<TreeNode, number>();
