import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DIALECTS, lint, fixAll, type Finding } from '../../../server/src/engine';
import { assertNoLeak, findLeaks } from '../../fuzz/lib/assertNoLeak';
import { plantedConfig } from '../../fuzz/lib/planted';
import { dialectTargets } from '../../fuzz/lib/dialectPaths';
import { printedConfigArb } from '../../fuzz/lib/arbitraries';
import { fuzzRuns, fuzzSeed, isFuzzRun } from '../../fuzz/lib/config';
import { lintChecked } from '../../fuzz/lib/checks';

const planted = plantedConfig(fuzzSeed());
const targets = dialectTargets(DIALECTS);

/** Everything a finding shows a person: message and fix titles (edits are file content, not output). */
function shown(findings: readonly Finding[]): string {
  return findings.map((f) => [f.message, ...f.fixes.map((x) => x.title)].join('\n')).join('\n');
}

test('assertNoLeak: flags any 5-character run of a secret, allows the 4-character masked prefix', () => {
  const secret = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
  assertNoLeak('token ghp_… in env', [secret]);
  assertNoLeak('nothing here', [secret]);
  assert.throws(() => assertNoLeak('value ghp_A…', [secret]), /secret #0 \(ghp_…, 40 chars\) leaks from its character 0/);
  assert.throws(() => assertNoLeak('tail …O5p6Q', [secret]), /leaks from its character 32/);
  assert.equal(findLeaks('x', ['abc']).length, 0, 'secrets shorter than the window cannot leak');
  // The error message never repeats the secret.
  try {
    assertNoLeak(`leak ${secret} here`, [secret]);
  } catch (error) {
    assert.ok(!(error as Error).message.includes(secret.slice(4, 9)));
  }
});

test('the planted config really plants secrets the rules see (otherwise the leak test proves nothing)', () => {
  const findings = lint(planted.texts.json, '/p/.mcp.json');
  const secretRules = new Set(findings.filter((f) => f.category === 'secret').map((f) => f.ruleId));
  assert.ok(secretRules.size >= 4, `only ${[...secretRules].join(', ')}`);
  assert.ok(planted.secrets.length >= 40);
});

test('no finding message or fix title, under any dialect path or syntax, contains more than a 4-character prefix of a planted secret', () => {
  let findings = 0;
  for (const { dialect, paths } of targets) {
    const texts =
      dialect.syntax === 'json'
        ? [planted.texts.json, planted.texts.jsonc]
        : dialect.syntax === 'toml'
          ? [planted.texts.toml]
          : [planted.texts.yaml, planted.texts.yamlList];
    for (const text of texts) {
      // Every glob's path in `npm run fuzz`; the first one in the unit suite.
      for (const path of isFuzzRun() ? paths : paths.slice(0, 1)) {
        const found = lintChecked(text, path);
        findings += found.length;
        assertNoLeak(shown(found), planted.secrets, { label: `${dialect.id} at ${path}` });
      }
      // Fix-all titles are shown too (CLI --fix, the editor's fix-all).
      if (text === texts[0] || isFuzzRun()) assertNoLeak(fixAll(text, paths[0]).applied.join('\n'), planted.secrets, { label: `${dialect.id} fixAll titles` });
      // And with the dialect forced, plus the same text at an unclaimed path (content detection).
      assertNoLeak(shown(lintChecked(text, paths[0], { dialect: dialect.id })), planted.secrets, { label: `${dialect.id} forced` });
    }
  }
  console.log(`# no-leak: ${planted.secrets.length} planted secrets, ${findings} findings checked across ${targets.length} dialects`);
});

test('property: generated configs with secrets in env, headers, url userinfo/query and args never show them', () => {
  let checked = 0;
  fc.assert(
    fc.property(printedConfigArb, fc.nat(), (config, pick) => {
      if (config.secrets.length === 0) return;
      const syntax = config.format === 'jsonc' ? 'json' : config.format;
      const candidates = targets.filter((t) => t.dialect.syntax === syntax);
      const target = candidates[pick % candidates.length];
      const found = lintChecked(config.text, target.paths[0]);
      checked += found.length;
      assertNoLeak(shown(found), config.secrets, { label: `${target.dialect.id}` });
    }),
    { seed: fuzzSeed(), numRuns: fuzzRuns(150), includeErrorInReport: true },
  );
  console.log(`# no-leak property: ${checked} findings checked`);
});
