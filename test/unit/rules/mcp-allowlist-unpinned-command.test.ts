import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean } from './_permissionTransport';

const RULE = 'mcp-allowlist-unpinned-command';
const COPILOT = '/org/.github-private/copilot/managed-settings.json';
const MANAGED = '/etc/claude-code/managed-settings.json';

test('approved commands that run a package without an exact version, read as the unpinned rules read a server', () => {
  // The first two entries are the examples of GitHub's own allow-list documentation.
  const text = `{
  "allowedMcpServers": [
    { "serverUrl": "https://api.githubcopilot.com/*" },
    { "serverCommand": ["npx", "@playwright/mcp@latest"] },
    { "serverCommand": ["cmd", "/c", "uvx", "markitdown-mcp"] },
    { "serverCommand": ["docker", "run", "-i", "--rm", "ghcr.io/github/github-mcp-server"] },
    { "serverCommand": ["npx", "-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "."] }
  ]
}`;
  const found = lintRule(RULE, COPILOT, text);
  assert.deepEqual(
    found.map((f) => [f.text, f.severity]),
    [
      ['"@playwright/mcp@latest"', 'warning'],
      ['"markitdown-mcp"', 'warning'],
      ['"ghcr.io/github/github-mcp-server"', 'warning'],
    ],
  );
  assert.match(found[0].message, /^Approved command runs "@playwright\/mcp" unpinned: pin an exact version in the entry\./);
  assert.equal(lintRule(RULE, MANAGED, text).length, 3, 'Claude Code managed settings too');
});

test('pinned commands, local programs, deny-lists and malformed entries are not reported', () => {
  assertClean(
    RULE,
    MANAGED,
    '{ "allowedMcpServers": [ { "serverCommand": ["python", "/usr/local/bin/approved-server.py"] }, { "serverCommand": ["uvx", "mcp-server-git==0.6.2"] }, { "serverCommand": [] }, { "serverCommand": "npx pkg" } ], "deniedMcpServers": [ { "serverCommand": ["npx", "-y", "unapproved-package"] } ] }',
  );
});
