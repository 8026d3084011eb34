import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, LineIndex } from '../../../server/src/engine';
import { buildLabelledSet, type LabelledCase } from './labelled';

/**
 * Precision and recall of the [secret] rules on the labelled set: a positive is found when
 * an error or warning of a secret rule overlaps the planted value; a negative is a false
 * positive when any secret error or warning appears in its file.
 */
function evaluate(cases: LabelledCase[]) {
  const misses: string[] = [];
  const falsePositives: string[] = [];
  let tp = 0;
  let positives = 0;
  let negatives = 0;
  for (const c of cases) {
    const findings = lint(c.text, c.path).filter((f) => f.category === 'secret' && (f.severity === 'error' || f.severity === 'warning'));
    if (c.positive) {
      positives++;
      const at = c.text.indexOf(c.needle, c.text.indexOf('"', c.text.indexOf('{', 1)));
      assert.ok(at >= 0, `needle of ${c.name} not in its text`);
      const lines = new LineIndex(c.text);
      const hit = findings.some((f) => lines.offsetAt(f.range.start) < at + c.needle.length && lines.offsetAt(f.range.end) > at);
      if (hit) tp++;
      else misses.push(c.name);
    } else {
      negatives++;
      if (findings.length > 0) falsePositives.push(`${c.name}: ${findings.map((f) => f.ruleId).join(', ')}`);
    }
  }
  const fp = falsePositives.length;
  return { positives, negatives, tp, fp, recall: tp / positives, precision: tp / (tp + fp), fpRate: fp / negatives, misses, falsePositives };
}

test('labelled set: recall >= 0.97 and false positives <= 2 %', () => {
  const cases = buildLabelledSet();
  const result = evaluate(cases);
  console.log(
    `labelled set: ${result.positives} positives, ${result.negatives} negatives; recall ${result.recall.toFixed(3)}, precision ${result.precision.toFixed(3)}, false-positive rate ${(result.fpRate * 100).toFixed(1)} %`,
  );
  if (result.misses.length) console.log('missed:', result.misses.join(' | '));
  if (result.falsePositives.length) console.log('false positives:', result.falsePositives.join(' | '));
  assert.ok(result.positives >= 150 && result.negatives >= 150, 'the set keeps at least 150 cases of each kind');
  assert.ok(result.recall >= 0.97, `recall ${result.recall}`);
  assert.ok(result.fpRate <= 0.02, `false-positive rate ${result.fpRate}`);
});

test('labelled set: the same rates hold for another random draw of the tokens', () => {
  const result = evaluate(buildLabelledSet(7));
  assert.ok(result.recall >= 0.97, `recall ${result.recall}: ${result.misses.join(' | ')}`);
  assert.ok(result.fpRate <= 0.02, `false-positive rate ${result.fpRate}: ${result.falsePositives.join(' | ')}`);
});
