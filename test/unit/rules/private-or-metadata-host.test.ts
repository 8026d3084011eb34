import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean } from './_permissionTransport';

const RULE = 'private-or-metadata-host';

test('cloud metadata is an error, private ranges information (VS Code, Cursor)', () => {
  const vscode = '{"servers":{"m":{"type":"http","url":"http://169.254.169.254/latest/meta-data/"},"p":{"type":"http","url":"https://10.0.0.44:8000/mcp"}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.vscode/mcp.json', vscode).map((f) => [f.text, f.severity]),
    [
      ['"http://169.254.169.254/latest/meta-data/"', 'error'],
      ['"https://10.0.0.44:8000/mcp"', 'information'],
    ],
  );
  const cursor = '{"mcpServers":{"f":{"command":"npx","args":["-y","fetch-mcp@1.0.0","--allow","http://metadata.google.internal/computeMetadata/v1/"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.cursor/mcp.json', cursor).map((f) => [f.text, f.severity]),
    [['"http://metadata.google.internal/computeMetadata/v1/"', 'error']],
  );
});

test('internal names and bridges (Claude Code)', () => {
  const claude =
    '{"mcpServers":{"j":{"type":"http","url":"https://jira.corp.internal/mcp"},"r":{"command":"npx","args":["mcp-remote@0.1.29","https://192.168.1.20/sse"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', claude).map((f) => f.text),
    ['"https://jira.corp.internal/mcp"', '"https://192.168.1.20/sse"'],
  );
});

test('valid: public hosts, loopback, placeholders, trusted hosts', () => {
  assertClean(
    RULE,
    '/repo/.mcp.json',
    '{"mcpServers":{"a":{"type":"http","url":"https://mcp.example.com/mcp"},"b":{"type":"http","url":"http://127.0.0.1:3000/mcp"},"c":{"type":"http","url":"https://YOUR-SERVER/mcp"}}}',
  );
});
