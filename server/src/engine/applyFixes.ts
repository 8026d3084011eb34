import type { Finding, Fix, TextEdit } from '../core/types';
import { LineIndex } from '../core/lineIndex';
import type { Settings } from '../common/settings';
import { DEFAULT_SETTINGS } from '../common/settings';
import { lint, type LintOptions } from './lint';

/** Applies LSP-style edits to text (all ranges relative to the original text). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  // One pass over the text: splicing the whole string per edit made fix-all O(edits × size).
  const pieces: string[] = [];
  let copied = 0;
  for (const edit of sorted) {
    if (edit.start < copied) throw new Error('Overlapping edits cannot be applied together.');
    pieces.push(text.slice(copied, edit.start), edit.newText);
    copied = edit.end;
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}

export function applyFix(text: string, fix: Fix): string {
  return applyTextEdits(text, fix.edits);
}

/**
 * The fixes fix-all would apply in one go: safe ones only, the first fix of each finding,
 * skipping any whose edits overlap an already chosen one (they are picked up by the next pass).
 */
export function selectSafeFixes(findings: readonly Finding[], lines: LineIndex): Fix[] {
  const chosen: Fix[] = [];
  const taken: Array<[number, number]> = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.safe);
    if (!fix) continue;
    const spans = fix.edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as [number, number]);
    const overlaps = spans.some(([s, e]) => taken.some(([ts, te]) => s < te && e > ts || (s === e && s === ts) || (s === ts && e === te)));
    if (overlaps) continue;
    chosen.push(fix);
    taken.push(...spans);
  }
  return chosen;
}

export interface FixAllResult {
  text: string;
  /** Titles of the fixes applied, in order. */
  applied: string[];
}

/**
 * Applies every safe fix until none is left (bounded passes), as `source.fixAll` and the
 * CLI's `--fix` do. Running it twice gives the same text as running it once.
 */
export function fixAll(text: string, filePath: string, settings: Settings = DEFAULT_SETTINGS, options: LintOptions = {}): FixAllResult {
  const applied: string[] = [];
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const findings = lint(current, filePath, settings, options);
    const fixes = selectSafeFixes(findings, new LineIndex(current));
    if (fixes.length === 0) break;
    current = applyTextEdits(current, fixes.flatMap((f) => f.edits));
    applied.push(...fixes.map((f) => f.title));
  }
  return { text: current, applied };
}
