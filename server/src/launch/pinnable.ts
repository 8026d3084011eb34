import type { McpConfig, StringValue } from '../core/model';
import type { OffsetEdit } from '../core/types';
import type { ParsedDocument } from '../core/tree';
import { allLaunches, launchedPackages, pinEdit, replaceInString, spanOf, type LaunchedPackage } from './packages';
import type { Invocation } from '../core/invocation';
import { isCommitSha } from './pythonSpec';
import { pinVersionProblem, type PinKind } from '../common/pinInput';

/**
 * What could be pinned, described without any network: the unpinned rules' findings each
 * correspond to one PinTarget (the kind in the rule's `meta.pins`, the same span), and
 * `edit(version)` rewrites exactly the spec text inside its argument string (re-quoted with
 * the document's own syntax, so JSON, TOML and YAML stay valid). The registry lookups that
 * find the version live outside the engine (server/src/registry); the engine stays pure.
 */
export type { PinKind } from '../common/pinInput';
export { pinVersionProblem } from '../common/pinInput';

export interface PinTarget {
  kind: PinKind;
  /** Server entry name. */
  server: string;
  /** `npx`, `uvx`, `docker run`, ... */
  launcher: string;
  /** npm / PyPI package name, image name (with registry host, without tag), or the git source as written. */
  name: string;
  /** Docker: the tag whose digest to look up (as written, else `latest`). */
  tag?: string;
  /** A registry the launch itself names (`--registry`, `--index-url`): lookups must ask it. */
  registry?: string;
  /** The finding's span (the rule reports exactly this). */
  offset: number;
  length: number;
  /** The edit pinning to `version` (npm/PyPI version, `sha256:` digest, commit id); undefined when it cannot be written in place. */
  edit(version: string): OffsetEdit | undefined;
}

/** Every pinnable package, image and git source of the config, in document order. */
export function pinTargets(doc: ParsedDocument, config: McpConfig): PinTarget[] {
  const targets: PinTarget[] = [];
  for (const server of config.servers) {
    // Every launch of the server: a shell string's commands and what a container runs too
    // (`docker exec -i ctr npx pkg`), as the unpinned rules read them.
    for (const info of allLaunches(server)) {
      if (info.npm) {
        const npm = info.npm;
        for (const p of npm.packages) {
          const span = spanOf(doc, p.value);
          if (p.spec.kind === 'git') {
            targets.push({
              kind: 'git',
              server: server.name,
              launcher: npm.launcher,
              name: p.text,
              ...span,
              edit: (sha) => gitEdit(doc, p.value, p.text, sha, '#'),
            });
            continue;
          }
          if (!p.spec.name || p.spec.kind === 'exact' || p.spec.kind === 'url' || p.spec.kind === 'local') continue;
          const pkg = packageFor(server, 'npm', p.value, p.text);
          if (!pkg) continue;
          targets.push({
            kind: 'npm',
            server: server.name,
            launcher: npm.launcher,
            name: p.spec.name,
            ...(npm.registry ? { registry: npm.registry.value } : {}),
            ...span,
            edit: (version) => {
              if (!validPinVersion('npm', version)) return undefined;
              // pinEdit's spelling (`[npm:]name@version`), written in place when possible.
              const prefix = /^(npm:)/i.exec(pkg.text)?.[1] ?? '';
              return replaceSpec(doc, p.value, p.text, `${prefix}${pkg.name}@${cleanNpmVersion(version)}`) ?? pinEdit(doc, pkg, cleanNpmVersion(version));
            },
          });
        }
      } else if (info.python) {
        const python = info.python;
        const index = python.indexes.find((i) => i.option !== '--extra-index-url' && i.option !== '--find-links' && i.option !== '-f');
        for (const p of python.packages) {
          const span = spanOf(doc, p.value);
          if (p.spec.kind === 'git') {
            targets.push({
              kind: 'git',
              server: server.name,
              launcher: python.launcher,
              name: p.text,
              ...span,
              edit: (sha) => gitEdit(doc, p.value, p.text, sha, '@'),
            });
            continue;
          }
          if (!p.spec.name || p.spec.kind === 'exact' || p.spec.kind === 'url' || p.spec.kind === 'local') continue;
          const name = p.spec.name;
          const extras = p.spec.extras ?? '';
          // uvx's positional is both package and command: `pkg@1.2.3` is the form uv documents
          // for it; `--from`, `--with` and pipx take a PEP 508 requirement (`pkg==1.2.3`).
          const positionalUvx =
            (python.launcher === 'uvx' || python.launcher === 'uv tool run') &&
            p.role === 'main' &&
            p.value.value === p.text &&
            !extras &&
            isUvxPositional(info.invocation, p.value);
          targets.push({
            kind: 'PyPI',
            server: server.name,
            launcher: python.launcher,
            name,
            ...(index ? { registry: index.value.value } : {}),
            ...span,
            edit: (version) =>
              validPinVersion('PyPI', version)
                ? replaceSpec(doc, p.value, p.text, `${name}${extras}${positionalUvx ? '@' : '=='}${version.trim()}`)
                : undefined,
          });
        }
      } else if (info.docker?.image) {
        const docker = info.docker;
        const image = docker.image!;
        if (image.digest || !image.repository || /[$%{}]/.test(image.reference)) continue;
        const name = image.registry ? `${image.registry}/${image.repository}` : image.repository;
        const tag = image.tag ?? 'latest';
        const written = image.value.value;
        // The name as written (keeps `docker.io/` or a `library/` prefix), without its tag.
        const tagSuffix = image.tag ? `:${image.tag}` : '';
        const base = tagSuffix && written.endsWith(tagSuffix) ? written.slice(0, -tagSuffix.length) : written;
        targets.push({
          kind: 'Docker',
          server: server.name,
          launcher: `${docker.engine} run`,
          name,
          tag,
          ...spanOf(doc, image.value),
          edit: (digest) =>
            validPinVersion('Docker', digest) ? replaceSpec(doc, image.value, written, `${base}:${tag}@${digest.trim().toLowerCase()}`) : undefined,
        });
      }
    }
  }
  return targets;
}

/**
 * The target behind a finding whose rule pins `kind` (its `meta.pins`): the same kind at the
 * same span, read from the finding's own server only.
 */
export function pinTargetAt(
  doc: ParsedDocument,
  config: McpConfig,
  kind: PinKind,
  server: string | null,
  offset: number,
  length: number,
): PinTarget | undefined {
  const servers = config.servers.filter((s) => s.name === server);
  return pinTargets(doc, { ...config, servers }).find((t) => t.kind === kind && t.offset === offset && t.length === length);
}

export function validPinVersion(kind: PinKind, version: string): boolean {
  return pinVersionProblem(kind, version) === undefined;
}

function cleanNpmVersion(version: string): string {
  return version.trim().replace(/^[=v]+/, '');
}

function packageFor(
  server: Parameters<typeof launchedPackages>[0],
  ecosystem: LaunchedPackage['ecosystem'],
  value: StringValue,
  text: string,
): LaunchedPackage | undefined {
  return launchedPackages(server).find((p) => p.ecosystem === ecosystem && p.value.node === value.node && p.text === text);
}

/** Whether `value` is the positional argument (not the value of `--from`). */
function isUvxPositional(invocation: Invocation | undefined, value: StringValue): boolean {
  const args = invocation?.args ?? [];
  const index = args.findIndex((a) => a.node === value.node && a.value === value.value);
  if (index <= 0) return index === 0;
  const previous = args[index - 1].value;
  return previous !== '--from' && previous !== '--spec';
}

/** Replaces (or adds) the ref of a git source with `sha`: `#ref` for npm, `@ref` for pip/uv URLs (fragment kept). */
function gitEdit(doc: ParsedDocument, value: StringValue, text: string, sha: string, separator: '#' | '@'): OffsetEdit | undefined {
  if (!isCommitSha(sha)) return undefined;
  const commit = sha.trim().toLowerCase();
  let pinned: string;
  if (separator === '#') {
    const hash = text.indexOf('#');
    pinned = `${hash >= 0 ? text.slice(0, hash) : text}#${commit}`;
  } else {
    // `[name @ ]git+scheme://host/path[@ref][#fragment]`
    const start = Math.max(0, text.search(/(?:git|hg|svn|bzr)\+/i));
    const head = text.slice(0, start);
    const url = text.slice(start);
    const hash = url.indexOf('#');
    const fragment = hash >= 0 ? url.slice(hash) : '';
    let bare = hash >= 0 ? url.slice(0, hash) : url;
    const schemeEnd = bare.indexOf('://') + 3;
    const pathStart = bare.indexOf('/', schemeEnd);
    const at = bare.lastIndexOf('@');
    if (pathStart > 0 && at > pathStart) bare = bare.slice(0, at);
    pinned = `${head}${bare}@${commit}${fragment}`;
  }
  return replaceSpec(doc, value, text, pinned);
}

/**
 * Rewrites `oldText` inside the string node of `value`. When the source spells it verbatim
 * at exactly one place and the new text needs no escaping or quoting in any of the syntaxes
 * (JSON, TOML basic or literal strings, YAML plain or quoted scalars), only those bytes
 * change, so the quote style, escapes elsewhere and comments stay exactly as written;
 * otherwise the whole string is re-quoted with `doc.quote` (replaceInString).
 */
export function replaceSpec(doc: ParsedDocument, value: StringValue, oldText: string, newText: string): OffsetEdit | undefined {
  return inPlace(doc, value, oldText, newText) ?? replaceInString(doc, value, oldText, newText);
}

function inPlace(doc: ParsedDocument, value: StringValue, oldText: string, newText: string | undefined): OffsetEdit | undefined {
  const node = value.node;
  if (newText === undefined || node.type !== 'string' || !/^[A-Za-z0-9@:=._+/~-]+(?:#[A-Za-z0-9._=-]+)?$/.test(newText) || !oldText) return undefined;
  const raw = doc.text.slice(node.offset, node.offset + node.length);
  const escaped = oldText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(^|["'\\s=])(${escaped})(?=$|["'\\s])`, 'g');
  const matches = [...raw.matchAll(pattern)];
  if (matches.length !== 1) return undefined;
  const at = matches[0].index! + matches[0][1].length;
  return { offset: node.offset + at, length: oldText.length, content: newText };
}
