import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck, assertFixAllStable } from './_permissionTransport';
import { matchesEveryHost } from '../../../server/src/rules/mcp-allowlist-too-broad';

const RULE = 'mcp-allowlist-too-broad';
const MANAGED = '/etc/claude-code/managed-settings.json';
const PROJECT = '/repo/.claude/settings.json';
const COPILOT = '/org/.github-private/copilot/managed-settings.json';

test('a serverUrl whose host is only wildcards allows every remote server (every client file that holds the list)', () => {
  for (const url of ['*', 'https://*', 'https://*/*', '*://*/*', 'http*://*.*/mcp', 'https://*:443/*']) {
    const text = `{ "allowManagedMcpServersOnly": true, "allowedMcpServers": [ { "serverUrl": "${url}" } ] }`;
    const [finding] = lintRule(RULE, MANAGED, text);
    assert.equal(finding?.severity, 'warning', url);
    assert.match(finding.message, /allows every remote server: list the hosts you approve\./);
    assert.equal(lintRule(RULE, COPILOT, `{ "allowedMcpServers": [ { "serverUrl": "${url}" } ] }`).length, 1, `copilot ${url}`);
  }
});

test('host patterns that name a domain are not "every host"', () => {
  for (const url of ['https://*.example.com/*', 'https://mcp.example.com', '*://mcp.example.com/*', 'http://localhost:*/*'])
    assert.equal(matchesEveryHost(url), false, url);
  assertClean(
    RULE,
    MANAGED,
    '{ "allowManagedMcpServersOnly": true, "allowedMcpServers": [ { "serverUrl": "https://*.acme.example/*" }, { "serverCommand": ["npx", "-y", "@acme/mcp@1.2.3"] } ] }',
  );
});

test('names: "any server" in a name-only list, the uncovered transport otherwise, nothing matched with both kinds (Claude Code)', () => {
  const seen = (list: string) => lintRule(RULE, PROJECT, `{ "allowedMcpServers": [ ${list} ] }`).map((f) => [f.severity, f.message.split(':')[0]]);
  assert.deepEqual(seen('{ "serverName": "github" }'), [['information', 'Allow-list admits any server named "github"']]);
  assert.deepEqual(seen('{ "serverName": "github" }, { "serverUrl": "https://api.githubcopilot.com/*" }'), [
    ['information', 'Allow-list admits any local server named "github"'],
  ]);
  assert.deepEqual(seen('{ "serverName": "github" }, { "serverCommand": ["node", "s.js"] }'), [
    ['information', 'Allow-list admits any remote server named "github"'],
  ]);
  assert.deepEqual(seen('{ "serverName": "github" }, { "serverCommand": ["node", "s.js"] }, { "serverUrl": "https://a.example/*" }'), [
    ['information', 'Allow-list name "github" matches nothing here'],
  ]);
  // Copilot's documentation does not describe name precedence: a name admits any server so named.
  assert.match(
    lintRule(RULE, COPILOT, '{ "allowedMcpServers": [ { "serverName": "github" }, { "serverUrl": "https://a.example/*" } ] }')[0].message,
    /admits any server named "github"/,
  );
});

test('managed-settings.json without allowManagedMcpServersOnly: users can widen it; the fix sets it (safe, once)', () => {
  const text = `{\n  "permissions": { "defaultMode": "default" },\n  "allowedMcpServers": [\n    { "serverUrl": "https://api.githubcopilot.com/*" }\n  ]\n}\n`;
  const [finding] = lintRule(RULE, MANAGED, text);
  assert.match(finding.message, /^Users can widen this allow-list: set "allowManagedMcpServersOnly": true\./);
  assert.equal(finding.text, '"allowedMcpServers"');
  const fixed = applyAndCheck(RULE, MANAGED, text);
  assert.ok(fixed.includes('  "allowManagedMcpServersOnly": true,\n  "allowedMcpServers": ['), fixed);
  assert.equal(assertFixAllStable(RULE, MANAGED, text), fixed);
  const off = applyAndCheck(RULE, MANAGED, text.replace('{\n', '{\n  "allowManagedMcpServersOnly": false,\n'));
  assert.ok(off.includes('"allowManagedMcpServersOnly": true,'), off);
  // A project or user settings file cannot lock the list: only the managed file is asked to.
  assertClean(RULE, PROJECT, text);
});

test("files without the list, and other clients' files, are not read", () => {
  assertClean(RULE, MANAGED, '{ "permissions": { "deny": ["mcp__*"] } }');
  assertClean(RULE, '/repo/.cursor/mcp.json', '{ "mcpServers": {}, "allowedMcpServers": [ { "serverUrl": "*" } ] }');
});
