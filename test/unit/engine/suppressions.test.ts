import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyTextEdits, lint, parseSettings, suppressionEdit, matchesFilePattern, RULES, type Finding } from '../../../server/src/engine';
import { parseDocument } from '../../../server/src/parse';

const TOKEN = 'ghp_' + 'aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5'.slice(0, 36);
const ids = (findings: Finding[]) => findings.map((f) => f.ruleId);

const vscode = (comment: string, extra = '') => `{
  "servers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github"],
${comment ? `      ${comment}\n` : ''}      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${TOKEN}" }${extra}
    }
  }
}
`;
const PATH = '/p/.vscode/mcp.json';

test('without a suppression the token and the unpinned package are reported', () => {
  const found = ids(lint(vscode(''), PATH));
  assert.ok(found.includes('secret-in-env'), found.join());
  assert.ok(found.includes('unpinned-npm-package'), found.join());
});

test('disable-next-line with a reason silences exactly that rule on the next line, and nothing else is added', () => {
  const found = ids(lint(vscode('// mcp-hygiene-disable-next-line secret-in-env -- test fixture, revoked token'), PATH));
  assert.ok(!found.includes('secret-in-env'), found.join());
  assert.ok(found.includes('unpinned-npm-package'));
  assert.ok(!found.includes('unused-suppression'));
  assert.ok(!found.includes('suppression-without-reason'));
});

test('a suppression without a reason still works but gets a hint on the comment', () => {
  const text = vscode('// mcp-hygiene-disable-next-line secret-in-env');
  const findings = lint(text, PATH);
  assert.ok(!ids(findings).includes('secret-in-env'));
  const hint = findings.find((f) => f.ruleId === 'suppression-without-reason');
  assert.ok(hint);
  assert.equal(hint.severity, 'hint');
  assert.equal(hint.range.start.line, 5);
});

test('an unused suppression (wrong line, wrong rule, unknown id) is reported with a remove fix', () => {
  const text = vscode('// mcp-hygiene-disable-next-line deprecated-server, no-such-rule -- why not');
  const findings = lint(text, PATH);
  const unused = findings.find((f) => f.ruleId === 'unused-suppression');
  assert.ok(unused, ids(findings).join());
  assert.match(unused.message, /"deprecated-server", "no-such-rule"/);
  assert.match(unused.message, /"no-such-rule" is not an MCP Hygiene rule id/);
  assert.ok(ids(findings).includes('secret-in-env'), 'the token is still reported');
  const fixed = applyTextEdits(text, unused.fixes[0].edits);
  assert.ok(!fixed.includes('mcp-hygiene-disable'));
  assert.equal(fixed, vscode(''));
});

test('a suppression of a rule that is off is not "unused"', () => {
  const { settings } = parseSettings({ rules: { 'deprecated-server': 'off' } });
  const findings = lint(vscode('// mcp-hygiene-disable-next-line deprecated-server -- n/a'), PATH, settings);
  assert.ok(!ids(findings).includes('unused-suppression'));
});

test('file-level disable silences the rule everywhere; * silences every rule', () => {
  const text = `// mcp-hygiene-disable unpinned-npm-package -- vendored\n${vscode('')}`;
  const found = ids(lint(text, PATH));
  assert.ok(!found.includes('unpinned-npm-package'));
  assert.ok(found.includes('secret-in-env'));
  const all = ids(lint(`// mcp-hygiene-disable * -- sample file\n${vscode('')}`, PATH));
  assert.deepEqual(all, []);
});

test('block comments, TOML and YAML # comments are read; # inside a string is not a comment', () => {
  assert.ok(!ids(lint(vscode('/* mcp-hygiene-disable-next-line secret-in-env -- x */'), PATH)).includes('secret-in-env'));
  const toml = `[mcp_servers.github]\ncommand = "npx"\nargs = ["-y", "@modelcontextprotocol/server-github@0.6.2"]\n# mcp-hygiene-disable-next-line secret-in-env -- revoked\nenv = { GITHUB_PERSONAL_ACCESS_TOKEN = "${TOKEN}" }\n`;
  assert.ok(!ids(lint(toml, '/home/u/.codex/config.toml')).includes('secret-in-env'), ids(lint(toml, '/home/u/.codex/config.toml')).join());
  const yaml = `name: t\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: github\n    command: npx\n    args: ["-y", "@modelcontextprotocol/server-github@0.6.2"]\n    env:\n      # mcp-hygiene-disable-next-line secret-in-env -- revoked\n      GITHUB_PERSONAL_ACCESS_TOKEN: "${TOKEN}"\n`;
  const yamlFindings = ids(lint(yaml, '/p/.continue/config.yaml'));
  assert.ok(!yamlFindings.includes('secret-in-env'), yamlFindings.join());
  const inString = `{ "servers": { "a": { "command": "node", "args": ["# mcp-hygiene-disable * -- x"] } } }`;
  assert.ok(!ids(lint(inString, PATH)).includes('unused-suppression'));
});

test('settings suppressions (strict JSON files): by file glob, rule and server', () => {
  const desktop = `{\n  "mcpServers": {\n    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] },\n    "git": { "command": "uvx", "args": ["mcp-server-git"] }\n  }\n}\n`;
  const file = '/Users/a/Library/Application Support/Claude/claude_desktop_config.json';
  const before = lint(desktop, file).filter((f) => f.ruleId.startsWith('unpinned'));
  assert.equal(before.length, 2);
  const { settings } = parseSettings({
    suppressions: [{ file: '**/claude_desktop_config.json', rule: 'unpinned-npm-package', server: 'memory', reason: 'vendored' }],
  });
  const after = lint(desktop, file, settings).filter((f) => f.ruleId.startsWith('unpinned'));
  assert.deepEqual(
    after.map((f) => f.server),
    ['git'],
  );
  const other = parseSettings({ suppressions: [{ file: 'other/claude_desktop_config.json', rule: '*' }] }).settings;
  assert.equal(lint(desktop, file, other).filter((f) => f.ruleId.startsWith('unpinned')).length, 2);
});

test('matchesFilePattern: relative globs match whole trailing segments, absolute ones the whole path', () => {
  assert.ok(matchesFilePattern('**/mcp.json', '/p/.vscode/mcp.json'));
  assert.ok(matchesFilePattern('.vscode/mcp.json', '/p/.vscode/mcp.json'));
  assert.ok(!matchesFilePattern('code/mcp.json', '/p/.vscode/mcp.json'));
  assert.ok(matchesFilePattern('/p/**', '/p/.vscode/mcp.json'));
  assert.ok(matchesFilePattern('C:/Users/*/claude_desktop_config.json', 'C:\\Users\\a\\claude_desktop_config.json'));
});

test('suppressionEdit: next-line comment with the line indentation, in the file comment syntax; file-level at the top', () => {
  const text = vscode('');
  const doc = parseDocument(text, 'json')!;
  const secret = lint(text, PATH).find((f) => f.ruleId === 'secret-in-env')!;
  const edited = applyTextEdits(text, [toEdit(doc, suppressionEdit(doc, 'secret-in-env', 'line', secret.range.start.line))]);
  assert.equal(edited, vscode('// mcp-hygiene-disable-next-line secret-in-env -- '));
  const after = lint(edited, PATH);
  assert.ok(!ids(after).includes('secret-in-env'));
  assert.ok(ids(after).includes('suppression-without-reason'), 'the empty reason is hinted');
  const top = applyTextEdits(text, [toEdit(doc, suppressionEdit(doc, 'secret-in-env', 'file', 0))]);
  assert.ok(top.startsWith('// mcp-hygiene-disable secret-in-env -- \n{'));
  assert.ok(!ids(lint(top, PATH)).includes('secret-in-env'));
  const toml = 'model = "o3"\r\n[mcp_servers.x]\r\n  command = "npx"\r\n';
  const tdoc = parseDocument(toml, 'toml')!;
  assert.equal(
    applyTextEdits(toml, [toEdit(tdoc, suppressionEdit(tdoc, 'r', 'line', 2))]),
    'model = "o3"\r\n[mcp_servers.x]\r\n  # mcp-hygiene-disable-next-line r -- \r\n  command = "npx"\r\n',
  );
});

test('the suppression rules are registered with docs and can be turned off', () => {
  assert.ok(RULES.some((r) => r.id === 'unused-suppression'));
  const { settings } = parseSettings({ rules: { 'suppression-without-reason': 'off' } });
  assert.ok(!ids(analyze(vscode('// mcp-hygiene-disable-next-line secret-in-env'), PATH, settings)!.findings).includes('suppression-without-reason'));
});

function toEdit(doc: NonNullable<ReturnType<typeof parseDocument>>, edit: { offset: number; length: number; content: string }) {
  return { range: doc.lines.rangeAt(edit.offset, edit.length), newText: edit.content };
}
