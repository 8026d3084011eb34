import npa from 'npm-package-arg';

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
  let parsed: npa.Result;
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

function fromResult(parsed: npa.Result): NpmSpec {
  switch (parsed.type) {
    case 'alias':
      return fromResult((parsed as npa.AliasResult).subSpec);
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
