import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean } from './_permissionTransport';

const RULE = 'privilege-escalation-command';

test('sudo as the command (Cursor) and inside cmd /c (Claude Desktop)', () => {
  assert.deepEqual(
    lintRule(RULE, '/repo/.cursor/mcp.json', '{"mcpServers":{"n":{"command":"sudo","args":["npx","-y","net-mcp@1.0.0"]}}}').map((f) => [f.text, f.severity]),
    [['"sudo"', 'error']],
  );
  assert.deepEqual(
    lintRule(
      RULE,
      '/Users/a/Library/Application Support/Claude/claude_desktop_config.json',
      '{"mcpServers":{"n":{"command":"/usr/bin/doas","args":["srv"]}}}',
    ).map((f) => f.text),
    ['"/usr/bin/doas"'],
  );
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', '{"mcpServers":{"n":{"command":"pkexec srv"}}}').map((f) => f.text),
    ['"pkexec srv"'],
  );
});

test('sudo inside a bash -c script (VS Code)', () => {
  const found = lintRule(RULE, '/repo/.vscode/mcp.json', '{"servers":{"n":{"command":"bash","args":["-c","cd /srv && sudo ./server"]}}}');
  assert.deepEqual(
    found.map((f) => f.text),
    ['"cd /srv && sudo ./server"'],
  );
});

test('valid: ordinary launchers, the word sudo as a server argument', () => {
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"n":{"command":"npx","args":["-y","sudo-helper-mcp@1.0.0","--explain","sudo"]}}}');
  assertClean(RULE, '/repo/.vscode/mcp.json', '{"servers":{"n":{"command":"bash","args":["-c","echo pseudo"]}}}');
});
