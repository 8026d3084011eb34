import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck } from './_permissionTransport';

const RULE = 'vscode-sandbox-too-broad';
const WORKSPACE = '/repo/.vscode/mcp.json';

const server = '"servers": { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "."], "sandboxEnabled": true } }';

test('allowWrite on the whole disk, a home folder or a credential folder; allowedDomains "*"', () => {
  const text = `{\n  ${server},\n  "sandbox": {\n    "filesystem": { "allowWrite": ["\${workspaceFolder}", "~", "/", "~/.ssh", "/tmp/build"] },\n    "network": { "allowedDomains": ["api.github.com", "*"] }\n  }\n}\n`;
  const found = lintRule(RULE, WORKSPACE, text);
  assert.deepEqual(
    found.map((f) => [f.text, f.severity]),
    [
      ['"~"', 'warning'],
      ['"/"', 'warning'],
      ['"~/.ssh"', 'warning'],
      ['"*"', 'warning'],
    ],
  );
  assert.match(found[0].message, /^Sandbox may write "~": limit allowWrite to the folders the server needs\./);
  assert.match(found[2].message, /SSH keys/);
  assert.match(found[3].message, /^Sandbox may reach every host \("\*"\): list the domains the servers need\./);
});

test('the older per-server placement is read too', () => {
  const text = '{"servers":{"fs":{"command":"node","args":["s.js"],"sandboxEnabled":true,"sandbox":{"filesystem":{"allowWrite":["/Users/alice"]}}}}}';
  const [finding] = lintRule(RULE, WORKSPACE, text);
  assert.equal(finding.text, '"/Users/alice"');
  assert.match(finding.message, /server "fs"'s sandbox/);
});

test("valid: workspace and build folders, named domains and subdomain patterns, other clients' files", () => {
  assertClean(
    RULE,
    WORKSPACE,
    `{ ${server}, "sandbox": { "filesystem": { "allowWrite": ["\${workspaceFolder}", "/tmp/build", "~/.cache/uv"], "denyRead": ["~/.ssh"] }, "network": { "allowedDomains": ["*.github.com", "pypi.org"] } } }`,
  );
  assertClean(RULE, '/repo/.cursor/mcp.json', '{"mcpServers":{},"sandbox":{"network":{"allowedDomains":["*"]}}}');
});

test('fix removes the entry, keeping the rest of the list and the comments', () => {
  const text = `{\n  ${server},\n  // shared by every sandboxed server\n  "sandbox": {\n    "filesystem": { "allowWrite": ["\${workspaceFolder}", "~"] },\n    "network": { "allowedDomains": ["api.github.com", "*"] }\n  }\n}\n`;
  const fixed = applyAndCheck(RULE, WORKSPACE, text, { comments: ['// shared by every sandboxed server'] });
  assert.ok(fixed.includes('"allowWrite": ["${workspaceFolder}"]'), fixed);
  const domains = applyAndCheck(RULE, WORKSPACE, text, { findingIndex: 1 });
  assert.ok(domains.includes('"allowedDomains": ["api.github.com"]'), domains);
});
