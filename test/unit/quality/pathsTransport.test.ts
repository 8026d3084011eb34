import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/engine';
import { buildPathsTransportSet, judgeClass } from './pathsTransportSet';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

test('issue 15 classes 3 (paths given to any server) and 5 (transport): recall >= 0.97 and false positives <= 2 %, every rotation of the clients', () => {
  for (const rotation of [0, 1, 2, 3, 5, 7, 11]) {
    const cases = buildPathsTransportSet(rotation);
    for (const clazz of [3, 5] as const) {
      const own = cases.filter((c) => c.clazz === clazz);
      const positives = own.filter((c) => c.positive);
      const negatives = own.filter((c) => !c.positive);
      const missed = positives.filter((c) => !judgeClass(c).ok);
      const wrong = negatives.filter((c) => !judgeClass(c).ok);
      if (rotation === 0)
        console.log(
          `class ${clazz}: ${positives.length} positives, recall ${(1 - missed.length / positives.length).toFixed(3)}; ${negatives.length} negatives, false positives ${pct(wrong.length / negatives.length)}; ${new Set(own.map((c) => c.dialect)).size} client formats`,
        );
      assert.ok(
        1 - missed.length / positives.length >= 0.97,
        `rotation ${rotation}: class ${clazz} missed ${missed.map((c) => `${c.name}: ${judgeClass(c).detail}`).join(' | ')}`,
      );
      assert.ok(
        wrong.length / negatives.length <= 0.02,
        `rotation ${rotation}: class ${clazz} false positives ${wrong.map((c) => `${c.name}: ${judgeClass(c).detail}`).join(' | ')}`,
      );
    }
  }
});

test('issue 15 classes 3 and 5: every case comes out right, and a known filesystem server stays an error while any other server is a warning', () => {
  const cases = buildPathsTransportSet();
  assert.deepEqual(
    cases.filter((c) => !judgeClass(c).ok).map((c) => `${c.name}: ${judgeClass(c).detail}`),
    [],
  );
  const severities = (name: string) => [
    ...new Set(
      cases
        .filter((c) => c.name.includes(name))
        .flatMap((c) =>
          lint(c.text, c.path)
            .filter((f) => f.category === 'permission' && f.ruleId !== 'vscode-sandbox-off')
            .map((f) => f.severity),
        ),
    ),
  ];
  assert.deepEqual(severities('known filesystem server given /'), ['error']);
  assert.deepEqual(severities('npx server given /'), ['warning']);
});
