import { analyze, applyFix, fixAll, LineIndex, type Finding, type Fix } from '../../../server/src/engine';
import { checkFindings } from './checks';

/**
 * The invariants every offered fix must keep (safe or not), checked by applying it:
 *  1. its edits apply (no overlap) and every byte outside them is unchanged;
 *  2. the output has no syntax problem the input did not have;
 *  3. the targeted finding (same rule, same server) is gone;
 *  4. no other finding appears (multisets of (rule, server)), except documented cases;
 *  5. applying "the same fix" to the output changes nothing (it is offered no more, or is a no-op).
 * And fixAll: its output parses as well as the input and fixAll(fixAll(x)) == fixAll(x).
 */

/** A finding a fix may legitimately reveal, with the reason. */
export interface FixException {
  /** Rule whose fix was applied. */
  fixedRule: string;
  /** Rule whose finding may appear (or stay) afterwards; '*' for any. */
  appears: string;
  reason: string;
}

/**
 * Documented exceptions. Keep each one justified: a fix that reveals another finding must do
 * so because the new finding is true of the fixed file, not because the fix is sloppy.
 */
export const FIX_EXCEPTIONS: readonly FixException[] = [
  {
    fixedRule: 'schema-wrong-root-key',
    appears: '*',
    reason:
      'Renaming the root key to the one the client reads makes its servers visible for the first time (to the client and to the linter); every finding on them is true of the fixed file and was hidden, not created.',
  },
  {
    fixedRule: 'schema-unknown-key',
    appears: '*',
    reason:
      'The did-you-mean rename turns a key the client ignored into one it reads (e.g. Cline "alwaysAllow" -> "autoApprove"), so what the key says takes effect and the rules about it report for the first time: true of the fixed file. (The fix is not safe for fix-all for exactly this reason.)',
  },
  {
    fixedRule: 'schema-unexpanded-variable',
    appears: 'secret-mirrored-host-env',
    reason:
      'Rewriting "API_KEY": "${{ secrets.API_KEY }}" into the client\'s own syntax makes the reference work as the user wrote it: the server now really receives the host\'s API_KEY, which the information-level mirror rule reports for the first time. True of the fixed file; pointing it at another variable (as the secret fixes do with MCP_) would silently change what the user asked for.',
  },
  {
    fixedRule: 'secret-in-env',
    appears: 'secret-mirrored-host-env',
    reason:
      'Codex and Goose can only forward a variable under its own name (env_vars / env_keys): "Move KEY to env_vars" makes the server receive the host\'s KEY, which the information-level mirror rule then reports. True of the fixed file, and the only way these clients keep the value out of it; the message of that finding says to forward a narrowly scoped token.',
  },
  {
    fixedRule: 'schema-syntax-error',
    appears: 'schema-syntax-error',
    reason:
      'The rule lists at most ten syntax problems per file: removing one trailing comma of eleven or more lets the next one be listed, so the count of this rule stays at ten (the file really has that problem).',
  },
  {
    fixedRule: 'schema-comments-not-allowed',
    appears: 'schema-comments-not-allowed',
    reason:
      'The rule lists at most ten comments per file: removing one of eleven or more lets the next one be listed, so the count stays at ten and a same-titled "Remove the comment" is offered for the next comment (the file really has it).',
  },
];

export interface FixInvariantStats {
  files: number;
  findings: number;
  fixes: number;
  safeFixes: number;
  fixAllRuns: number;
  exceptionsUsed: Map<string, number>;
  violations: string[];
}

export function emptyStats(): FixInvariantStats {
  return { files: 0, findings: 0, fixes: 0, safeFixes: 0, fixAllRuns: 0, exceptionsUsed: new Map(), violations: [] };
}

const keyOf = (f: Finding) => `${f.ruleId}|${f.server ?? ''}`;

function countKeys(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(keyOf(f), (counts.get(keyOf(f)) ?? 0) + 1);
  return counts;
}

/** One analyze() per text: findings checked (ranges inside), problems counted by message. */
function analyzeText(text: string, path: string): { findings: Finding[]; problems: Map<string, number> | undefined } {
  const analysis = analyze(text, path);
  const findings = analysis?.findings ?? [];
  checkFindings(text, findings, path);
  return { findings, problems: countProblems(analysis) };
}

function countProblems(analysis: ReturnType<typeof analyze>): Map<string, number> | undefined {
  if (!analysis) return undefined;
  const counts = new Map<string, number>();
  for (const p of analysis.doc.problems) counts.set(p.message, (counts.get(p.message) ?? 0) + 1);
  return counts;
}

/** Offsets of a fix's edits in `text`, sorted, for the unchanged-bytes check. */
function editSpans(text: string, fix: Fix): Array<{ start: number; end: number; newText: string }> {
  const lines = new LineIndex(text);
  return fix.edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Rebuilds the expected output from the untouched segments and the new texts, independently of applyTextEdits. */
function expectedOutput(text: string, fix: Fix): string | undefined {
  const spans = editSpans(text, fix);
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) return undefined; // overlapping edits
    out += text.slice(cursor, span.start) + span.newText;
    cursor = span.end;
  }
  return out + text.slice(cursor);
}

function short(text: string, max = 160): string {
  return JSON.stringify(text.length > max ? text.slice(0, max) + '…' : text);
}

/**
 * Checks every fix of every finding of `text` at `path`, then fixAll; records violations
 * (with file name, rule, server and fix title) in `stats` instead of throwing, so one run
 * lists every broken fix.
 */
export function checkFixInvariants(
  name: string,
  text: string,
  path: string,
  stats: FixInvariantStats,
  exceptions: readonly FixException[] = FIX_EXCEPTIONS,
): void {
  const { findings, problems: problemsBefore } = analyzeText(text, path);
  stats.files++;
  const before = countKeys(findings);
  for (const finding of findings) {
    stats.findings++;
    for (const fix of finding.fixes) {
      stats.fixes++;
      if (fix.safe) stats.safeFixes++;
      const where = `${name} [${finding.ruleId} / ${finding.server ?? '-'}] fix "${fix.title}"`;
      // 1. applies; bytes outside the edits unchanged.
      let output: string;
      try {
        output = applyFix(text, fix);
      } catch (error) {
        stats.violations.push(`${where}: does not apply: ${(error as Error).message}`);
        continue;
      }
      const expected = expectedOutput(text, fix);
      if (expected === undefined) stats.violations.push(`${where}: edits overlap`);
      else if (expected !== output) stats.violations.push(`${where}: bytes outside the edited ranges changed`);
      if (output === text) {
        stats.violations.push(`${where}: changes nothing`);
        continue;
      }
      // 2. parses as well as before.
      let after: Finding[];
      let problemsAfter: Map<string, number> | undefined;
      try {
        ({ findings: after, problems: problemsAfter } = analyzeText(output, path));
      } catch (error) {
        stats.violations.push(`${where}: lint of the fixed text failed: ${(error as Error).message}`);
        continue;
      }
      if (problemsBefore && !problemsAfter) {
        stats.violations.push(`${where}: the output is no longer read as an MCP config`);
        continue;
      }
      for (const [message, count] of problemsAfter ?? []) {
        if (count > (problemsBefore?.get(message) ?? 0)) stats.violations.push(`${where}: new syntax problem "${message}" in ${short(output)}`);
      }
      // 3 + 4. target gone, nothing new.
      const afterCounts = countKeys(after);
      const target = keyOf(finding);
      const excused = (appears: string) => exceptions.find((e) => e.fixedRule === finding.ruleId && (e.appears === appears || e.appears === '*'));
      const use = (e: FixException) => stats.exceptionsUsed.set(e2s(e), (stats.exceptionsUsed.get(e2s(e)) ?? 0) + 1);
      if ((afterCounts.get(target) ?? 0) >= (before.get(target) ?? 0)) {
        const exception = excused(finding.ruleId);
        if (exception) use(exception);
        else stats.violations.push(`${where}: the finding is still there`);
      }
      for (const [key, count] of afterCounts) {
        const allowed = (before.get(key) ?? 0) - (key === target ? 1 : 0);
        if (count <= allowed) continue;
        const appears = key.split('|')[0];
        const exception = excused(appears);
        if (exception) {
          use(exception);
          continue;
        }
        const sample = after.find((f) => keyOf(f) === key);
        stats.violations.push(`${where}: new finding ${key} (${sample?.message ?? ''})`);
      }
      // 5. the same fix is not offered again. Another finding of the same rule and server can
      // offer a fix with the same title (two trailing commas, two env secrets): so the number
      // of (rule, server, title) offers must drop, and when this was the only one, any
      // same-titled fix still offered must be a no-op.
      const offers = (list: readonly Finding[]) => list.filter((f) => keyOf(f) === target).flatMap((f) => f.fixes.filter((x) => x.title === fix.title));
      const offeredBefore = offers(findings).length;
      const offeredAfter = offers(after);
      if (offeredAfter.length >= offeredBefore && offeredAfter.some((again) => applyFix(output, again) !== output) && !excused(finding.ruleId)) {
        stats.violations.push(`${where}: offered again after applying it, and changes the text again`);
      }
    }
  }
  // fixAll: parses, idempotent.
  stats.fixAllRuns++;
  try {
    const once = fixAll(text, path);
    const twice = fixAll(once.text, path);
    if (twice.text !== once.text) stats.violations.push(`${name}: fixAll is not idempotent (second run applied ${JSON.stringify(twice.applied)})`);
    const { problems: problemsFixed } = analyzeText(once.text, path);
    for (const [message, count] of problemsFixed ?? []) {
      if (count > (problemsBefore?.get(message) ?? 0)) stats.violations.push(`${name}: fixAll introduced syntax problem "${message}"`);
    }
  } catch (error) {
    stats.violations.push(`${name}: fixAll threw: ${(error as Error).stack ?? String(error)}`);
  }
}

function e2s(e: FixException): string {
  return `${e.fixedRule} -> ${e.appears}`;
}
