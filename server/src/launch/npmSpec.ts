/**
 * Reads an npm package spec the way npm-package-arg does, enough to tell whether it names
 * one immutable version. `name@1.2.3` is pinned; a bare name, a dist-tag (`latest`, `next`,
 * `beta`) or a range (`^1`, `~1.2`, `>=1`, `1.x`, `1`) is not.
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

const EXACT_VERSION = /^=?v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const RANGE_CHARS = /^[\d.xX*^~<>=| -]+$|^[\d]+(\.[\dxX*]+)?$/;

export function parseNpmSpec(spec: string): NpmSpec {
  const text = spec.trim();
  if (/^(?:\.{1,2}[\\/]|[\\/]|~[\\/]|file:|[a-zA-Z]:[\\/])/.test(text) || text === '.' || text === '..') return { kind: 'local' };
  if (/^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:)/i.test(text) || /^[\w.-]+\/[\w.-]+(?:#.*)?$/.test(text) && !text.startsWith('@')) {
    const hash = text.indexOf('#');
    return { kind: 'git', gitRef: hash >= 0 ? text.slice(hash + 1) : undefined };
  }
  if (/^https?:\/\//i.test(text)) {
    // A URL that is really a git repository is a git spec.
    if (/\.git(?:#.*)?$/i.test(text)) {
      const hash = text.indexOf('#');
      return { kind: 'git', gitRef: hash >= 0 ? text.slice(hash + 1) : undefined };
    }
    return { kind: 'url' };
  }
  // npm:alias@version — the real package is after `npm:`.
  const unaliased = text.startsWith('npm:') ? text.slice(4) : text;
  const at = unaliased.indexOf('@', unaliased.startsWith('@') ? 1 : 0);
  const name = at < 0 ? unaliased : unaliased.slice(0, at);
  const version = at < 0 ? undefined : unaliased.slice(at + 1);
  if (version === undefined || version === '') return { name, kind: 'none', version };
  if (EXACT_VERSION.test(version)) return { name, version, kind: 'exact' };
  if (version === '*' || /^[xX]$/.test(version) || /^>=?\s*[\d.]+[xX*.]*$/.test(version) && !version.includes('<')) return { name, version, kind: 'open-range' };
  if (RANGE_CHARS.test(version)) return { name, version, kind: 'range' };
  return { name, version, kind: 'tag' };
}

/** True for a string that can only be a registry package name (lowercase, url-safe). */
export function looksLikePackageName(text: string): boolean {
  return /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:@.+)?$/i.test(text);
}
