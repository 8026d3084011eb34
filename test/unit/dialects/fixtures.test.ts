import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/engine/lint';
import { applyFix } from '../../../server/src/engine/applyFixes';
import { DIALECTS } from '../../../server/src/dialects';
import type { Finding } from '../../../server/src/core/types';
import { FIXTURES, VIRTUAL_PATH, fixtureFiles, readFixture } from './fixtureHelpers';

function lintFixture(id: string, file: string) {
  const text = readFixture(id, file);
  const analysis = analyze(text, VIRTUAL_PATH[id]);
  assert.ok(analysis, `${id}/${file} is an MCP config`);
  assert.equal(analysis.dialect.id, id, `${id}/${file} is detected by its path`);
  return { text, analysis, schema: analysis.findings.filter((f) => f.ruleId.startsWith('schema-')) };
}

/** Line/character range of the n-th occurrence of `snippet`; `a⟦b⟧c` = the `b` of the first `abc`. */
function rangeOf(text: string, snippet: string, nth = 0) {
  const [before, rest] = snippet.includes('⟦') ? snippet.split('⟦') : ['', snippet];
  const [target, after] = rest.includes('⟧') ? rest.split('⟧') : [rest, ''];
  const whole = before + target + after;
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(whole, offset + 1);
  assert.ok(offset >= 0, `snippet ${snippet} is in the fixture`);
  offset += before.length;
  snippet = target;
  const position = (at: number) => {
    const before = text.slice(0, at).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: position(offset), end: position(offset + snippet.length) };
}

test('every dialect (but the generic fallback) has a fixture folder with a valid file that lints clean', () => {
  for (const dialect of DIALECTS) {
    if (dialect.id === 'generic') continue;
    assert.ok(VIRTUAL_PATH[dialect.id], `${dialect.id} has a virtual path in fixtureHelpers.ts`);
    assert.ok(existsSync(join(FIXTURES, dialect.id)), `test/fixtures/dialects/${dialect.id}/ exists`);
    const valid = fixtureFiles(dialect.id).filter((f) => f.startsWith('valid'));
    assert.ok(valid.length > 0, `${dialect.id} has a valid fixture`);
    for (const file of valid) {
      const { schema, analysis } = lintFixture(dialect.id, file);
      assert.deepEqual(
        schema.map((f) => `${f.ruleId}: ${f.message}`),
        [],
        `${dialect.id}/${file} has no schema findings`,
      );
      if (dialect.id !== 'claude-code-settings' && dialect.id !== 'copilot-managed-settings')
        assert.ok(analysis.config.servers.length > 0, `${dialect.id}/${file} has servers`);
    }
  }
});

/** [dialect, fixture, rule, exact source text of the finding's range, occurrence]. */
const EXPECTED: Array<[string, string, string, string, number?]> = [
  ['vscode', 'invalid.json', 'schema-wrong-root-key', '"mcpServers"'],
  ['vscode', 'invalid-both.json', 'schema-wrong-root-key', '"mcpServers"'],
  ['vscode', 'invalid-entries.json', 'schema-unsupported-transport', '"streamable-http"'],
  ['vscode', 'invalid-entries.json', 'schema-unknown-key', '"serverUrl"'],
  ['vscode', 'invalid-entries.json', 'schema-undefined-input', '${input:missing-token}'],
  ['vscode', 'invalid-entries.json', 'schema-unexpanded-variable', '${DB_URL}'],
  ['vscode', 'invalid-entries.json', 'schema-invalid-type', '"--read-only"'],
  ['claude-desktop', 'invalid.json', 'schema-comments-not-allowed', '// my servers'],
  ['claude-desktop', 'invalid.json', 'schema-unsupported-transport', '"url"'],
  ['claude-desktop', 'invalid.json', 'schema-unexpanded-variable', '${API_TOKEN}'],
  ['claude-desktop', 'invalid.json', 'schema-syntax-error', '"${API_TOKEN}" }⟦,⟧ },'],
  ['claude-desktop', 'invalid.json', 'schema-syntax-error', '}, }⟦,⟧\n  }'],
  ['claude-code', 'invalid.json', 'schema-wrong-root-key', '"servers"'],
  ['claude-code', 'invalid-entries.json', 'schema-missing-required-key', '"api"'],
  ['claude-code', 'invalid-entries.json', 'schema-unexpanded-variable', '${env:DB_TOKEN}'],
  ['windsurf', 'invalid.json', 'schema-wrong-root-key', '"servers"'],
  ['cline', 'invalid.json', 'schema-unsupported-transport', '"streamable-http"'],
  ['cline', 'invalid.json', 'schema-invalid-type', '7200'],
  ['cline', 'invalid.json', 'schema-unknown-key', '"alwaysAllow"'],
  ['roo-code', 'invalid.json', 'schema-command-and-url', '"url"'],
  ['roo-code', 'invalid.json', 'schema-unsupported-transport', '"http"'],
  ['zed', 'invalid-legacy.json', 'schema-invalid-type', '{ "path": "npx", "args": ["-y", "old-mcp@1.0.0"], "env": { "A": "1" } }'],
  ['codex', 'invalid.toml', 'schema-command-and-url', 'url'],
  ['codex', 'invalid.toml', 'schema-unknown-key', 'headers'],
  ['codex', 'invalid.toml', 'schema-unexpanded-variable', '${API_TOKEN}'],
  ['opencode', 'invalid.json', 'schema-unsupported-transport', '"stdio"'],
  ['opencode', 'invalid.json', 'schema-invalid-type', '"npx"'],
  ['opencode', 'invalid.json', 'schema-unknown-key', '"env"'],
  ['opencode', 'invalid.json', 'schema-unexpanded-variable', '${X}'],
  ['continue', 'invalid.yaml', 'schema-missing-required-key', 'command: npx\n    args: ["-y", "gh-mcp@1.0.0"]\n    env:\n      TOKEN: ${env:GITHUB_TOKEN}'],
  ['continue', 'invalid.yaml', 'schema-unexpanded-variable', '${env:GITHUB_TOKEN}'],
  ['continue', 'invalid.yaml', 'schema-missing-command', 'bad'],
  ['continue', 'invalid.yaml', 'schema-syntax-error', 'args: ⟦[⟧\n'],
  ['goose', 'invalid.yaml', 'schema-missing-command', 'stdio'],
  ['goose', 'invalid.yaml', 'schema-unknown-key', 'command'],
  ['goose', 'invalid.yaml', 'schema-unexpanded-variable', '${GITHUB_TOKEN}'],
  ['github-copilot-coding-agent', 'invalid.json', 'schema-missing-required-key', '"sentry"'],
  ['github-copilot-coding-agent', 'invalid.json', 'schema-unsupported-transport', '"remote"'],
];

test('invalid fixtures: each expected finding, at the exact range', () => {
  for (const [id, file, ruleId, snippet, nth] of EXPECTED) {
    const { text, analysis } = lintFixture(id, file);
    const range = rangeOf(text, snippet, nth ?? 0);
    const matches = analysis.findings.filter((f: Finding) => f.ruleId === ruleId);
    assert.ok(
      matches.some((f) => JSON.stringify(f.range) === JSON.stringify(range)),
      `${id}/${file}: ${ruleId} at ${snippet} ${JSON.stringify(range)}; got ${JSON.stringify(matches.map((f) => f.range))}`,
    );
  }
});

test('invalid fixtures have no schema finding the table does not expect', () => {
  const expected = new Set(EXPECTED.map(([id, file, rule]) => `${id}/${file}/${rule}`));
  for (const id of Object.keys(VIRTUAL_PATH)) {
    for (const file of fixtureFiles(id).filter((f) => f.startsWith('invalid'))) {
      for (const finding of lintFixture(id, file).schema) {
        if (finding.ruleId === 'schema-missing-url' || finding.ruleId === 'schema-syntax-error') continue;
        assert.ok(expected.has(`${id}/${file}/${finding.ruleId}`), `${id}/${file}: unexpected ${finding.ruleId}: ${finding.message}`);
      }
    }
  }
});

test('fixes: wrong root key rename is safe and clears the finding; transport and variable fixes use the client spelling', () => {
  const vscode = lintFixture('vscode', 'invalid.json');
  const rename = vscode.analysis.findings.find((f) => f.ruleId === 'schema-wrong-root-key')!.fixes[0];
  assert.equal(rename.safe, true);
  const fixed = applyFix(vscode.text, rename);
  assert.ok(fixed.includes('"servers": {'));
  const after = analyze(fixed, VIRTUAL_PATH.vscode)!;
  assert.equal(after.config.servers.length, 1);
  assert.ok(!after.findings.some((f) => f.ruleId === 'schema-wrong-root-key'));

  const cline = lintFixture('cline', 'invalid.json');
  const transport = cline.analysis.findings.find((f) => f.ruleId === 'schema-unsupported-transport')!.fixes[0];
  assert.equal(transport.safe, true, 'same transport, the client spelling');
  assert.ok(applyFix(cline.text, transport).includes('"type": "streamableHttp"'));

  const claude = lintFixture('claude-code', 'invalid-entries.json');
  const variable = claude.analysis.findings.find((f) => f.ruleId === 'schema-unexpanded-variable')!.fixes[0];
  assert.ok(applyFix(claude.text, variable).includes('"TOKEN": "${DB_TOKEN}"'));

  const goose = lintFixture('goose', 'invalid.yaml');
  const key = goose.analysis.findings.find((f) => f.ruleId === 'schema-unknown-key')!.fixes[0];
  assert.ok(applyFix(goose.text, key).includes('    cmd: npx'), 'YAML keys stay bare');

  const strict = lintFixture('claude-desktop', 'invalid.json');
  let text = strict.text;
  for (const finding of strict.analysis.findings.filter((f) => f.ruleId === 'schema-syntax-error').reverse()) text = applyFix(text, finding.fixes[0]);
  for (const finding of analyze(text, VIRTUAL_PATH['claude-desktop'])!.findings.filter((f) => f.ruleId === 'schema-comments-not-allowed'))
    text = applyFix(text, finding.fixes[0]);
  assert.doesNotThrow(() => JSON.parse(text), 'removing trailing commas and comments leaves strict JSON');

  const input = lintFixture('vscode', 'invalid-entries.json');
  const addInput = input.analysis.findings.find((f) => f.ruleId === 'schema-undefined-input')!.fixes[0];
  const withInput = applyFix(input.text, addInput);
  assert.ok(!analyze(withInput, VIRTUAL_PATH.vscode)!.findings.some((f) => f.ruleId === 'schema-undefined-input'));
});
