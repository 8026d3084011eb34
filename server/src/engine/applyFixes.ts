import type { Finding, Fix, OffsetEdit, TextEdit } from '../core/types';
import { LineIndex } from '../core/lineIndex';
import type { Settings } from '../common/settings';
import { DEFAULT_SETTINGS } from '../common/settings';
import { analyze, type Analysis, type LintOptions } from './lint';

/** Applies LSP-style edits to text (all ranges relative to the original text). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  return applyOffsetEdits(
    text,
    edits.map((edit) => {
      const offset = lines.offsetAt(edit.range.start);
      return { offset, length: lines.offsetAt(edit.range.end) - offset, content: edit.newText };
    }),
  );
}

/** Applies offset edits to text (all relative to the original text; overlapping edits throw). */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  // One pass over the text: splicing the whole string per edit made fix-all O(edits × size).
  const pieces: string[] = [];
  let copied = 0;
  for (const edit of sorted) {
    if (edit.offset < copied) throw new Error('Overlapping edits cannot be applied together.');
    pieces.push(text.slice(copied, edit.offset), edit.content);
    copied = edit.offset + edit.length;
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
    const overlaps = spans.some(([s, e]) => taken.some(([ts, te]) => (s < te && e > ts) || (s === e && s === ts) || (s === ts && e === te)));
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
  /** The analysis of `text`, the result (undefined when it is not an MCP config): a report after the fixes needs no further lint. */
  analysis: Analysis | undefined;
}

/**
 * Applies every safe fix until none is left (bounded passes), as `source.fixAll` and the
 * CLI's `--fix` do. Running it twice gives the same text as running it once. `start` is the
 * analysis of `text` when the caller has one (the CLI's report, the server's cache): the
 * first pass then lints nothing, and a file with nothing to fix costs no lint at all.
 */
export function fixAll(text: string, filePath: string, settings: Settings = DEFAULT_SETTINGS, options: LintOptions = {}, start?: Analysis): FixAllResult {
  const applied: string[] = [];
  let current = text;
  let analysis = start ?? analyze(current, filePath, settings, options);
  for (let pass = 0; pass < 10 && analysis; pass++) {
    const fixes = selectSafeFixes(analysis.findings, analysis.doc.lines);
    if (fixes.length === 0) break;
    current = applyTextEdits(
      current,
      fixes.flatMap((f) => f.edits),
    );
    applied.push(...fixes.map((f) => f.title));
    analysis = analyze(current, filePath, settings, options);
  }
  return { text: current, applied, analysis };
}
