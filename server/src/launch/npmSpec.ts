import { memoizeByString } from '../core/memo';
import type npaType from 'npm-package-arg';

// Loaded on the first spec the fast path below cannot read: most runs never need it, and it
// pulls in semver, hosted-git-info and lru-cache (~10 ms of a cold start).
let npaModule: typeof npaType | undefined;
const npa = (spec: string, where: string) => (npaModule ??= require('npm-package-arg') as typeof npaType)(spec, where);

/**
 * An npm package spec as npx reads it, enough to tell whether it names one immutable version.
 * `name@1.2.3` is pinned; a bare name, a dist-tag (`latest`, `next`, `beta`) or a range (`^1`,
 * `~1.2`, `>=1`, `1.x`, `1`) is not.
 */
export type NpmSpecKind =
  | 'exact' // name@1.2.3
  | 'none' // name            (resolves to latest at every run)
  | 'tag' // name@latest, name@next, name@beta
  | 'open-range' // name@*, name@>=1, name@x  (no upper bound)
  | 'range' // name@^1.2.3, name@~1.2, name@1.x, name@1
  | 'git' // github:user/repo, git+https://..., user/repo
  | 'url' // https://.../pkg.tgz
  | 'local'; // ./dir, /abs, file:..., ~/...

export interface NpmSpec {
  /** The package name (with scope), when the spec names a registry package. */
  name?: string;
  /** The text after the name's `@`, if any. */
  version?: string;
  kind: NpmSpecKind;
  /** For git specs: the ref after `#`, if any. */
  gitRef?: string;
}

/**
 * npm's own spec parser (npm-package-arg) decides what the spec is — git (`github:u/r#sha`,
 * `@s/p@github:u/r#sha`, `git+https://…`), alias (`pkg@npm:other@1.2.3`, judged by `other@1.2.3`),
 * file or directory (`pkg@file:../x`, `x.tgz`, `./dir`), remote tarball, tag, version or range
 * — so a spec means here what it means to npx. It is given a fixed `where` and only its
 * classification is used: no path is resolved against the running process, nothing is read.
 * A spec npm rejects keeps its name when it has a package's shape (a homoglyph such as a
 * Cyrillic `о` in `lоdash`: npx fails on it, and the typosquat rule must still see it);
 * anything else it rejects (a space) is not a registry package.
 */
export function parseNpmSpec(spec: string): NpmSpec {
  const text = spec.trim();
  return commonSpec(text) ?? parseUncommonSpec(text);
}

/** npa takes ~50-150 µs a spec (git hosts, URLs, semver ranges); the same few specs come back in every lint of a file. */
const parseUncommonSpec = memoizeByString(parseWithNpa, 1000);

/**
 * The specs most configs hold (`name`, `@scope/name`, `name@1.2.3`, `name@latest`), read the
 * way npm-package-arg reads them without building its semver and git objects: npa costs
 * ~50 µs a spec, which made it the largest single cost of linting a config. Anything else
 * (ranges, prereleases, git, aliases, files, upper case, odd characters) goes to npa.
 * test/unit/engine/npmSpec.test.ts checks both paths agree.
 */
function commonSpec(text: string): NpmSpec | undefined {
  const shape = COMMON_SPEC.exec(text);
  if (!shape) return undefined;
  const [, name, version] = shape;
  // npm's blocked names, and an unscoped name npa reads as a tarball file (`pkg.tgz`).
  if (name === 'node_modules' || name === 'favicon.ico' || (!name.startsWith('@') && /\.(?:tgz|tar\.gz|tar)$/.test(name))) return undefined;
  if (version === undefined || version === '') return { name, kind: 'none' };
  if (EXACT_VERSION.test(version)) return { name, version, kind: 'exact' };
  if (PLAIN_TAG.test(version)) return { name, version, kind: 'tag' };
  return undefined;
}

/** A lowercase npm name (no leading dot or underscore), then `@` and anything. */
const COMMON_SPEC = /^((?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*)(?:@(.*))?$/;
const EXACT_VERSION = /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)$/;
/** No semver range can start with a letter other than v or x (`v1`, `x`), so these are dist-tags. */
const PLAIN_TAG = /^[a-uwyz][a-z0-9-]*$/;

/** npm-package-arg's reading of a spec; exported for the test that holds the fast path to it. */
export function parseWithNpa(text: string): NpmSpec {
  let parsed: npaType.Result;
  try {
    parsed = npa(text, '/');
  } catch {
    const shape = /^((?:@[^\s@/]+\/)?[^\s@/.][^\s@/]*)(?:@(\S*))?$/u.exec(text);
    if (!shape) return { kind: 'local' };
    const [, name, version] = shape;
    if (!version) return { name, kind: 'none' };
    return { name, version, kind: /^=?v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/.test(version) ? 'exact' : 'tag' };
  }
  return fromResult(parsed);
}

function fromResult(parsed: npaType.Result): NpmSpec {
  switch (parsed.type) {
    case 'alias':
      return fromResult((parsed as npaType.AliasResult).subSpec);
    case 'git': {
      const gitRef = parsed.gitCommittish ?? (parsed.gitRange ? `semver:${parsed.gitRange}` : undefined);
      return { kind: 'git', ...(gitRef ? { gitRef } : {}) };
    }
    case 'remote':
      return { kind: 'url' };
    case 'file':
    case 'directory':
      return { kind: 'local' };
    case 'version':
      return { name: parsed.name ?? undefined, version: parsed.rawSpec, kind: 'exact' };
    case 'tag':
      return { name: parsed.name ?? undefined, version: parsed.rawSpec, kind: 'tag' };
    default: {
      const name = parsed.name ?? undefined;
      // `pkg` and `pkg@*` both parse as the range `*`: only the written one names a version.
      if (parsed.raw === name || parsed.raw === `${name}@` || parsed.rawSpec === '') return { name, kind: 'none' };
      const version = parsed.rawSpec;
      const openRange = version === '*' || /^[xX]$/.test(version) || (/^>=?\s*[\d.]+[xX*.]*$/.test(version) && !version.includes('<'));
      return { name, version, kind: openRange ? 'open-range' : 'range' };
    }
  }
}

/** True for a string that can only be a registry package name (lowercase, url-safe). */
export function looksLikePackageName(text: string): boolean {
  return /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:@.+)?$/i.test(text);
}
