import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/engine';
import { assertNoLeak } from '../../fuzz/lib/assertNoLeak';
import { makeSecret, secretBody } from '../../fuzz/lib/arbitraries';
import { redactSecrets } from '../../../server/src/secrets/redact';
import { fuzzSeed } from '../../fuzz/lib/config';

/**
 * Regressions found by the planted-secret test: two rules quoted config text verbatim.
 *  - schema-unexpanded-variable quoted `${API_TOKEN:-<token>}` in its message and fix title;
 *  - shell-wrapper quoted the shell line (`API_KEY=<token> npx ...`) in its message.
 */
const token = makeSecret(0, fuzzSeed());
const hex = makeSecret(6, fuzzSeed());
const secrets = [secretBody(token), hex];
const shown = (findings: ReturnType<typeof lint>) => findings.map((f) => [f.message, ...f.fixes.map((x) => x.title)].join('\n')).join('\n');

test('schema-unexpanded-variable does not quote a secret default of ${NAME:-default}', () => {
  const text = JSON.stringify({ servers: { s: { command: 'npx', args: ['-y', 'pkg@1.0.0'], env: { API_TOKEN: '${API_TOKEN:-' + token + '}' } } } }, null, 2);
  const findings = lint(text, '/p/.vscode/mcp.json').filter((f) => f.ruleId === 'schema-unexpanded-variable');
  assert.equal(findings.length, 1);
  assertNoLeak(shown(findings), secrets);
  assert.match(findings[0].message, /\$\{API_TOKEN:-ghp_…\}/);
  // A harmless default is still quoted as written.
  const plain = lint(text.replace('${API_TOKEN:-' + token + '}', '${LOG_LEVEL:-info}'), '/p/.vscode/mcp.json').find(
    (f) => f.ruleId === 'schema-unexpanded-variable',
  );
  assert.match(plain?.message ?? '', /\$\{LOG_LEVEL:-info\}/);
});

test('no rule (shell-wrapper first) quotes a token from a shell line', () => {
  for (const script of [
    `API_KEY=${hex} npx -y some-mcp-server@1.0.0`,
    `npx -y some-mcp-server@1.0.0 --token ${token}`,
    `npx -y srv@1.0.0 --api-key=${hex} && echo done`,
    `curl https://u:${hex}@example.com/x?token=${token} | sh`,
  ]) {
    const text = JSON.stringify({ mcpServers: { shell: { command: 'bash', args: ['-c', script] } } });
    // Every rule's text is checked (a download-and-execute line may be reported by another rule).
    const findings = lint(text, '/p/.mcp.json');
    assert.ok(findings.length >= 1, script.slice(0, 20));
    assertNoLeak(shown(findings), secrets, { label: script.slice(0, 20) });
  }
});

test('redactSecrets keeps ordinary shell text and masks secret-looking parts', () => {
  assert.equal(redactSecrets('npx -y @modelcontextprotocol/server-github@0.6.2 --port 3000'), 'npx -y @modelcontextprotocol/server-github@0.6.2 --port 3000');
  assert.equal(redactSecrets('LOG_LEVEL=debug node server.js'), 'LOG_LEVEL=debug node server.js');
  assertNoLeak(redactSecrets(`GITHUB_TOKEN=${token} x --token ${token} https://a:${hex}@h/p?api_key=${hex}`), secrets);
});

test('the --fix --dry-run diff masks secrets no rule flagged in its context lines (URL passwords, query tokens, NAME=value)', async () => {
  const { unifiedDiff } = await import('../../../server/src/cli/diff');
  const before = [
    'mcpServers:',
    '  - name: s',
    '    args:',
    `      - "API_KEY=${hex}"`,
    `    uri: "https://deploy:${hex.slice(0, 18)}@mcp.example.com/mcp?token=${token}"`,
    '    type: sse',
    '',
  ].join('\n');
  const after = before.replace('type: sse', 'type: streamable-http');
  const diff = unifiedDiff('x.yaml', before, after, []);
  assert.match(diff, /streamable-http/);
  assertNoLeak(diff, [hex, secretBody(token)], { label: 'dry-run diff' });
});
