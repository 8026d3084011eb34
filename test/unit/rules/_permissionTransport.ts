/**
 * Helpers for the permission and transport rule tests: lint one file with one rule, read
 * back each finding's exact source text, apply a fix and check the invariants every fix
 * must keep (output parses, comments survive, the finding is gone, nothing new appears,
 * applying again changes nothing).
 */
import assert from 'node:assert/strict';
import { analyze, applyFix, fixAll } from '../../../server/src/engine';
import { RULES, ruleById } from '../../../server/src/rules';
import type { Finding, Fix } from '../../../server/src/core/types';

export interface Seen {
  /** The document text the finding's range covers. */
  text: string;
  severity: Finding['severity'];
  message: string;
  server: string | null;
  fixes: Fix[];
  finding: Finding;
}

function run(ruleIds: readonly string[] | undefined, path: string, text: string) {
  const rules = ruleIds ? ruleIds.map((id) => ruleById(id)!) : RULES;
  const analysis = analyze(text, path, undefined, {
    rules,
    onRuleError: (id, error) => {
      throw new Error(`${id} threw: ${(error as Error).stack}`);
    },
  });
  assert.ok(analysis, `${path} is not read as an MCP config`);
  return analysis;
}

/** Findings of one rule, with the text under each range. */
export function lintRule(ruleId: string, path: string, text: string): Seen[] {
  const analysis = run([ruleId], path, text);
  return analysis.findings.map((finding) => {
    const start = analysis.doc.lines.offsetAt(finding.range.start);
    const end = analysis.doc.lines.offsetAt(finding.range.end);
    return { text: text.slice(start, end), severity: finding.severity, message: finding.message, server: finding.server, fixes: finding.fixes, finding };
  });
}

/** Just the highlighted texts. */
export function ranges(ruleId: string, path: string, text: string): string[] {
  return lintRule(ruleId, path, text).map((f) => f.text);
}

/** Asserts the rule reports nothing. */
export function assertClean(ruleId: string, path: string, text: string): void {
  assert.deepEqual(
    lintRule(ruleId, path, text).map((f) => `${f.text}: ${f.message}`),
    [],
    `${ruleId} should not report on ${path}`,
  );
}

/**
 * Applies fix `fixIndex` of finding `findingIndex` and checks the invariants. Returns the
 * fixed text for content assertions.
 */
export function applyAndCheck(
  ruleId: string,
  path: string,
  text: string,
  options: { findingIndex?: number; fixIndex?: number; comments?: string[] } = {},
): string {
  const before = lintRule(ruleId, path, text);
  const finding = before[options.findingIndex ?? 0];
  assert.ok(finding, `${ruleId}: no finding to fix`);
  const fix = finding.fixes[options.fixIndex ?? 0];
  assert.ok(fix, `${ruleId}: the finding has no fix`);
  const fixed = applyFix(text, fix);
  const analysis = run(undefined, path, fixed);
  assert.deepEqual(
    analysis.doc.problems.map((p) => p.message),
    [],
    `fixed text must parse:\n${fixed}`,
  );
  for (const comment of options.comments ?? []) assert.ok(fixed.includes(comment), `comment "${comment}" was lost:\n${fixed}`);
  const after = lintRule(ruleId, path, fixed);
  assert.equal(after.length, before.length - 1, `the finding must be gone and no other ${ruleId} finding appear:\n${fixed}`);
  // No other rule gains a finding from the edit.
  const key = (f: Finding) => `${f.ruleId}|${f.message}`;
  const beforeAll = new Set(run(undefined, path, text).findings.map(key));
  const newOnes = analysis.findings.filter((f) => !beforeAll.has(key(f)));
  assert.deepEqual(
    newOnes.map((f) => `${f.ruleId}: ${f.message}`),
    [],
    `the fix introduced new findings:\n${fixed}`,
  );
  // Applying the rule's fixes again finds nothing left to do at that place.
  const again = lintRule(ruleId, path, fixed).filter((f) => f.message === finding.message);
  assert.equal(again.length, 0, 'fixing twice must be a no-op');
  return fixed;
}

/** fix-all (safe fixes only) is idempotent and leaves no safe fix of this rule behind. */
export function assertFixAllStable(ruleId: string, path: string, text: string): string {
  const rules = [ruleById(ruleId)!];
  const once = fixAll(text, path, undefined, { rules }).text;
  const twice = fixAll(once, path, undefined, { rules }).text;
  assert.equal(twice, once, 'fix-all twice must equal fix-all once');
  assert.ok(
    lintRule(ruleId, path, once).every((f) => !f.fixes.some((x) => x.safe)),
    'a safe fix is left after fix-all',
  );
  return once;
}
