/**
 * insecure-http-remote and template hosts: `http://YOUR_SERVER_IP:3010/sse` (a real corpus
 * file, claude-desktop/Adihamad__wikijs-mcp) is a template, and whoever fills it in keeps the
 * plaintext scheme: a warning (issue 15 class 5). A variable host is not reported;
 * remote-without-auth still skips template hosts. Real hosts, reserved documentation domains
 * and private names next to template-looking words are reported as before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/engine';
import { assertClean, lintRule } from './_permissionTransport';

const RULE = 'insecure-http-remote';
const DESKTOP = '/Users/a/Library/Application Support/Claude/claude_desktop_config.json';

test('template hosts are a warning whoever fills them in (issue 15 class 5); variable hosts are not reported', () => {
  const severities = (path: string, text: string) =>
    lint(text, path)
      .filter((f) => f.ruleId === RULE)
      .map((f) => `${f.server}: ${f.severity}`);
  assert.deepEqual(severities(DESKTOP, '{"mcpServers":{"wikijs":{"url":"http://YOUR_SERVER_IP:3010/sse"}}}'), ['wikijs: warning']);
  assert.deepEqual(
    severities(
      '/repo/.vscode/mcp.json',
      JSON.stringify({
        servers: {
          a: { type: 'http', url: 'http://<host>:8080/mcp' },
          b: { type: 'http', url: 'http://${HOST}/mcp' },
          c: { type: 'sse', url: 'http://your-server.com/sse' },
          d: { type: 'http', url: 'http://placeholder/mcp' },
          e: { type: 'http', url: 'http://xxx.xxx.xxx.xxx:8000/mcp' },
          f: { type: 'http', url: 'http://${input:host}:3000/mcp' },
        },
      }),
    ),
    ['a: warning', 'c: warning', 'd: warning', 'e: warning'],
  );
  const bridge = lint(
    '{"mcpServers":{"r":{"command":"npx","args":["-y","mcp-remote@0.1.29","http://your_server_ip:3010/sse","--allow-http"]}}}',
    '/repo/.cursor/mcp.json',
  ).filter((f) => f.ruleId === RULE);
  assert.equal(bridge.length, 1);
  assert.match(
    bridge[0].message,
    /^Placeholder host \(your_server_ip\) with plain http:\/\/: write https:\/\/ in the template\..*whoever fills it in keeps the unencrypted scheme/,
  );
});

test('remote-without-auth still leaves template hosts alone', () => {
  assertClean('remote-without-auth', '/repo/.mcp.json', '{"mcpServers":{"wikijs":{"type":"http","url":"http://YOUR_SERVER_IP:3010/sse"}}}');
});

test('real hosts are still reported, including reserved documentation domains', () => {
  const text = JSON.stringify({
    mcpServers: {
      pub: { type: 'http', url: 'http://mcp.example.com/mcp' },
      ip: { type: 'http', url: 'http://203.0.113.7:3010/sse' },
      lan: { type: 'http', url: 'http://192.168.1.20:3010/sse' },
      word: { type: 'http', url: 'http://hostel-bookings.net/mcp' },
    },
  });
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', text).map((f) => [f.server, f.severity]),
    [
      ['pub', 'error'],
      ['ip', 'error'],
      ['lan', 'warning'],
      ['word', 'error'],
    ],
  );
});
