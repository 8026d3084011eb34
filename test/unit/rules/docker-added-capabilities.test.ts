import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean } from './_permissionTransport';

const RULE = 'docker-added-capabilities';

test('ALL and SYS_ADMIN are errors, NET_ADMIN a warning; ranges cover the capability (Claude Code)', () => {
  const text = '{"mcpServers":{"n":{"command":"docker","args":["run","--cap-add","SYS_ADMIN","--cap-add=ALL","--cap-add","net_admin,CAP_SYS_PTRACE","img"]}}}';
  const found = lintRule(RULE, '/repo/.mcp.json', text);
  assert.deepEqual(
    found.map((f) => [f.text, f.severity]),
    [
      ['"SYS_ADMIN"', 'error'],
      ['ALL', 'error'],
      ['net_admin', 'warning'],
      ['CAP_SYS_PTRACE', 'error'],
    ],
  );
});

test('Windsurf: one-string command points at the whole command', () => {
  const text = '{"mcpServers":{"n":{"command":"docker run --cap-add NET_ADMIN img"}}}';
  assert.deepEqual(
    lintRule(RULE, '/home/u/.codeium/windsurf/mcp_config.json', text).map((f) => [f.text, f.severity]),
    [['"docker run --cap-add NET_ADMIN img"', 'warning']],
  );
});

test("a capability of the engine's default set adds nothing (docker keeps NET_RAW, podman drops it)", () => {
  assertClean(
    RULE,
    '/repo/.mcp.json',
    '{"mcpServers":{"n":{"command":"docker","args":["run","--cap-drop","ALL","--cap-add","NET_BIND_SERVICE","--cap-add=NET_RAW","img"]}}}',
  );
  const found = lintRule(RULE, '/repo/.mcp.json', '{"mcpServers":{"n":{"command":"podman","args":["run","--cap-add","NET_RAW","img"]}}}');
  assert.deepEqual(
    found.map((f) => [f.text, f.severity]),
    [['"NET_RAW"', 'warning']],
  );
});

test('valid: --cap-drop, no capabilities', () => {
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"n":{"command":"docker","args":["run","--cap-drop","ALL","img"]}}}');
  assertClean(RULE, '/repo/.vscode/mcp.json', '{"servers":{"n":{"command":"docker","args":["run","-i","img"]}}}');
});
