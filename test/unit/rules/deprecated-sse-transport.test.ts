import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean } from './_permissionTransport';

const RULE = 'deprecated-sse-transport';

test('type sse is information on the type (VS Code, Claude Code)', () => {
  const [finding] = lintRule(RULE, '/repo/.vscode/mcp.json', '{"servers":{"s":{"type":"sse","url":"https://mcp.example.com/sse"}}}');
  assert.equal(finding.text, '"sse"');
  assert.equal(finding.severity, 'information');
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', '{"mcpServers":{"s":{"type":"sse","url":"https://x.example/sse"}}}').map((f) => f.text),
    ['"sse"'],
  );
});

test('Gemini: url (SSE) vs httpUrl', () => {
  assert.deepEqual(lintRule(RULE, '/repo/.gemini/settings.json', '{"mcpServers":{"s":{"url":"https://x.example/sse"}}}').length, 1);
  assertClean(RULE, '/repo/.gemini/settings.json', '{"mcpServers":{"s":{"httpUrl":"https://x.example/mcp"}}}');
});

test('valid: streamable HTTP, stdio', () => {
  assertClean(RULE, '/repo/.vscode/mcp.json', '{"servers":{"s":{"type":"http","url":"https://mcp.example.com/mcp"},"t":{"command":"srv"}}}');
});
