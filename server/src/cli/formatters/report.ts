import type { Severity } from '../../engine';
import type { SkippedFile } from '../../host/discover';
import type { Notice, ReportedFinding } from '../scan';

/** What every formatter gets: the outcome of one scan, after the baseline. */
export interface Report {
  findings: readonly ReportedFinding[];
  skipped: readonly SkippedFile[];
  notices: readonly Notice[];
  /** Number of files linted (not counting skipped ones). */
  lintedCount: number;
  /** Files linted per dialect id; the values add up to lintedCount. */
  filesByDialect: Readonly<Record<string, number>>;
  /** Findings hidden because the baseline accepts them. */
  baselineAccepted: number;
  /** The working directory, absolute: SARIF's %SRCROOT%. */
  cwd: string;
  /** --machine: which host and user the report is about (MDM collection merges reports by it). */
  machine?: { host: string; user: string; home: string };
}

export function countBySeverity(findings: readonly ReportedFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/**
 * The per-dialect counts in reading order: most files first (ties by id), `generic` (files
 * recognised by their content, not by a client's file name) last.
 */
export function dialectCounts(filesByDialect: Readonly<Record<string, number>>): Array<[string, number]> {
  return Object.entries(filesByDialect)
    .filter(([, n]) => n > 0)
    .sort(([a, n], [b, m]) => Number(a === 'generic') - Number(b === 'generic') || m - n || (a < b ? -1 : a > b ? 1 : 0));
}
