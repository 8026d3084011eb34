import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck } from './_permissionTransport';

const RULE = 'broad-filesystem-access';

const VSCODE = `{
  // filesystem for the agent
  "servers": {
    "fs": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.7.1", "/", "\${workspaceFolder}/docs/**", "../shared"]
    }
  }
}
`;

test('root is an error, wildcards and .. are warnings (VS Code)', () => {
  assert.deepEqual(
    lintRule(RULE, '/repo/.vscode/mcp.json', VSCODE).map((f) => [f.text, f.severity]),
    [
      ['"/"', 'error'],
      ['"${workspaceFolder}/docs/**"', 'warning'],
      ['"../shared"', 'warning'],
    ],
  );
});

test('home directories and drive roots (Claude Desktop, Codex TOML)', () => {
  const desktop = JSON.stringify({ mcpServers: { fs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', 'C:\\', '%USERPROFILE%'] } } });
  assert.deepEqual(
    lintRule(RULE, 'C:/Users/ann/AppData/Roaming/Claude/claude_desktop_config.json', desktop).map((f) => f.text),
    ['"C:\\\\"', '"%USERPROFILE%"'],
  );
  const codex = '[mcp_servers.fs]\ncommand = "npx"\nargs = ["-y", "@modelcontextprotocol/server-filesystem", "/Users/ann"]\n';
  assert.deepEqual(
    lintRule(RULE, '/Users/ann/.codex/config.toml', codex).map((f) => f.text),
    ['"/Users/ann"'],
  );
});

test("valid: project folders, docker filesystem servers (mounts are docker-host-mount's)", () => {
  assertClean(
    RULE,
    '/repo/.vscode/mcp.json',
    '{"servers":{"fs":{"command":"npx","args":["-y","@modelcontextprotocol/server-filesystem@2025.7.1","${workspaceFolder}"]}}}',
  );
  assertClean(
    RULE,
    '/repo/.mcp.json',
    '{"mcpServers":{"fs":{"command":"docker","args":["run","-i","--mount","type=bind,src=/Users/ann/app,dst=/projects/app","mcp/filesystem","/projects"]}}}',
  );
});

test('fix narrows to ${workspaceFolder} where the client expands it (VS Code, Cursor), not elsewhere', () => {
  const fixed = applyAndCheck(RULE, '/repo/.vscode/mcp.json', VSCODE, { comments: ['// filesystem for the agent'] });
  assert.ok(fixed.includes('"@modelcontextprotocol/server-filesystem@2025.7.1", "${workspaceFolder}", '), fixed);
  const [finding] = lintRule(RULE, '/repo/.vscode/mcp.json', VSCODE);
  assert.equal(finding.fixes[0].safe, false);
  const cursor = '{"mcpServers":{"fs":{"command":"npx","args":["-y","@modelcontextprotocol/server-filesystem","~"]}}}';
  assert.equal(lintRule(RULE, '/repo/.cursor/mcp.json', cursor)[0].fixes.length, 1);
  const claude = '{"mcpServers":{"fs":{"command":"npx","args":["-y","@modelcontextprotocol/server-filesystem","~"]}}}';
  assert.deepEqual(lintRule(RULE, '/repo/.mcp.json', claude)[0].fixes, []);
});
