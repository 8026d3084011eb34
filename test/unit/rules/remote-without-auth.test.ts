import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean } from './_permissionTransport';

const RULE = 'remote-without-auth';

test('no header, no OAuth, no key: information on the url (VS Code, Claude Code)', () => {
  const [finding] = lintRule(RULE, '/repo/.vscode/mcp.json', '{"servers":{"s":{"type":"http","url":"https://tools.acme-corp.dev/mcp"}}}');
  assert.equal(finding.text, '"https://tools.acme-corp.dev/mcp"');
  assert.equal(finding.severity, 'information');
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', '{"mcpServers":{"s":{"type":"http","url":"https://fetch-production-4e94.up.railway.app/mcp"}}}').length,
    1,
  );
});

test('valid: auth header, OAuth block, key in query or path, loopback, known OAuth hosts', () => {
  assertClean(
    RULE,
    '/repo/.mcp.json',
    '{"mcpServers":{"s":{"type":"http","url":"https://tools.acme-corp.dev/mcp","headers":{"Authorization":"Bearer ${TOKEN}"}}}}',
  );
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"s":{"type":"http","url":"https://tools.acme-corp.dev/mcp","oauth":{"clientId":"abc"}}}}');
  assertClean(RULE, '/repo/.vscode/mcp.json', '{"servers":{"s":{"type":"http","url":"https://tools.acme-corp.dev/mcp?api_key=${input:key}"}}}');
  assertClean(RULE, '/repo/.vscode/mcp.json', '{"servers":{"s":{"type":"http","url":"http://localhost:3000/mcp"}}}');
  assertClean(RULE, '/repo/.vscode/mcp.json', '{"servers":{"s":{"type":"http","url":"https://mcp.notion.com/mcp"}}}');
  assertClean(RULE, '/Users/a/.codex/config.toml', '[mcp_servers.s]\nurl = "https://tools.acme-corp.dev/mcp"\nbearer_token_env_var = "ACME_TOKEN"\n');
});
