import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSecretTiersSet, judgeSecret, type SecretCase } from './secretTiersSet';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function measure(cases: SecretCase[]) {
  const out: Record<number, { positives: number; found: number; negatives: number; falsePositives: number; wrong: string[] }> = {};
  for (const c of cases) {
    const r = (out[c.clazz] ??= { positives: 0, found: 0, negatives: 0, falsePositives: 0, wrong: [] });
    const { ok, detail } = judgeSecret(c);
    if (c.expect === 'none') {
      r.negatives++;
      if (!ok) r.falsePositives++;
    } else {
      r.positives++;
      if (ok) r.found++;
    }
    if (!ok) r.wrong.push(`${c.name}: ${detail}`);
  }
  return out;
}

test('issue 15 classes 1, 2 and 8 (secrets): recall >= 0.97 and false positives <= 2 %, for every rotation of the clients', () => {
  for (const rotation of [0, 1, 2, 3, 5, 7]) {
    const cases = buildSecretTiersSet(rotation);
    const results = measure(cases);
    for (const [clazz, r] of Object.entries(results)) {
      if (rotation === 0)
        console.log(
          `class ${clazz}: ${r.positives} positives, recall ${r.positives ? (r.found / r.positives).toFixed(3) : 'n/a'}; ${r.negatives} negatives, false positives ${r.negatives ? pct(r.falsePositives / r.negatives) : 'n/a'}; ${new Set(cases.filter((c) => String(c.clazz) === clazz).map((c) => c.dialect)).size} client formats`,
        );
      if (r.positives)
        assert.ok(r.found / r.positives >= 0.97, `rotation ${rotation}: class ${clazz} recall ${r.found}/${r.positives}: ${r.wrong.slice(0, 12).join(' | ')}`);
      if (r.negatives)
        assert.ok(
          r.falsePositives / r.negatives <= 0.02,
          `rotation ${rotation}: class ${clazz} false positives ${r.falsePositives}/${r.negatives}: ${r.wrong.slice(0, 12).join(' | ')}`,
        );
    }
  }
});

test('issue 15 classes 1, 2 and 8: every case comes out right', () => {
  const wrong = buildSecretTiersSet()
    .filter((c) => !judgeSecret(c).ok)
    .map((c) => `${c.name}: ${judgeSecret(c).detail}`);
  assert.deepEqual(wrong, []);
});
