import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck } from './_permissionTransport';

const RULE = 'docker-host-namespace';

test('--pid=host is an error, --network host / --ipc host warnings (VS Code)', () => {
  const text = `{
  "servers": {
    "k": { "command": "docker", "args": ["run", "--pid=host", "--network", "host", "--ipc", "host", "-i", "img:1"] }
  }
}`;
  const found = lintRule(RULE, '/repo/.vscode/mcp.json', text);
  assert.deepEqual(
    found.map((f) => [f.text, f.severity]),
    [
      ['"--pid=host"', 'error'],
      ['"--network"', 'warning'],
      ['"--ipc"', 'warning'],
    ],
  );
  assert.match(found[1].message, /--network host/);
});

test('--net=host and --uts host (Roo)', () => {
  const text = '{"mcpServers":{"k":{"command":"docker","args":["run","--net=host","--uts","host","img"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.roo/mcp.json', text).map((f) => f.text),
    ['"--net=host"', '"--uts"'],
  );
});

test('valid: bridge networks, a named network, host as an image argument', () => {
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"k":{"command":"docker","args":["run","--network","mcp-net","img","--network","host"]}}}');
  assertClean(RULE, '/repo/.vscode/mcp.json', '{"servers":{"k":{"command":"docker","args":["run","--network=bridge","img"]}}}');
});

test('fix removes the pair and keeps the rest', () => {
  const text = '{\n  "servers": {\n    "k": { "command": "docker", "args": ["run", "--network", "host", "img"] }\n  }\n}';
  const fixed = applyAndCheck(RULE, '/repo/.vscode/mcp.json', text);
  assert.ok(fixed.includes('"args": ["run", "img"]'), fixed);
});
