import { semver } from '../common/lazySemver';
import { advisoriesFor, imageAlias, type Advisory } from '../data';
import { satisfiesPep440, comparePep440Text } from '../common/pep440';
import type { LaunchedPackage } from './packages';
import { StringAnswers } from '../core/memo';

/**
 * Which shipped advisories a launched package is inside. npm and Go ranges are semver
 * (the `semver` package, pre-releases included); PyPI ranges use PEP 440 ordering (pep440.ts).
 * A pinned version matches when it satisfies the range; a version range matches only when
 * every version it allows is affected (semver.subset); an unpinned package matches only
 * advisories that affect every version (`*`), since its newest release may be fixed.
 */
export interface AdvisoryTarget {
  /** The ecosystem and name the advisories are filed under. */
  ecosystem: string;
  name: string;
  /** The version as written (for messages and edits). */
  version?: string;
  /** How the version was given. */
  mode: 'exact' | 'range' | 'unpinned';
}

export function advisoryTarget(pkg: LaunchedPackage): AdvisoryTarget | undefined {
  if (pkg.ecosystem === 'Docker') {
    const alias = imageAlias(pkg.name);
    if (!alias) return undefined;
    const tag = pkg.kind === 'range' ? pkg.version : undefined; // a non-latest tag
    return { ecosystem: alias.ecosystem, name: alias.package, version: tag, mode: tag && semver().valid(semver().clean(tag) ?? '') ? 'exact' : 'unpinned' };
  }
  if (pkg.ecosystem === 'jsr') return undefined;
  if (pkg.ecosystem === 'Go') {
    const name = goModuleWithAdvisories(pkg.name);
    if (!name) return undefined;
    return {
      ecosystem: 'Go',
      name,
      version: pkg.version,
      mode: pkg.kind === 'exact' && pkg.version && semver().valid(semver().clean(pkg.version) ?? '') ? 'exact' : 'unpinned',
    };
  }
  const mode = pkg.kind === 'exact' ? 'exact' : pkg.kind === 'range' || pkg.kind === 'open-range' ? 'range' : 'unpinned';
  return { ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version, mode };
}

/** `github.com/github/github-mcp-server/cmd/github-mcp-server` -> the module path the advisories use. */
function goModuleWithAdvisories(path: string): string | undefined {
  const parts = path.split('/');
  for (let n = parts.length; n >= 2; n--) {
    const candidate = parts.slice(0, n).join('/');
    if (advisoriesFor('Go', candidate).length) return candidate;
  }
  return undefined;
}

/** The shipped advisories that apply (semver ranges are parsed on every call, so answers are remembered). */
export function matchingAdvisories(target: AdvisoryTarget, malicious: boolean): readonly Advisory[] {
  const key = `${malicious ? 1 : 0}\u0000${target.ecosystem}\u0000${target.name}\u0000${target.mode}\u0000${target.version ?? ''}`;
  return (
    matchCache.get(key) ??
    matchCache.add(key, () => {
      const candidates = advisoriesFor(target.ecosystem, target.name);
      return candidates.length === 0 ? NONE : candidates.filter((advisory) => advisory.malicious === malicious && affects(target, advisory));
    })
  );
}

const NONE: readonly Advisory[] = Object.freeze([]);
const matchCache = new StringAnswers<readonly Advisory[]>(2000);

function affects(target: AdvisoryTarget, advisory: Advisory): boolean {
  const range = advisory.affected.trim();
  if (range === '*' || range === '') return true;
  if (target.mode === 'unpinned' || !target.version) return false;
  if (target.ecosystem === 'PyPI') {
    return target.mode === 'exact' && satisfiesPep440(target.version, range);
  }
  const options = { includePrerelease: true, loose: true };
  if (target.mode === 'exact') {
    const version = semver().clean(target.version, options) ?? semver().coerce(target.version)?.version;
    return !!version && semver().satisfies(version, range, options);
  }
  try {
    return semver().validRange(target.version, options) !== null && semver().subset(target.version, range, options);
  } catch {
    return false;
  }
}

/**
 * The lowest version that leaves every matched advisory (and no other advisory of the same
 * package) behind, or undefined when one of them has no fix.
 */
export function firstSafeVersion(target: AdvisoryTarget, matched: readonly Advisory[]): string | undefined {
  if (matched.some((a) => !a.fixed)) return undefined;
  const isPyPI = target.ecosystem === 'PyPI';
  const greater = (a: string, b: string) =>
    isPyPI
      ? (comparePep440Text(a, b) ?? 0) > 0
      : semver().gt(semver().coerce(a, { includePrerelease: true })?.version ?? a, semver().coerce(b, { includePrerelease: true })?.version ?? b);
  let candidate = matched.map((a) => a.fixed as string).reduce((max, v) => (greater(v, max) ? v : max));
  // The fixed version of one advisory may sit inside another's range: move past it too.
  for (let guard = 0; guard < 10; guard++) {
    const still = matchingAdvisories({ ...target, version: candidate, mode: 'exact' }, false);
    if (still.length === 0) return candidate;
    if (still.some((a) => !a.fixed)) return undefined;
    const next = still.map((a) => a.fixed as string).reduce((max, v) => (greater(v, max) ? v : max));
    if (!greater(next, candidate)) return undefined;
    candidate = next;
  }
  return undefined;
}
