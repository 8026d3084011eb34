/**
 * A small PEP 440 version comparator, hand-written (no maintained JS library covers PEP 440
 * well enough to ship in a bundle): parses `[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]`
 * with the spec's normalisations (case, `alpha`/`beta`/`c`/`pre`/`preview` spellings,
 * `-`/`_` separators, implicit 0, `v` prefix), and orders versions as the spec does:
 * release segments compared with trailing zeros ignored; `.devN` < `aN` < `bN` < `rcN` <
 * final < `.postN`; a dev release of a pre/post release sorts just before it.
 *
 * Advisory ranges are written npm-style (`>=0.2.13 <1.3.47`, `1.0 || 2.0`, `*`), as in the
 * shared advisory feed; `satisfiesPep440` evaluates that syntax with PEP 440 ordering.
 */
export interface Pep440Version {
  epoch: number;
  release: number[];
  /** ['a' | 'b' | 'rc', n] */
  pre?: [string, number];
  post?: number;
  dev?: number;
  local?: string;
}

const PATTERN =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d*))?(?:(?:-(\d+))|(?:[-_.]?(post|rev|r)[-_.]?(\d*)))?(?:[-_.]?(dev)[-_.]?(\d*))?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/i;

export function parsePep440(text: string): Pep440Version | undefined {
  const match = PATTERN.exec(text.trim());
  if (!match) return undefined;
  const version: Pep440Version = { epoch: match[1] ? Number(match[1]) : 0, release: match[2].split('.').map(Number) };
  if (match[3]) {
    const label = match[3].toLowerCase();
    const kind = label === 'alpha' ? 'a' : label === 'beta' ? 'b' : label === 'c' || label === 'pre' || label === 'preview' ? 'rc' : label;
    version.pre = [kind, match[4] ? Number(match[4]) : 0];
  }
  if (match[5] !== undefined) version.post = Number(match[5]);
  else if (match[6]) version.post = match[7] ? Number(match[7]) : 0;
  if (match[8]) version.dev = match[9] ? Number(match[9]) : 0;
  // `-` and `_` in a local label normalise to `.` (PEP 440 "Local version segments").
  if (match[10]) version.local = match[10].toLowerCase().replace(/[-_]/g, '.');
  return version;
}

const PRE_ORDER: Record<string, number> = { a: 0, b: 1, rc: 2 };

/** Negative, zero or positive like a sort comparator. Local labels are compared last (compareLocal). */
export function comparePep440(a: Pep440Version, b: Pep440Version): number {
  if (a.epoch !== b.epoch) return a.epoch - b.epoch;
  const length = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < length; i++) {
    const d = (a.release[i] ?? 0) - (b.release[i] ?? 0);
    if (d !== 0) return d;
  }
  const keyA = phaseKey(a);
  const keyB = phaseKey(b);
  for (let i = 0; i < keyA.length; i++) if (keyA[i] !== keyB[i]) return keyA[i] - keyB[i];
  if (a.local === b.local) return 0;
  if (a.local === undefined) return -1;
  if (b.local === undefined) return 1;
  return compareLocal(a.local, b.local);
}

/**
 * PEP 440 local labels, segment by segment (split on `.`): digits-only segments compare as
 * integers and sort after alphanumeric ones, which compare as (lower-case) strings; when one
 * label is the start of the other, the longer sorts after. So `1.0+10` > `1.0+9`,
 * `1.0+abc.5` > `1.0+abc.4`, `1.0+5` > `1.0+abc`, `1.0+abc.1` > `1.0+abc`.
 */
function compareLocal(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    const xNumeric = /^\d+$/.test(x);
    const yNumeric = /^\d+$/.test(y);
    if (xNumeric && yNumeric) {
      const difference = compareDigits(x, y);
      if (difference !== 0) return difference;
    } else if (xNumeric !== yNumeric) {
      return xNumeric ? 1 : -1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return left.length - right.length;
}

/** Integers of any length, compared without Number's precision limit (leading zeros ignored). */
function compareDigits(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '');
  const b = y.replace(/^0+(?=\d)/, '');
  if (a.length !== b.length) return a.length - b.length;
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * A tuple ordering everything after the release segment:
 * [pre phase, pre number, post, dev]. A dev release with nothing else sorts before every
 * pre-release of the same release (phase -1); no pre-release = phase 3 (after rc);
 * no post = -1; no dev = +Infinity (a dev release sorts before its non-dev twin).
 */
function phaseKey(v: Pep440Version): number[] {
  let phase: number;
  let number = 0;
  if (v.pre) {
    phase = PRE_ORDER[v.pre[0]];
    number = v.pre[1];
  } else if (v.dev !== undefined && v.post === undefined) {
    phase = -1;
  } else {
    phase = 3;
  }
  return [phase, number, v.post ?? -1, v.dev ?? Number.POSITIVE_INFINITY];
}

/** `a < b` etc. on strings; undefined when either is not a PEP 440 version. */
export function comparePep440Text(a: string, b: string): number | undefined {
  const x = parsePep440(a);
  const y = parsePep440(b);
  return x && y ? comparePep440(x, y) : undefined;
}

/**
 * Whether `version` falls in an npm-style range written over PEP 440 versions:
 * `||`-separated alternatives of space-separated comparators (`<`, `<=`, `>`, `>=`, `=`,
 * `==`, or a bare version meaning equality), `*` for every version. Pre-releases are
 * compared like any other version (an advisory range covers them too).
 */
export function satisfiesPep440(version: string, range: string): boolean {
  const parsed = parsePep440(version);
  if (!parsed) return false;
  return range.split('||').some((alternative) => {
    const comparators = alternative.trim().split(/\s+/).filter(Boolean);
    if (comparators.length === 0) return false;
    return comparators.every((comparator) => {
      if (comparator === '*') return true;
      const match = /^(<=|>=|<|>|===?|!=|~=)?\s*(.+)$/.exec(comparator);
      if (!match) return false;
      const bound = parsePep440(match[2]);
      if (!bound) return false;
      const order = comparePep440(parsed, bound);
      switch (match[1]) {
        case '<':
          return order < 0;
        case '<=':
          return order <= 0;
        case '>':
          return order > 0;
        case '>=':
          return order >= 0;
        case '!=':
          return order !== 0;
        case '~=':
          return order >= 0 && compatibleUpper(parsed, bound);
        default:
          return order === 0;
      }
    });
  });
}

/** `~=X.Y.Z` means `>=X.Y.Z, ==X.Y.*`. */
function compatibleUpper(version: Pep440Version, bound: Pep440Version): boolean {
  const prefix = bound.release.slice(0, Math.max(1, bound.release.length - 1));
  return prefix.every((n, i) => (version.release[i] ?? 0) === n);
}
