import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck } from './_permissionTransport';

const RULE = 'vscode-sandbox-off';
const WORKSPACE = '/repo/.vscode/mcp.json';

const CONFIG = `{
  // Servers for this repository
  "servers": {
    "filesystem": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "\${workspaceFolder}"]
    },
    "git": { "type": "stdio", "command": "uvx", "args": ["mcp-server-git==0.6.2"], "sandboxEnabled": false },
    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" },
    "containerised": { "command": "docker", "args": ["run", "-i", "--rm", "ghcr.io/github/github-mcp-server@sha256:${'a'.repeat(64)}"] },
    "sandboxed": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory@2025.8.4"], "sandboxEnabled": true }
  }
}
`;

test('local stdio servers without the sandbox are information; remote, container and sandboxed ones are not reported', () => {
  const found = lintRule(RULE, WORKSPACE, CONFIG);
  assert.deepEqual(
    found.map((f) => [f.text, f.severity]),
    [
      ['"filesystem"', 'information'],
      ['false', 'information'],
    ],
  );
  assert.match(found[0].message, /^Local server runs unsandboxed: set "sandboxEnabled": true \(macOS and Linux\)\./);
  assert.match(found[0].message, /writes only in its working folder and ~\/\.npm and reaches only registry\.npmjs\.org/);
});

test("only VS Code mcp.json files: the user profile too, never another client's file", () => {
  assert.equal(lintRule(RULE, '/home/u/.config/Code/User/mcp.json', '{"servers":{"a":{"command":"node","args":["server.js"]}}}').length, 1);
  assertClean(RULE, '/repo/.cursor/mcp.json', '{"mcpServers":{"a":{"command":"node","args":["server.js"]}}}');
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"a":{"command":"node","args":["server.js"]}}}');
});

test('fix: inserts "sandboxEnabled": true in the entry\'s own layout, or turns false into true', () => {
  const inserted = applyAndCheck(RULE, WORKSPACE, CONFIG, { comments: ['// Servers for this repository'] });
  assert.ok(
    inserted.includes('"args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "${workspaceFolder}"],\n      "sandboxEnabled": true\n    },'),
    inserted,
  );
  const flipped = applyAndCheck(RULE, WORKSPACE, CONFIG, { findingIndex: 1 });
  assert.ok(flipped.includes('"sandboxEnabled": true },'), flipped);
  const [finding] = lintRule(RULE, WORKSPACE, CONFIG);
  assert.equal(finding.fixes[0].safe, false, 'the sandbox may block hosts the server needs: never applied by fix-all');
  assert.match(finding.fixes[0].title, /macOS\/Linux/);
});
