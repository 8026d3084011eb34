import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, DocumentDiagnosticRequest, LSPErrorCodes, MessageType, ResponseError } from 'vscode-languageserver/node';
import { RULES } from '../../server/src/engine';
import { DEFAULT_TEST_RULES, withClient } from './harness';
import { MCP_JSON, MCP_URI, TOKEN, brokenMetaRule, throwingRule } from './fixtures';

test('a throwing rule is logged once with its id and message; the other rules still report', async () => {
  // The full registry after the throwing rule: everything else must still report.
  const expected = (await withFullRegistry()).sort();
  await withClient({ pull: true, rules: [throwingRule, ...RULES] }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const codes = (await client.pullItems(MCP_URI)).map((d) => String(d.code)).sort();
    assert.deepEqual(codes, expected);
    assert.ok(codes.includes('secret-in-env'));
    // A second version and a second document: still one log line for that rule.
    await client.change(MCP_URI, MCP_JSON + '\n');
    await client.pullItems(MCP_URI);
    await client.open('file:///p/sub/.vscode/mcp.json', MCP_JSON);
    await client.pullItems('file:///p/sub/.vscode/mcp.json');
    const errors = client.logs.all().filter((l) => l.type === MessageType.Error);
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(errors[0].message, /test-throws/);
    assert.match(errors[0].message, /boom in test rule/);
    assert.ok(!errors[0].message.includes(TOKEN.slice(4)), 'no document text in the log');
  });
});

test('a failing handler answers with an empty result and the server keeps serving', async () => {
  await withClient({ pull: true }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const [diagnostic] = await client.pullItems(MCP_URI);
    // Malformed data from a misbehaving client: the edits are not an array.
    const broken = { ...diagnostic, data: { ruleId: 'secret-in-env', version: 1, fixes: [{ title: 'x', safe: false, edits: null }] } };
    assert.deepEqual(await client.codeActions(MCP_URI, [broken]), []);
    const logged = await client.logs.wait((l) => l.type === MessageType.Error, 'the handler error log');
    assert.match(logged.message, /Computing code actions failed/);
    assert.equal((await client.pullItems(MCP_URI)).length, 1, 'still serving');
  });
});

test('a cancelled diagnostic request is answered with RequestCancelled', async () => {
  await withClient({ pull: true }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const source = new CancellationTokenSource();
    // The server needs a settings round trip first, so the cancellation arrives while it works.
    const request = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: MCP_URI } }, source.token);
    source.cancel();
    await assert.rejects(request, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    assert.equal((await client.pullItems(MCP_URI)).length, 1, 'a new request still works');
  });
});

test('requests for documents the server does not have open are answered empty', async () => {
  await withClient({ pull: true }, async (client) => {
    assert.deepEqual(await client.pullItems('file:///p/.vscode/never-opened.json'), []);
    assert.deepEqual(await client.codeActions('file:///p/.vscode/never-opened.json', []), []);
  });
});

test('an unknown URI scheme (untitled) still gets content-based detection', async () => {
  const uri = 'untitled:Untitled-1';
  const text = `{ "mcpServers": { "gh": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"], "env": { "GITHUB_TOKEN": "${TOKEN}" } } } }`;
  await withClient({ pull: true }, async (client) => {
    await client.open(uri, text, 'json');
    assert.deepEqual(
      (await client.pullItems(uri)).map((d) => d.code),
      ['secret-in-env'],
    );
  });
});

test('an engine failure outside any rule is logged once per version and the server keeps serving', async () => {
  await withClient({ pull: true, rules: [brokenMetaRule] }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    assert.deepEqual(await client.pullItems(MCP_URI), []);
    assert.deepEqual(await client.pullItems(MCP_URI), []);
    const errors = client.logs.all().filter((l) => l.type === MessageType.Error);
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(errors[0].message, /Linting file:\/\/\/p\/\.vscode\/mcp\.json failed/);
    assert.match(errors[0].message, /meta unavailable/);
  });
});

test('the runtime can inject its own logger: rule failures go there, not to the client', async () => {
  const lines: string[] = [];
  const logger = { error: (m: string) => lines.push('error ' + m), warn: (m: string) => lines.push('warn ' + m), info: (m: string) => lines.push('info ' + m) };
  await withClient({ pull: true, rules: [throwingRule, ...DEFAULT_TEST_RULES], logger }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    assert.equal((await client.pullItems(MCP_URI)).length, 1);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^error Rule "test-throws" failed/);
    assert.deepEqual(client.logs.all(), []);
  });
});

async function withFullRegistry(): Promise<string[]> {
  let codes: string[] = [];
  await withClient({ pull: true, rules: RULES }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    codes = (await client.pullItems(MCP_URI)).map((d) => String(d.code));
  });
  return codes;
}
