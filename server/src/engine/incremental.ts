import type { Finding, Range, TextEdit } from '../core/types';
import type { McpConfig, ServerEntry } from '../core/model';
import type { ParsedDocument } from '../core/tree';
import type { LineIndex } from '../core/lineIndex';
import type { ChangedRegion } from '../core/textDiff';
import { deferredFix } from '../core/deferredFix';

/**
 * Incremental re-linting, for the language server's keystrokes: when an edit stays inside
 * one server entry of a JSON file, the rules whose findings are per server
 * (`RuleMeta.scope === 'server'`) are run on that server alone, and their findings for
 * every other server are carried over from the previous version, moved by the edit's
 * length. The other rules run as usual. A 100-server file then costs one parse and about
 * one server's worth of rules instead of a hundred.
 *
 * Carried-over findings are exact when a per-server rule keeps its promise: a finding about
 * a server lies inside that server's entry (or outside every entry) and depends only on the
 * entry and on the text outside all entries. The differential check
 * (test/fuzz/lib/incremental.ts, run by the unit suite and by `npm run fuzz`) compares this
 * with a full lint over thousands of chained edits.
 * Anything else — YAML (anchors reach across entries), TOML (a server's tables can be
 * anywhere), syntax errors, an edit outside every entry, a changed number of servers —
 * takes a full lint.
 */

/** What an analysis keeps so the next version can be linted incrementally. */
export interface IncrementalState {
  /** Everything besides the text that findings depend on (path, dialect, settings, policy, git state, rule set), computed on first call. */
  keyOf(): string;
  /** The rules' findings before suppressions were applied. */
  unsuppressed: Finding[];
}

/** The text a server entry spans: its name (key) and its value. */
export function entrySpan(server: ServerEntry): { start: number; end: number } {
  const start = Math.min(server.nameNode.offset, server.node.offset);
  const end = Math.max(server.nameNode.offset + server.nameNode.length, server.node.offset + server.node.length);
  return { start, end };
}

/**
 * The index of the one server entry that contains the whole edit, in both versions, when
 * every other entry is the same text at the same (or shifted) place; otherwise undefined.
 */
export function confinedServerIndex(
  previous: { doc: ParsedDocument; config: McpConfig },
  doc: ParsedDocument,
  config: McpConfig,
  region: ChangedRegion,
): number | undefined {
  if (doc.syntax !== 'json' || previous.doc.syntax !== 'json') return undefined;
  if (doc.problems.length > 0 || previous.doc.problems.length > 0) return undefined;
  const before = previous.config.servers;
  const after = config.servers;
  if (before.length !== after.length || before.length === 0) return undefined;
  const delta = region.newEnd - region.oldEnd;
  let changed: number | undefined;
  for (let index = 0; index < after.length; index++) {
    const old = entrySpan(before[index]);
    const now = entrySpan(after[index]);
    if (old.start <= region.start && region.oldEnd <= old.end && now.start <= region.start && region.newEnd <= now.end) {
      if (changed !== undefined || old.start !== now.start || old.end + delta !== now.end) return undefined;
      changed = index;
      continue;
    }
    // Every other entry: entirely before the edit (same place) or after it (moved by delta).
    const shift = old.end <= region.start ? 0 : old.start >= region.oldEnd ? delta : undefined;
    if (shift === undefined || now.start !== old.start + shift || now.end !== old.end + shift) return undefined;
    if (before[index].name !== after[index].name) return undefined;
  }
  return changed;
}

/**
 * Moves a finding of the previous version to the new text. Undefined when it touches the
 * edited region (the caller then lints the whole file). A deferred fix is not carried over
 * as the previous version's closure (that would keep every earlier version of the document
 * alive, one per edit): its edits are recomputed from the new text when first read.
 */
export function moveFinding(finding: Finding, shift: TextShift, deferredEdits: (moved: Finding, title: string) => TextEdit[]): Finding | undefined {
  const range = moveRange(finding.range, shift);
  if (!range) return undefined;
  // Spelt out rather than spread: a spread of each finding was most of a keystroke's moves.
  const { ruleId, category, severity, server, message } = finding;
  const moved: Finding = { ruleId, category, severity, range, server, message, fixes: [] };
  for (const fix of finding.fixes) {
    if (!fix.deferred) {
      const edits = moveEdits(fix.edits, shift);
      if (!edits) return undefined;
      moved.fixes.push({ ...fix, edits });
      continue;
    }
    const { title } = fix;
    moved.fixes.push(deferredFix(title, fix.safe, fix.preferred, () => deferredEdits(moved, title)));
  }
  return moved;
}

function moveEdits(edits: readonly TextEdit[], shift: TextShift): TextEdit[] | undefined {
  const moved: TextEdit[] = [];
  for (const edit of edits) {
    const range = moveRange(edit.range, shift);
    if (!range) return undefined;
    moved.push({ range, newText: edit.newText });
  }
  return moved;
}

/** An edit as findings are moved over it: its text change, and the lines it spans before the change. */
export interface TextShift {
  oldLines: LineIndex;
  newLines: LineIndex;
  region: ChangedRegion;
  firstLine: number;
  lastLine: number;
  /** Lines the edit added (negative: removed). */
  lineDelta: number;
}

export function textShift(oldLines: LineIndex, newLines: LineIndex, region: ChangedRegion): TextShift {
  return {
    oldLines,
    newLines,
    region,
    firstLine: oldLines.positionAt(region.start).line,
    lastLine: oldLines.positionAt(region.oldEnd).line,
    lineDelta: newLines.lineCount - oldLines.lineCount,
  };
}

function moveRange(range: Range, { oldLines, newLines, region, firstLine, lastLine, lineDelta }: TextShift): Range | undefined {
  // Whole lines before the edit, or after it, keep their columns: most findings on every
  // keystroke move without a look at offsets (ranges are never mutated, so one can be shared).
  if (range.end.line < firstLine) return range;
  if (range.start.line > lastLine) {
    if (lineDelta === 0) return range;
    return {
      start: { line: range.start.line + lineDelta, character: range.start.character },
      end: { line: range.end.line + lineDelta, character: range.end.character },
    };
  }
  const start = oldLines.offsetAt(range.start);
  const end = oldLines.offsetAt(range.end);
  // Before the edit: same offsets. After it: moved by the edit's length. Across it: gone.
  if (end <= region.start) return newLines.rangeAt(start, end - start);
  if (start >= region.oldEnd) return newLines.rangeAt(start + region.newEnd - region.oldEnd, end - start);
  return undefined;
}
