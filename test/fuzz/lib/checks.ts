import { analyze, lint, SEVERITIES, CATEGORIES, type Finding, type Range, type LintOptions } from '../../../server/src/engine';
import type { Settings } from '../../../server/src/common/settings';
import { DEFAULT_SETTINGS } from '../../../server/src/common/settings';

/** Length of every line without its line break; breaks are \r\n, \n and a lone \r (as LSP). */
export function lineLengths(text: string): number[] {
  const lengths: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 || ch === 10) {
      lengths.push(i - start);
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lengths.push(text.length - start);
  return lengths;
}

/** A problem found by a check, with enough context to reproduce it. */
export class InvariantError extends Error {
  constructor(
    message: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'InvariantError';
  }
}

function describeInput(text: string, path: string): Record<string, unknown> {
  return { path, length: text.length, head: JSON.stringify(text.slice(0, 200)) };
}

/** Throws unless 0 <= line < lineCount, 0 <= character <= that line's length, start <= end. */
export function checkRange(range: Range, lengths: readonly number[], what: string): void {
  for (const [name, pos] of [
    ['start', range.start],
    ['end', range.end],
  ] as const) {
    if (!Number.isInteger(pos.line) || pos.line < 0 || pos.line >= lengths.length) {
      throw new InvariantError(`${what}: ${name} line ${pos.line} outside 0..${lengths.length - 1}`);
    }
    if (!Number.isInteger(pos.character) || pos.character < 0 || pos.character > lengths[pos.line]) {
      throw new InvariantError(`${what}: ${name} character ${pos.character} outside line ${pos.line} (length ${lengths[pos.line]})`);
    }
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) {
    throw new InvariantError(`${what}: start ${JSON.stringify(range.start)} after end ${JSON.stringify(range.end)}`);
  }
}

/** Every finding well-formed, and it and every edit of every fix inside the document. */
export function checkFindings(text: string, findings: readonly Finding[], path: string): void {
  const lengths = lineLengths(text);
  for (const finding of findings) {
    const what = `${finding.ruleId} (${path})`;
    if (typeof finding.ruleId !== 'string' || !finding.ruleId) throw new InvariantError(`finding without rule id in ${path}`);
    if (typeof finding.message !== 'string' || !finding.message.trim()) throw new InvariantError(`${what}: empty message`);
    if (!SEVERITIES.includes(finding.severity)) throw new InvariantError(`${what}: bad severity ${finding.severity}`);
    if (!CATEGORIES.includes(finding.category)) throw new InvariantError(`${what}: bad category ${finding.category}`);
    if (finding.server !== null && typeof finding.server !== 'string') throw new InvariantError(`${what}: bad server ${String(finding.server)}`);
    checkRange(finding.range, lengths, `${what} range`);
    if (!Array.isArray(finding.fixes)) throw new InvariantError(`${what}: fixes is not an array`);
    for (const fix of finding.fixes) {
      if (typeof fix.title !== 'string' || !fix.title.trim()) throw new InvariantError(`${what}: fix without title`);
      if (typeof fix.safe !== 'boolean') throw new InvariantError(`${what}: fix "${fix.title}" has no safe flag`);
      if (!Array.isArray(fix.edits) || fix.edits.length === 0) throw new InvariantError(`${what}: fix "${fix.title}" has no edits`);
      for (const edit of fix.edits) {
        checkRange(edit.range, lengths, `${what} fix "${fix.title}" edit`);
        if (typeof edit.newText !== 'string') throw new InvariantError(`${what}: fix "${fix.title}" edit without text`);
      }
    }
  }
}

/**
 * lint() that must not throw and must return findings inside the document. Goes through
 * analyze() (what lint() does) so the parse problems are checked to lie inside the text too
 * (a syntax rule turns them into ranges). Returns the findings. Errors carry the path and
 * the head of the input.
 */
export function lintChecked(text: string, path: string, options: LintOptions = {}, settings: Settings = DEFAULT_SETTINGS): Finding[] {
  let analysis: ReturnType<typeof analyze>;
  try {
    analysis = analyze(text, path, settings, options);
  } catch (error) {
    throw new InvariantError(`lint threw on ${path}: ${(error as Error)?.stack ?? String(error)}`, describeInput(text, path));
  }
  for (const problem of analysis?.doc.problems ?? []) {
    // The end may run past the text (parsers point one past EOF for "expected }"); the
    // LineIndex clamps it. The start must be inside, or the squiggle lands nowhere.
    if (!(problem.offset >= 0 && problem.length >= 0 && problem.offset <= text.length)) {
      throw new InvariantError(`parse problem "${problem.message}" at ${problem.offset}+${problem.length} outside text of length ${text.length} (${path})`);
    }
  }
  const findings = analysis?.findings ?? [];
  if (!Array.isArray(findings)) throw new InvariantError(`lint returned ${typeof findings} for ${path}`);
  checkFindings(text, findings, path);
  return findings;
}

/** lint() itself (not analyze), for callers that want the public entry point exactly. */
export function lintOnly(text: string, path: string, options: LintOptions = {}, settings: Settings = DEFAULT_SETTINGS): Finding[] {
  let findings: Finding[];
  try {
    findings = lint(text, path, settings, options);
  } catch (error) {
    throw new InvariantError(`lint threw on ${path}: ${(error as Error)?.stack ?? String(error)}`, describeInput(text, path));
  }
  checkFindings(text, findings, path);
  return findings;
}
