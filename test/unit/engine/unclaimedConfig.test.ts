/**
 * Issue 15 class 9: a file at a path no client reads is an MCP config when its content holds
 * a servers map with at least one command or URL; the editor then offers to lint it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unclaimedConfigClient } from '../../../server/src/engine';

const json = (value: unknown) => JSON.stringify(value, null, 2);

test('servers maps with a command or a URL, in JSON, JSONC, YAML and TOML, at unclaimed paths', () => {
  assert.equal(
    unclaimedConfigClient(json({ mcpServers: { gh: { command: 'npx', args: ['-y', 'gh-mcp'] } } }), '/work/app/config/agents.json'),
    'MCP config (unknown client)',
  );
  assert.equal(
    unclaimedConfigClient('// team\n{ "servers": { "api": { "type": "http", "url": "https://api.example.com/mcp" } } }', '/work/app/tools/servers.jsonc'),
    'MCP config (unknown client)',
  );
  assert.equal(
    unclaimedConfigClient('mcpServers:\n  docs:\n    command: uvx\n    args: [docs-mcp]\n', '/work/app/deploy/agents.yaml'),
    'MCP config (unknown client)',
  );
  assert.equal(
    unclaimedConfigClient('[mcp_servers.docs]\ncommand = "npx"\nargs = ["-y", "docs-mcp"]\n', '/work/app/agent.toml'),
    'MCP config (unknown client)',
  );
  assert.equal(
    unclaimedConfigClient(json({ theme: 'One Dark', context_servers: { db: { command: 'npx', args: ['pg-mcp'] } } }), '/work/app/shared/editor-settings.json'),
    'Zed',
  );
});

test('not for claimed paths, other JSON, or a servers key that holds no launch', () => {
  const config = json({ mcpServers: { gh: { command: 'npx' } } });
  assert.equal(unclaimedConfigClient(config, '/work/app/.cursor/mcp.json'), undefined, 'a client reads it: it is linted already');
  assert.equal(unclaimedConfigClient(json({ name: 'app', version: '1.0.0', scripts: { test: 'node --test' } }), '/work/app/package.json'), undefined);
  assert.equal(unclaimedConfigClient(json({ servers: { primary: { host: 'db1', port: 5432 } } }), '/work/app/db.json'), undefined);
  assert.equal(unclaimedConfigClient(json({ servers: ['a', 'b'] }), '/work/app/hosts.json'), undefined);
  assert.equal(unclaimedConfigClient('{ "mcpServers": { "gh": { "command": ', '/work/app/broken.json'), undefined);
  assert.equal(unclaimedConfigClient('', '/work/app/empty.json'), undefined);
});
