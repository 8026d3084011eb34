import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, analyze, applyFix, fixAll, DEFAULT_SETTINGS, RULES } from '../../../server/src/engine';
import type { Rule } from '../../../server/src/core/rule';

// Built at run time so no literal token sits in the repository.
const TOKEN = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';

const VSCODE_CONFIG = `{
  // Shared team servers
  "servers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-memory@2025.8.4"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${TOKEN}" },
      "sandboxEnabled": true
    }
  }
}
`;

test('the dialect is chosen by path first: the same servers under the wrong root key are not read', () => {
  assert.equal(analyze(VSCODE_CONFIG, '/repo/.vscode/mcp.json')?.dialect.id, 'vscode');
  assert.equal(analyze(VSCODE_CONFIG, 'C:\\repo\\.cursor\\mcp.json')?.dialect.id, 'cursor');
  assert.equal(analyze(VSCODE_CONFIG, '/repo/.mcp.json')?.config.servers.length, 0);
  assert.equal(analyze('{"a": 1}', '/repo/package.json'), undefined);
});

test('a finding carries rule id, category, severity, server and an exact range', () => {
  const [finding] = lint(VSCODE_CONFIG, '/repo/.vscode/mcp.json');
  assert.equal(finding.ruleId, 'secret-in-env');
  assert.equal(finding.category, 'secret');
  assert.equal(finding.severity, 'error');
  assert.equal(finding.server, 'github');
  const line = VSCODE_CONFIG.split('\n')[6];
  assert.deepEqual(finding.range, {
    start: { line: 6, character: line.indexOf('"ghp_') },
    end: { line: 6, character: line.indexOf('"ghp_') + TOKEN.length + 2 },
  });
  assert.ok(!finding.message.includes(TOKEN.slice(4, 12)), 'the message never contains the secret');
});

test('the VS Code secret fix writes ${input:} plus a password input, keeps the comment, and is done once', () => {
  const [finding] = lint(VSCODE_CONFIG, '/repo/.vscode/mcp.json');
  const fix = finding.fixes[0];
  assert.match(fix.title, /\$\{input:github-personal-access-token\}/);
  const fixed = applyFix(VSCODE_CONFIG, fix);
  assert.ok(fixed.includes('// Shared team servers'));
  assert.ok(fixed.includes('"GITHUB_PERSONAL_ACCESS_TOKEN": "${input:github-personal-access-token}"'));
  assert.ok(!fixed.includes(TOKEN));
  const inputs = JSON.parse(fixed.replace(/\/\/.*$/gm, '')).inputs;
  assert.deepEqual(inputs, [
    { type: 'promptString', id: 'github-personal-access-token', description: 'Github personal access token for the "github" MCP server', password: true },
  ]);
  // The finding is gone and nothing new appeared.
  assert.deepEqual(lint(fixed, '/repo/.vscode/mcp.json'), []);
});

test('an existing matching password input is reused instead of duplicated', () => {
  const withInput = VSCODE_CONFIG.replace('{\n', '{\n  "inputs": [{ "type": "promptString", "id": "github-personal-access-token", "password": true }],\n');
  const [finding] = lint(withInput, '/repo/.vscode/mcp.json');
  const fixed = applyFix(withInput, finding.fixes[0]);
  assert.equal(fixed.match(/"id": "github-personal-access-token"/g)?.length, 1);
  assert.ok(fixed.includes('${input:github-personal-access-token}'));
});

test('settings turn a rule off or change its severity; enable=false silences everything', () => {
  assert.equal(lint(VSCODE_CONFIG, '/repo/.vscode/mcp.json', { ...DEFAULT_SETTINGS, rules: { 'secret-in-env': 'off' } }).length, 0);
  assert.equal(lint(VSCODE_CONFIG, '/repo/.vscode/mcp.json', { ...DEFAULT_SETTINGS, rules: { 'secret-in-env': 'hint' } })[0].severity, 'hint');
  assert.equal(lint(VSCODE_CONFIG, '/repo/.vscode/mcp.json', { ...DEFAULT_SETTINGS, enable: false }).length, 0);
});

test('a rule that throws is reported through the hook and the other rules still report', () => {
  const broken: Rule = {
    id: 'always-throws',
    meta: { category: 'other', defaultSeverity: 'error', description: 'test', fixable: false, owasp: [], threat: 'test' },
    check() {
      throw new Error('boom');
    },
  };
  const errors: string[] = [];
  const findings = lint(VSCODE_CONFIG, '/repo/.vscode/mcp.json', DEFAULT_SETTINGS, { rules: [broken, ...RULES], onRuleError: (id) => errors.push(id) });
  assert.deepEqual(errors, ['always-throws']);
  assert.ok(findings.some((f) => f.ruleId === 'secret-in-env'));
});

test('a half-typed file still gets findings for what is readable', () => {
  const truncated = VSCODE_CONFIG.slice(0, VSCODE_CONFIG.indexOf('}\n  }'));
  assert.ok(lint(truncated, '/repo/.vscode/mcp.json').some((f) => f.ruleId === 'secret-in-env'));
});

test('fixAll applies only safe fixes and is idempotent', () => {
  const once = fixAll(VSCODE_CONFIG, '/repo/.vscode/mcp.json');
  // The secret fix is deliberately not safe: fix-all must never drop a credential silently.
  assert.equal(once.text, VSCODE_CONFIG);
  assert.deepEqual(fixAll(once.text, '/repo/.vscode/mcp.json').text, once.text);
});
