import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean } from './_permissionTransport';

const RULE = 'mcp-denylist-bypassable';

test('a deny by name is information, in Claude Code settings and Copilot managed settings', () => {
  for (const path of ['/etc/claude-code/managed-settings.json', '/repo/.claude/settings.json', '/org/.github-private/copilot/managed-settings.json']) {
    const found = lintRule(RULE, path, '{ "deniedMcpServers": [ { "serverName": "filesystem" }, { "serverUrl": "https://*.untrusted.example/*" } ] }');
    assert.deepEqual(
      found.map((f) => [f.text, f.severity]),
      [['"filesystem"', 'information']],
      path,
    );
    assert.match(found[0].message, /^Deny by name \("filesystem"\) is bypassed by renaming: also deny its serverUrl or serverCommand\./);
  }
});

test('denies by URL or command, allow-lists and other files are not reported', () => {
  assertClean(
    RULE,
    '/etc/claude-code/managed-settings.json',
    '{ "deniedMcpServers": [ { "serverCommand": ["npx", "-y", "unapproved-package"] }, { "serverUrl": "https://evil.example/*" } ], "allowedMcpServers": [ { "serverName": "github" } ] }',
  );
  assertClean(RULE, '/repo/.mcp.json', '{ "mcpServers": {}, "deniedMcpServers": [ { "serverName": "x" } ] }');
});
