import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck } from './_permissionTransport';

const RULE = 'claude-enable-all-project-servers';

const SETTINGS = `{
  "enableAllProjectMcpServers": true,
  "permissions": {
    "allow": ["mcp__api__search"]
  }
}
`;

test('project settings and settings.local.json: error on the value', () => {
  const [finding] = lintRule(RULE, '/repo/.claude/settings.json', SETTINGS);
  assert.equal(finding.text, 'true');
  assert.equal(finding.severity, 'error');
  assert.equal(finding.server, null);
  assert.deepEqual(
    lintRule(RULE, '/repo/.claude/settings.local.json', '{"enableAllProjectMcpServers": true}').map((f) => f.text),
    ['true'],
  );
});

test('~/.claude.json: per-project entries are checked too', () => {
  const user = '{\n  "projects": {\n    "/Users/a/app": { "enableAllProjectMcpServers": true, "mcpServers": {} }\n  }\n}\n';
  const [finding] = lintRule(RULE, '/Users/a/.claude.json', user);
  assert.equal(finding.text, 'true');
  assert.match(finding.message, /for project \/Users\/a\/app/);
  const fixed = applyAndCheck(RULE, '/Users/a/.claude.json', user);
  const project = JSON.parse(fixed).projects['/Users/a/app'];
  assert.equal(project.enableAllProjectMcpServers, false);
  assert.deepEqual(project.enabledMcpjsonServers, []);
});

test('valid: false, absent, or an explicit list', () => {
  assertClean(RULE, '/repo/.claude/settings.json', '{"enableAllProjectMcpServers": false, "enabledMcpjsonServers": ["api"]}');
  assertClean(RULE, '/repo/.claude/settings.json', '{"permissions": {"allow": []}}');
});

test('fix: false plus an empty enabledMcpjsonServers list, said in the title; not safe', () => {
  const [finding] = lintRule(RULE, '/repo/.claude/settings.json', SETTINGS);
  assert.equal(finding.fixes[0].safe, false);
  assert.match(finding.fixes[0].title, /empty enabledMcpjsonServers list/);
  const fixed = applyAndCheck(RULE, '/repo/.claude/settings.json', SETTINGS);
  const parsed = JSON.parse(fixed);
  assert.equal(parsed.enableAllProjectMcpServers, false);
  assert.deepEqual(parsed.enabledMcpjsonServers, []);
  assert.deepEqual(parsed.permissions, { allow: ['mcp__api__search'] });
  // An existing list is kept as it is.
  const withList = '{\n  "enableAllProjectMcpServers": true,\n  "enabledMcpjsonServers": ["api"]\n}\n';
  assert.equal(
    applyAndCheck(RULE, '/repo/.claude/settings.json', withList),
    '{\n  "enableAllProjectMcpServers": false,\n  "enabledMcpjsonServers": ["api"]\n}\n',
  );
});
