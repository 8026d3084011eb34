import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck } from './_permissionTransport';

const RULE = 'insecure-http-remote';

test('http:// url to a remote host (VS Code) and ws:// (Claude Code)', () => {
  const [finding] = lintRule(RULE, '/repo/.vscode/mcp.json', '{"servers":{"api":{"type":"http","url":"http://mcp.example.com/mcp"}}}');
  assert.equal(finding.text, '"http://mcp.example.com/mcp"');
  assert.equal(finding.severity, 'error');
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', '{"mcpServers":{"ws":{"type":"ws","url":"ws://mcp.example.com/ws"}}}').map((f) => f.text),
    ['"ws://mcp.example.com/ws"'],
  );
});

test('bridge arguments: mcp-remote URL, supergateway --sse=URL (Claude Desktop, Cursor)', () => {
  const desktop = '{"mcpServers":{"r":{"command":"npx","args":["-y","mcp-remote@0.1.29","http://mcp.example.com/sse","--allow-http"]}}}';
  const [finding] = lintRule(RULE, '/Users/a/Library/Application Support/Claude/claude_desktop_config.json', desktop);
  assert.equal(finding.text, '"http://mcp.example.com/sse"');
  assert.match(finding.message, /through mcp-remote \(--allow-http lets it\)/);
  const cursor = '{"mcpServers":{"g":{"command":"npx","args":["-y","supergateway@3.0.0","--sse=http://10.1.2.3:8000/sse"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.cursor/mcp.json', cursor).map((f) => f.text),
    ['"--sse=http://10.1.2.3:8000/sse"'],
  );
});

test('private-network and internal hosts are warnings', () => {
  const text = '{"mcpServers":{"j":{"type":"http","url":"http://jenkins:8080/mcp"},"p":{"type":"http","url":"http://10.0.0.44:8000/mcp"}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', text).map((f) => [f.text, f.severity]),
    [
      ['"http://jenkins:8080/mcp"', 'warning'],
      ['"http://10.0.0.44:8000/mcp"', 'warning'],
    ],
  );
});

test('valid: https, loopback, trusted hosts, http URLs given to ordinary servers', () => {
  assertClean(
    RULE,
    '/repo/.vscode/mcp.json',
    '{"servers":{"a":{"type":"http","url":"https://mcp.example.com/mcp"},"b":{"type":"http","url":"http://127.0.0.1:3000/mcp"},"c":{"type":"sse","url":"http://localhost:8080/sse"}}}',
  );
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"r":{"command":"npx","args":["-y","mcp-remote@0.1.29","http://localhost:3000/sse"]}}}');
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"f":{"command":"npx","args":["-y","fetch-mcp@1.0.0","--base","http://example.com"]}}}');
});

test('fix switches the scheme, keeping the --flag= prefix; not safe', () => {
  const cursor = '{"mcpServers":{"g":{"command":"npx","args":["-y","supergateway@3.0.0","--sse=http://mcp.example.com/sse"]}}}';
  const fixed = applyAndCheck(RULE, '/repo/.cursor/mcp.json', cursor);
  assert.ok(fixed.includes('"--sse=https://mcp.example.com/sse"'), fixed);
  assert.equal(lintRule(RULE, '/repo/.cursor/mcp.json', cursor)[0].fixes[0].safe, false);
});
