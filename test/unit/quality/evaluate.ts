import assert from 'node:assert/strict';
import { lint, LineIndex, type Finding } from '../../../server/src/engine';
import { FAMILIES, type Family, type QualityCase } from './labelled';

/**
 * Recall and false-positive rate of the [unpinned], [permission], [transport] and
 * [supply-chain] rules on the labelled set, per family: a positive is found when one of its
 * rules reports an error or warning overlapping its needle; a negative is a false positive
 * when any error or warning of its family appears in its file.
 */
export interface FamilyResult {
  positives: number;
  negatives: number;
  found: number;
  falsePositives: number;
  misses: string[];
  falsePositiveCases: string[];
}

const serious = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

/** Whether the case comes out right, and what went wrong when it does not. */
export function judge(c: QualityCase): { ok: boolean; detail: string } {
  const findings = lint(c.text, c.path).filter((f) => f.category === c.family && serious(f));
  if (!c.positive) return { ok: findings.length === 0, detail: findings.map((f) => `${f.ruleId} (${f.severity})`).join(', ') };
  const lines = new LineIndex(c.text);
  const spans: Array<[number, number]> = [];
  if (c.needle !== undefined) {
    for (let at = c.text.indexOf(c.needle); at >= 0; at = c.text.indexOf(c.needle, at + 1)) spans.push([at, at + c.needle.length]);
    assert.ok(spans.length > 0, `needle of "${c.name}" is not in its text`);
  }
  const hit = findings.some(
    (f) =>
      c.rules.includes(f.ruleId) &&
      (spans.length === 0 || spans.some(([start, end]) => lines.offsetAt(f.range.start) < end && lines.offsetAt(f.range.end) > start)),
  );
  const got = findings.map((f) => f.ruleId).join(', ') || 'nothing';
  return { ok: hit, detail: `expected ${c.rules.join(' or ')}, got ${got}` };
}

export function evaluate(cases: QualityCase[]): Record<Family, FamilyResult> {
  const results = Object.fromEntries(
    FAMILIES.map((f) => [f, { positives: 0, negatives: 0, found: 0, falsePositives: 0, misses: [], falsePositiveCases: [] }]),
  ) as unknown as Record<Family, FamilyResult>;
  for (const c of cases) {
    const r = results[c.family];
    const { ok, detail } = judge(c);
    if (c.positive) {
      r.positives++;
      if (ok) r.found++;
      else r.misses.push(`${c.name}: ${detail}`);
    } else {
      r.negatives++;
      if (!ok) {
        r.falsePositives++;
        r.falsePositiveCases.push(`${c.name}: ${detail}`);
      }
    }
  }
  return results;
}
