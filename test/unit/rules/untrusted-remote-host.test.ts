import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean } from './_permissionTransport';
import { classifyHost } from '../../../server/src/launch/remote';

const RULE = 'untrusted-remote-host';

test('host classification', () => {
  assert.equal(classifyHost('abc123.ngrok-free.app')?.kind, 'tunnel');
  assert.equal(classifyHost('quiet-fog.trycloudflare.com')?.kind, 'tunnel');
  assert.equal(classifyHost('x.loca.lt')?.kind, 'tunnel');
  assert.equal(classifyHost('abcdefghijklmnop.onion')?.kind, 'onion');
  assert.equal(classifyHost('gist.githubusercontent.com')?.kind, 'paste');
  assert.equal(classifyHost('203.0.113.7')?.kind, 'public-ip');
  assert.equal(classifyHost('[2001:db8::1]')?.kind, 'public-ip');
  assert.equal(classifyHost('169.254.169.254')?.kind, 'metadata');
  assert.equal(classifyHost('172.20.0.3')?.kind, 'private');
  assert.equal(classifyHost('127.0.0.1'), undefined);
  assert.equal(classifyHost('mcp.example.com'), undefined);
});

test('tunnels and raw public IPs are warnings on the URL (VS Code, Windsurf)', () => {
  const vscode = '{"servers":{"t":{"type":"http","url":"https://abc123.ngrok-free.app/mcp"},"i":{"type":"http","url":"https://203.0.113.7/mcp"}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.vscode/mcp.json', vscode).map((f) => [f.text, f.severity]),
    [
      ['"https://abc123.ngrok-free.app/mcp"', 'warning'],
      ['"https://203.0.113.7/mcp"', 'warning'],
    ],
  );
  const windsurf = '{"mcpServers":{"o":{"serverUrl":"http://abcdefghijklmnop.onion/mcp"}}}';
  assert.deepEqual(
    lintRule(RULE, '/home/u/.codeium/windsurf/mcp_config.json', windsurf).map((f) => f.text),
    ['"http://abcdefghijklmnop.onion/mcp"'],
  );
});

test('valid: named public hosts, private ranges (private-or-metadata-host), trusted hosts', () => {
  assertClean(
    RULE,
    '/repo/.mcp.json',
    '{"mcpServers":{"a":{"type":"http","url":"https://mcp.example.com/mcp"},"b":{"type":"http","url":"https://10.1.1.1/mcp"}}}',
  );
});
