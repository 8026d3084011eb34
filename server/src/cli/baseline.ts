import { IoError } from './args';
import { ABSOLUTE_MAX_READ_BYTES, readRegularTextFile, UnreadableFileError } from '../host/readRegularFile';
import { writeNamedFile } from '../host/atomicWrite';
import { compareStrings } from '../host/discover';

/**
 * Baseline file (`--write-baseline` / `--baseline`), version 1:
 *
 * ```json
 * { "version": 1, "tool": "mcp-hygiene",
 *   "findings": [ { "file": "...", "ruleId": "...", "server": "github", "fingerprint": "<sha256>" } ] }
 * ```
 *
 * Entries are sorted by file, rule, server and fingerprint so the file diffs cleanly in
 * review. Only `fingerprint` is used for matching; the other fields are there for humans.
 * Matching is by count: a fingerprint recorded once accepts one finding.
 */
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  file: string;
  ruleId: string;
  server: string | null;
  fingerprint: string;
}

export interface BaselineFile {
  version: number;
  tool: 'mcp-hygiene';
  findings: BaselineEntry[];
}

export function serializeBaseline(entries: readonly BaselineEntry[]): string {
  const sorted = [...entries]
    .map((e) => ({ file: e.file, ruleId: e.ruleId, server: e.server, fingerprint: e.fingerprint }))
    .sort(
      (a, b) =>
        compareStrings(a.file, b.file) ||
        compareStrings(a.ruleId, b.ruleId) ||
        compareStrings(a.server ?? '', b.server ?? '') ||
        compareStrings(a.fingerprint, b.fingerprint),
    );
  const file: BaselineFile = { version: BASELINE_VERSION, tool: 'mcp-hygiene', findings: sorted };
  return JSON.stringify(file, null, 2) + '\n';
}

export function writeBaseline(path: string, entries: readonly BaselineEntry[]): void {
  try {
    writeNamedFile(path, serializeBaseline(entries));
  } catch (error) {
    throw new IoError(`Cannot write the baseline ${path}: ${(error as Error).message}.`);
  }
}

/** Fingerprint -> how many findings with it the baseline accepts. */
export function readBaseline(path: string, shownAs: string): Map<string, number> {
  let text: string;
  try {
    // A baseline grows with the findings it accepts: only the tool's hard ceiling applies.
    text = readRegularTextFile(path, ABSOLUTE_MAX_READ_BYTES);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    throw new IoError(`Cannot read the baseline ${shownAs}: ${error.message}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new IoError(`The baseline ${shownAs} is not valid JSON.`);
  }
  const file = data as Partial<BaselineFile> | null;
  if (!file || typeof file !== 'object' || file.version !== BASELINE_VERSION || !Array.isArray(file.findings)) {
    throw new IoError(`The baseline ${shownAs} is not a version ${BASELINE_VERSION} mcp-hygiene baseline (expected {"version": 1, "findings": [...]}).`);
  }
  const counts = new Map<string, number>();
  for (const entry of file.findings) {
    if (!entry || typeof entry.fingerprint !== 'string') throw new IoError(`The baseline ${shownAs} has an entry without a fingerprint.`);
    counts.set(entry.fingerprint, (counts.get(entry.fingerprint) ?? 0) + 1);
  }
  return counts;
}

/** Splits findings into new ones and ones the baseline accepts (consuming its counts). */
export function applyBaseline<T extends { fingerprint: string }>(findings: readonly T[], accepted: Map<string, number>): { fresh: T[]; known: T[] } {
  const remaining = new Map(accepted);
  const fresh: T[] = [];
  const known: T[] = [];
  for (const finding of findings) {
    const left = remaining.get(finding.fingerprint) ?? 0;
    if (left > 0) {
      remaining.set(finding.fingerprint, left - 1);
      known.push(finding);
    } else {
      fresh.push(finding);
    }
  }
  return { fresh, known };
}
