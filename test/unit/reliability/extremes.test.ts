import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, fixAll } from '../../../server/src/engine';
import { lintChecked } from '../../fuzz/lib/checks';
import { dialectTargets, UNCLAIMED_PATHS } from '../../fuzz/lib/dialectPaths';
import { badFiles, baseConfig, encodingVariants, hugeStringConfig, longLineConfig } from '../../fuzz/lib/extremes';
import { fuzzSeed } from '../../fuzz/lib/config';
import { createPrng, randomString } from '../../fuzz/lib/prng';

const TOKEN = 'ghp_' + randomString(createPrng(fuzzSeed()), 36);
const JSON_PATHS = ['/p/.vscode/mcp.json', '/p/.mcp.json', '/p/claude_desktop_config.json', '/p/.cursor/mcp.json', '/p/examples/servers.json'];
const ALL_PATHS = () => [...new Set([...dialectTargets(DIALECTS).map((t) => t.paths[0]), ...UNCLAIMED_PATHS])];

for (const [name, text] of Object.entries(encodingVariants(baseConfig(TOKEN)))) {
  test(`encoding edge: ${name} — no throw, ranges inside, fix-all terminates`, () => {
    for (const path of ALL_PATHS()) lintChecked(text, path);
    for (const path of JSON_PATHS) {
      const fixed = fixAll(text, path).text;
      lintChecked(fixed, path);
    }
  });
}

test('a BOM, CRLF and lone CR do not move ranges: the secret finding covers the same text', () => {
  const plain = baseConfig(TOKEN);
  const variants = encodingVariants(plain);
  for (const name of ['bom', 'crlf', 'lone CR'] as const) {
    const text = variants[name];
    const finding = lintChecked(text, '/p/.mcp.json').find((f) => f.ruleId === 'secret-in-env');
    assert.ok(finding, name);
    const lines = text.split(/\r\n|\r|\n/);
    assert.equal(lines[finding.range.start.line].slice(finding.range.start.character, finding.range.end.character), JSON.stringify(TOKEN), name);
  }
});

test('a 10 MB string value (args, env, url) does not crash or blow the stack', () => {
  const text = hugeStringConfig(10_000_000);
  const started = performance.now();
  lintChecked(text, '/p/.mcp.json');
  console.log(`# 10 MB string: ${Math.round(performance.now() - started)} ms`);
});

test('a 500 kB single line with 5 000 servers lints with ranges on line 0', () => {
  const text = longLineConfig(5_000);
  const started = performance.now();
  const findings = lintChecked(text, '/p/.mcp.json');
  assert.ok(findings.length > 0);
  assert.ok(findings.every((f) => f.range.start.line === 0 && f.range.end.line === 0));
  console.log(`# long line (${text.length} chars, 5 000 servers): ${Math.round(performance.now() - started)} ms, ${findings.length} findings`);
});

test('a 50 MB file (one config padded with 50 MB of blank lines and a comment) does not crash lint', () => {
  const config = baseConfig(TOKEN);
  const text = config.replace('{\n', '{\n' + ' \n'.repeat(12_500_000) + '// ' + 'c'.repeat(25_000_000) + '\n');
  assert.ok(text.length >= 50_000_000);
  const started = performance.now();
  const findings = lintChecked(text, '/p/.vscode/mcp.json');
  console.log(`# 50 MB padded file: ${Math.round(performance.now() - started)} ms, ${findings.length} findings`);
});

const SYNTAX_RULES = /^schema-/;
for (const [name, text] of Object.entries(badFiles(fuzzSeed()))) {
  test(`not a config (${name}): no throw, and at most syntax/schema findings`, () => {
    for (const path of ALL_PATHS()) {
      const findings = lintChecked(text, path);
      const odd = findings.filter((f) => !SYNTAX_RULES.test(f.ruleId));
      assert.deepEqual(
        odd.map((f) => `${f.ruleId}: ${f.message}`),
        [],
        `${name} at ${path}`,
      );
    }
  });
}
