/**
 * insecure-http-remote and template hosts: `http://YOUR_SERVER_IP:3010/sse` (a real corpus
 * file, claude-desktop/Adihamad__wikijs-mcp) is a template nobody connects to yet, so it is
 * not reported; remote-without-auth skips the same hosts. Real hosts, reserved
 * documentation domains and private names next to template-looking words still are.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, lintRule } from './_permissionTransport';

const RULE = 'insecure-http-remote';
const DESKTOP = '/Users/a/Library/Application Support/Claude/claude_desktop_config.json';

test('template hosts are not reported (url and bridge argument, two dialects)', () => {
  assertClean(RULE, DESKTOP, '{"mcpServers":{"wikijs":{"url":"http://YOUR_SERVER_IP:3010/sse"}}}');
  assertClean(RULE, '/repo/.vscode/mcp.json', JSON.stringify({ servers: {
    a: { type: 'http', url: 'http://<host>:8080/mcp' },
    b: { type: 'http', url: 'http://${HOST}/mcp' },
    c: { type: 'sse', url: 'http://your-server.com/sse' },
    d: { type: 'http', url: 'http://placeholder/mcp' },
    e: { type: 'http', url: 'http://xxx.xxx.xxx.xxx:8000/mcp' },
    f: { type: 'http', url: 'http://${input:host}:3000/mcp' },
  } }));
  assertClean(RULE, '/repo/.cursor/mcp.json', '{"mcpServers":{"r":{"command":"npx","args":["-y","mcp-remote@0.1.29","http://your_server_ip:3010/sse","--allow-http"]}}}');
});

test('the same hosts remote-without-auth leaves alone', () => {
  const text = '{"mcpServers":{"wikijs":{"type":"http","url":"http://YOUR_SERVER_IP:3010/sse"}}}';
  assertClean('remote-without-auth', '/repo/.mcp.json', text);
  assertClean(RULE, '/repo/.mcp.json', text);
});

test('real hosts are still reported, including reserved documentation domains', () => {
  const text = JSON.stringify({ mcpServers: {
    pub: { type: 'http', url: 'http://mcp.example.com/mcp' },
    ip: { type: 'http', url: 'http://203.0.113.7:3010/sse' },
    lan: { type: 'http', url: 'http://192.168.1.20:3010/sse' },
    word: { type: 'http', url: 'http://hostel-bookings.net/mcp' },
  } });
  assert.deepEqual(lintRule(RULE, '/repo/.mcp.json', text).map((f) => [f.server, f.severity]), [
    ['pub', 'error'],
    ['ip', 'error'],
    ['lan', 'warning'],
    ['word', 'error'],
  ]);
});
