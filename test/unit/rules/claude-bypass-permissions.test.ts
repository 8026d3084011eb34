import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck, assertFixAllStable } from './_permissionTransport';

const RULE = 'claude-bypass-permissions';

const SETTINGS = `{
  "permissions": {
    "defaultMode": "bypassPermissions",
    "allow": ["mcp__api__search"]
  },
  "skipDangerousModePermissionPrompt": true
}
`;

test('bypassPermissions is an error, the skip switch a warning (project and user settings)', () => {
  assert.deepEqual(
    lintRule(RULE, '/repo/.claude/settings.json', SETTINGS).map((f) => [f.text, f.severity]),
    [
      ['"bypassPermissions"', 'error'],
      ['true', 'warning'],
    ],
  );
  assert.deepEqual(
    lintRule(RULE, '/Users/a/.claude/settings.json', '{"permissions":{"defaultMode":"bypassPermissions"}}').map((f) => f.text),
    ['"bypassPermissions"'],
  );
});

test('valid: default modes; the same keys in an MCP file are not settings', () => {
  assertClean(RULE, '/repo/.claude/settings.local.json', '{"permissions":{"defaultMode":"acceptEdits"},"skipDangerousModePermissionPrompt":false}');
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{},"permissions":{"defaultMode":"bypassPermissions"}}');
});

test('fixes: "default" (not safe) and false (safe, fix-all idempotent)', () => {
  const fixed = applyAndCheck(RULE, '/repo/.claude/settings.json', SETTINGS);
  assert.equal(JSON.parse(fixed).permissions.defaultMode, 'default');
  assert.equal(lintRule(RULE, '/repo/.claude/settings.json', SETTINGS)[0].fixes[0].safe, false);
  const all = assertFixAllStable(RULE, '/repo/.claude/settings.json', SETTINGS);
  assert.equal(JSON.parse(all).skipDangerousModePermissionPrompt, false);
  assert.equal(JSON.parse(all).permissions.defaultMode, 'bypassPermissions');
});
