import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean } from './_permissionTransport';

const RULE = 'github-server-write-access';

test('docker image without read-only: information on the image (VS Code)', () => {
  const text =
    '{"servers":{"github":{"command":"docker","args":["run","-i","--rm","-e","GITHUB_PERSONAL_ACCESS_TOKEN","ghcr.io/github/github-mcp-server:v0.20.0"]}}}';
  const [finding] = lintRule(RULE, '/repo/.vscode/mcp.json', text);
  assert.equal(finding.text, '"ghcr.io/github/github-mcp-server:v0.20.0"');
  assert.equal(finding.severity, 'information');
  assert.match(finding.message, /read-only mode/);
});

test('all toolsets is a warning on the toolsets value (env, -e, --toolsets; Claude Code, Cursor)', () => {
  const env = '{"mcpServers":{"gh":{"command":"github-mcp-server","args":["stdio"],"env":{"GITHUB_TOOLSETS":"all"}}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', env).map((f) => [f.text, f.severity]),
    [['"all"', 'warning']],
  );
  const dockerEnv = '{"mcpServers":{"gh":{"command":"docker","args":["run","-i","-e","GITHUB_TOOLSETS=all","ghcr.io/github/github-mcp-server"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.cursor/mcp.json', dockerEnv).map((f) => f.text),
    ['all'],
  );
  const flag = '{"mcpServers":{"gh":{"command":"github-mcp-server","args":["stdio","--toolsets","all","--read-only"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', flag).map((f) => [f.text, f.severity]),
    [['"all"', 'information']],
  );
});

test('remote: /mcp/ without readonly, /x/all, X-MCP-Toolsets header', () => {
  assert.deepEqual(
    lintRule(RULE, '/repo/.vscode/mcp.json', '{"servers":{"gh":{"type":"http","url":"https://api.githubcopilot.com/mcp/"}}}').map((f) => [f.text, f.severity]),
    [['"https://api.githubcopilot.com/mcp/"', 'information']],
  );
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', '{"mcpServers":{"gh":{"type":"http","url":"https://api.githubcopilot.com/mcp/x/all"}}}').map((f) => f.severity),
    ['warning'],
  );
  assert.deepEqual(
    lintRule(
      RULE,
      '/repo/.mcp.json',
      '{"mcpServers":{"gh":{"type":"http","url":"https://api.githubcopilot.com/mcp/","headers":{"X-MCP-Toolsets":"all","X-MCP-Readonly":"true"}}}}',
    ).map((f) => [f.text, f.severity]),
    [['"all"', 'information']],
  );
});

test('valid: read-only in every spelling, other servers', () => {
  assertClean(RULE, '/repo/.vscode/mcp.json', '{"servers":{"gh":{"type":"http","url":"https://api.githubcopilot.com/mcp/readonly"}}}');
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"gh":{"type":"http","url":"https://api.githubcopilot.com/mcp/","headers":{"X-MCP-Readonly":"true"}}}}');
  assertClean(
    RULE,
    '/repo/.mcp.json',
    '{"mcpServers":{"gh":{"command":"docker","args":["run","-i","-e","GITHUB_READ_ONLY=1","ghcr.io/github/github-mcp-server"]}}}',
  );
  assertClean(
    RULE,
    '/repo/.mcp.json',
    '{"mcpServers":{"gh":{"command":"docker","args":["run","-i","-e","GITHUB_READ_ONLY","ghcr.io/github/github-mcp-server"],"env":{"GITHUB_READ_ONLY":"1"}}}}',
  );
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"gh":{"command":"github-mcp-server","args":["stdio","--read-only"]}}}');
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"x":{"command":"docker","args":["run","-i","mcp/fetch"]}}}');
});
