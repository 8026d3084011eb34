import { semver } from '../common/lazySemver';
import { advisoriesFor, type Advisory } from '../data';
import { comparePep440, parsePep440, satisfiesPep440 } from '../common/pep440';

/**
 * Which advisories apply to a package: the shipped list (server/src/data/advisories.json)
 * unless a caller injects its own (tests, an organisation feed). Malicious-package records
 * count too: no version of a malicious package is proposed.
 */
export type AdvisorySource = (ecosystem: string, name: string) => readonly Advisory[];

export const shippedAdvisories: AdvisorySource = (ecosystem, name) => advisoriesFor(ecosystem, name);

/** The advisories whose range contains this exact version. */
export function advisoriesAffecting(ecosystem: 'npm' | 'PyPI', version: string, advisories: readonly Advisory[]): Advisory[] {
  return advisories.filter((advisory) => {
    const range = advisory.affected.trim();
    if (range === '' || range === '*') return true;
    if (ecosystem === 'PyPI') return satisfiesPep440(version, range);
    try {
      return semver().satisfies(version, range, { includePrerelease: true, loose: true });
    } catch {
      return false;
    }
  });
}

export interface Candidate {
  version: string;
  /** npm `deprecated` message, or PyPI "every file yanked". */
  withdrawn?: string;
}

export interface Choice {
  version: string;
  /** Versions newer than the choice that were skipped, with why (for the message). */
  skipped: Array<{ version: string; why: string }>;
}

/**
 * The newest version that is a final release (no pre-release, no dev release), not deprecated
 * or yanked, and inside no advisory. `preferred` (npm's dist-tags.latest) wins when it passes.
 * Undefined when nothing passes.
 */
export function chooseSafeVersion(
  ecosystem: 'npm' | 'PyPI',
  candidates: readonly Candidate[],
  advisories: readonly Advisory[],
  preferred?: string,
): Choice | undefined {
  const skipped: Choice['skipped'] = [];
  const check = (c: Candidate): string | undefined => {
    if (c.withdrawn !== undefined) return ecosystem === 'npm' ? 'deprecated' : 'yanked';
    const hits = advisoriesAffecting(ecosystem, c.version, advisories);
    if (hits.length) return `in ${hits.map((a) => a.id).join(', ')}`;
    return undefined;
  };
  if (preferred) {
    const candidate = candidates.find((c) => c.version === preferred);
    if (candidate && isFinal(ecosystem, preferred)) {
      const why = check(candidate);
      if (!why) return { version: preferred, skipped };
      skipped.push({ version: preferred, why });
    }
  }
  const finals = candidates.filter((c) => isFinal(ecosystem, c.version)).sort((a, b) => compare(ecosystem, b.version, a.version));
  for (const candidate of finals) {
    if (candidate.version === preferred) continue;
    // npm: never propose something newer than `latest` (a publisher's un-promoted release).
    if (ecosystem === 'npm' && preferred && semver().valid(preferred) && semver().gt(candidate.version, preferred)) continue;
    const why = check(candidate);
    if (!why) return { version: candidate.version, skipped };
    if (skipped.length < 5) skipped.push({ version: candidate.version, why });
  }
  return undefined;
}

export function isFinal(ecosystem: 'npm' | 'PyPI', version: string): boolean {
  if (ecosystem === 'npm') {
    const parsed = semver().parse(version);
    return !!parsed && parsed.prerelease.length === 0;
  }
  const parsed = parsePep440(version);
  return !!parsed && !parsed.pre && parsed.dev === undefined && !parsed.local;
}

function compare(ecosystem: 'npm' | 'PyPI', a: string, b: string): number {
  if (ecosystem === 'npm') return semver().compare(a, b);
  return comparePep440(parsePep440(a)!, parsePep440(b)!);
}
