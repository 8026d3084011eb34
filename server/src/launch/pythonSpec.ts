import type { NpmSpecKind } from './npmSpec';
import { withoutTail } from '../core/invocation';
import { normalizePythonName } from '../common/pythonName';

/**
 * Reads a Python requirement the way uv and pipx take it on the command line, enough to tell
 * whether it names one immutable release:
 *
 *   pkg                      none        (newest release at every run)
 *   pkg==1.2.3 / pkg===1.2.3 exact
 *   pkg@1.2.3                exact       (uvx shorthand for ==)
 *   pkg@latest               tag         (uvx: always re-resolve)
 *   pkg>=1 / pkg>1           open-range
 *   pkg~=1.2 / pkg>=1,<2     range
 *   pkg==1.*                 range
 *   git+https://...@<ref>    git         (pinned only when ref is a 40-hex commit)
 *   https://.../x.whl        url
 *   ./dir, /abs, x.whl       local
 *   pkg @ git+https://...    git / url   (PEP 508 direct reference)
 *
 * Names are returned normalised per PEP 503 (lower case, runs of -_. -> '-') in `normalized`.
 */
export interface PythonSpec {
  kind: NpmSpecKind;
  /** The distribution name as written (without extras). */
  name?: string;
  /** PEP 503 normalised name, for table look-ups. */
  normalized?: string;
  /** Exact version (for `exact`), or the specifier text (for ranges and tags). */
  version?: string;
  /** Extras as written, e.g. `[cli]`. */
  extras?: string;
  /** For git sources: the ref after `@`, if any. */
  gitRef?: string;
  /** For URL sources: the URL. */
  url?: string;
  /** Offset of `name` in the spec text (after trimming); -1 when there is no name. */
  nameStart: number;
}

const VERSION_CLAUSE = /^(?:===?|~=|!=|<=?|>=?)\s*[^\s=<>!~,]/;
const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*/;

export function parsePythonSpec(spec: string): PythonSpec {
  const text = spec.trim();
  if (text === '') return { kind: 'none', nameStart: -1 };
  if (
    /^(?:\.{1,2}(?:[\\/]|$)|[\\/]|~[\\/]|file:|[a-zA-Z]:[\\/])/.test(text) ||
    (/\.(?:whl|tar\.gz|zip)$/i.test(text) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
  ) {
    return { kind: 'local', nameStart: -1 };
  }
  const vcs = vcsSource(text);
  if (vcs) return vcs;
  const match = NAME.exec(text);
  if (!match) return { kind: 'none', nameStart: -1 };
  const name = match[1];
  const base = { name, normalized: normalizePythonName(name), extras: match[2], nameStart: 0 };
  const rest = withoutTail(text.slice(match[0].length), /;/).trim();
  if (rest === '') return { ...base, kind: 'none' };
  if (rest.startsWith('@')) {
    const after = rest.slice(1).trim();
    // PEP 508 direct reference: `name @ https://...` / `name @ git+https://...`.
    const direct = vcsSource(after);
    if (direct) return { ...direct, ...base };
    if (after === '' || after === 'latest') return { ...base, kind: after === '' ? 'none' : 'tag', version: after || undefined };
    if (/^v?\d+(?:\.\d+)*(?:(?:a|b|rc|\.post|\.dev)\d*)*$/i.test(after)) return { ...base, kind: 'exact', version: after.replace(/^v/i, '') };
    return { ...base, kind: 'tag', version: after };
  }
  const clauses = rest
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  // PEP 440 comparison operators only: `GITHUB_TOKEN=ghp_…` (an env assignment after an
  // option uvx does not know) or `name:x` is no requirement, and must not be reported as
  // package `GITHUB_TOKEN` at version `=ghp_…`. uv refuses such a spec.
  if (!clauses.every((c) => VERSION_CLAUSE.test(c))) return { kind: 'none', nameStart: -1 };
  if (clauses.length === 1) {
    const exact = /^(===?)\s*(\S+)$/.exec(clauses[0]);
    if (exact && !exact[2].includes('*')) return { ...base, kind: 'exact', version: exact[2] };
  }
  const hasUpper = clauses.some((c) => /^(?:<|<=|~=|==)/.test(c));
  return { ...base, kind: hasUpper ? 'range' : 'open-range', version: rest };
}

/** `git+https://host/path@ref#egg=x`, `https://.../file.whl`, etc. */
function vcsSource(text: string): PythonSpec | undefined {
  const vcs = /^(?:git|hg|svn|bzr)\+[a-z+]+:\/\/\S+$/i.exec(text);
  if (vcs) {
    const withoutFragment = text.replace(/#.*$/, '');
    // The ref is the part after the last '@' that comes after the host's path start.
    const schemeEnd = withoutFragment.indexOf('://') + 3;
    const pathStart = withoutFragment.indexOf('/', schemeEnd);
    const at = withoutFragment.lastIndexOf('@');
    const gitRef = at > pathStart && pathStart > 0 ? withoutFragment.slice(at + 1) : undefined;
    return { kind: 'git', gitRef, url: text, nameStart: -1 };
  }
  if (/^https?:\/\//i.test(text)) return { kind: 'url', url: text, nameStart: -1 };
  return undefined;
}

/** True for a full 40-hex (SHA-1) or 64-hex (SHA-256) commit id: the only immutable git ref. */
export function isCommitSha(ref: string | undefined): boolean {
  return !!ref && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(ref);
}
