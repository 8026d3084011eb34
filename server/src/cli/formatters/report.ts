import type { Severity } from '../../engine';
import type { SkippedFile } from '../discover';
import type { Notice, ReportedFinding } from '../scan';

/** What every formatter gets: the outcome of one scan, after the baseline. */
export interface Report {
  findings: readonly ReportedFinding[];
  skipped: readonly SkippedFile[];
  notices: readonly Notice[];
  /** Number of files linted (not counting skipped ones). */
  lintedCount: number;
  /** Findings hidden because the baseline accepts them. */
  baselineAccepted: number;
  /** The working directory, absolute: SARIF's %SRCROOT%. */
  cwd: string;
}

export function countBySeverity(findings: readonly ReportedFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
