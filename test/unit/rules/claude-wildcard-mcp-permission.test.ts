import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck, assertFixAllStable } from './_permissionTransport';

const RULE = 'claude-wildcard-mcp-permission';

const SETTINGS = `{
  "permissions": {
    "allow": [
      "Bash(npm run test:*)",
      "mcp__github",
      "mcp__db__*",
      "mcp__db__get_*",
      "mcp__github__create_*",
      "mcp__*"
    ],
    "deny": ["mcp__*"]
  }
}
`;

test('whole-server, all-MCP and write-wildcard allows are warnings on the entry', () => {
  const found = lintRule(RULE, '/repo/.claude/settings.json', SETTINGS);
  assert.deepEqual(
    found.map((f) => [f.text, f.severity]),
    [
      ['"mcp__github"', 'warning'],
      ['"mcp__db__*"', 'warning'],
      ['"mcp__github__create_*"', 'warning'],
      ['"mcp__*"', 'warning'],
    ],
  );
  assert.match(found[3].message, /current Claude Code ignores this entry/);
});

test('user settings (~/.claude/settings.json) and settings.local.json', () => {
  assert.deepEqual(
    lintRule(RULE, '/Users/a/.claude/settings.json', '{"permissions":{"allow":["*"]}}').map((f) => f.text),
    ['"*"'],
  );
  assert.deepEqual(
    lintRule(RULE, '/repo/.claude/settings.local.json', '{"permissions":{"allow":["mcp__plugin_x_srv"]}}').map((f) => f.text),
    ['"mcp__plugin_x_srv"'],
  );
});

test('valid: single tools, read-only wildcards, deny lists', () => {
  assertClean(
    RULE,
    '/repo/.claude/settings.json',
    '{"permissions":{"allow":["mcp__api__search","mcp__db__get_*","mcp__github__list_issues"],"deny":["mcp__*"],"ask":["mcp__github"]}}',
  );
});

test('fix removes the entry; safe; fix-all removes them all and is idempotent', () => {
  const fixed = applyAndCheck(RULE, '/repo/.claude/settings.json', SETTINGS);
  assert.ok(!fixed.includes('"mcp__github",'), fixed);
  assert.equal(lintRule(RULE, '/repo/.claude/settings.json', SETTINGS)[0].fixes[0].safe, true);
  const all = assertFixAllStable(RULE, '/repo/.claude/settings.json', SETTINGS);
  assert.deepEqual(JSON.parse(all).permissions, { allow: ['Bash(npm run test:*)', 'mcp__db__get_*'], deny: ['mcp__*'] });
});
