import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck, assertFixAllStable } from './_permissionTransport';

const RULE = 'zed-tool-permissions';

const SETTINGS = `{
  // Zed settings
  "agent": {
    "tool_permissions": {
      "default": "allow",
      "tools": {
        "mcp:github:merge_pull_request": { "default": "allow" },
        "mcp:github:list_issues": { "default": "allow" }
      }
    },
    "always_allow_tool_actions": true
  },
  "session": { "trust_all_worktrees": true }
}
`;

test('user settings: global allow and legacy switch are errors, write tool and worktree trust warnings', () => {
  const found = lintRule(RULE, '/home/u/.config/zed/settings.json', SETTINGS);
  assert.deepEqual(
    found.map((f) => [f.text, f.severity]),
    [
      ['"allow"', 'error'],
      ['"allow"', 'warning'],
      ['true', 'error'],
      ['true', 'warning'],
    ],
  );
  assert.match(found[1].message, /merge_pull_request/);
});

test('project settings (.zed/settings.json)', () => {
  assert.deepEqual(
    lintRule(RULE, '/repo/.zed/settings.json', '{"session":{"trust_all_worktrees":true}}').map((f) => f.text),
    ['true'],
  );
});

test('valid: confirm default, read tools allowed', () => {
  assertClean(RULE, '/repo/.zed/settings.json', '{"agent":{"tool_permissions":{"default":"confirm","tools":{"mcp:github:list_issues":{"default":"allow"}}}}}');
});

test('fix-all applies the safe fixes (global default, legacy switch, worktree trust) and keeps comments', () => {
  const once = assertFixAllStable(RULE, '/home/u/.config/zed/settings.json', SETTINGS);
  assert.ok(once.includes('// Zed settings'));
  assert.ok(once.includes('"default": "confirm",\n      "tools"'), once);
  assert.ok(once.includes('"always_allow_tool_actions": false'));
  assert.ok(once.includes('"mcp:github:merge_pull_request": { "default": "allow" }'), 'the per-tool fix is not safe');
  const fixed = applyAndCheck(RULE, '/home/u/.config/zed/settings.json', SETTINGS, { findingIndex: 1 });
  assert.ok(fixed.includes('"mcp:github:merge_pull_request": { "default": "confirm" }'));
});
