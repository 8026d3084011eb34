import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLauncherSet } from './launchersSet';
import { evaluate, judge } from './evaluate';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

test('issue 15 classes 4 and 6: recall >= 0.97 and false positives <= 2 %, for every rotation of the clients', () => {
  for (const rotation of [0, 1, 2, 3, 5, 7, 11]) {
    const cases = buildLauncherSet(rotation);
    const results = evaluate(cases);
    for (const [family, label] of [
      ['unpinned', 'class 4 (launchers in containers and shells)'],
      ['supply-chain', 'class 6 (typosquats as warnings)'],
    ] as const) {
      const r = results[family];
      if (rotation === 0) {
        const clients = new Set(cases.filter((c) => c.family === family).map((c) => c.dialect)).size;
        console.log(
          `${label}: ${r.positives} positives, recall ${(r.found / r.positives).toFixed(3)}; ${r.negatives} negatives, false positives ${pct(r.falsePositives / r.negatives)}; ${clients} client formats`,
        );
      }
      assert.ok(r.positives >= 25 && r.negatives >= 25, `${family}: the set keeps at least 25 cases of each kind`);
      assert.ok(r.found / r.positives >= 0.97, `rotation ${rotation}: ${family} recall ${r.found}/${r.positives}: ${r.misses.join(' | ')}`);
      assert.ok(
        r.falsePositives / r.negatives <= 0.02,
        `rotation ${rotation}: ${family} false positives ${r.falsePositives}/${r.negatives}: ${r.falsePositiveCases.join(' | ')}`,
      );
    }
  }
});

test('issue 15 classes 4 and 6: every case comes out right', () => {
  const wrong = buildLauncherSet()
    .filter((c) => !judge(c).ok)
    .map((c) => `${c.name}: ${judge(c).detail}`);
  assert.deepEqual(wrong, []);
});
