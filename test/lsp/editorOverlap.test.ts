/**
 * Issue 15 classes 9 and 10, as an editor sees them: parse errors VS Code's JSON support
 * already shows are not repeated (YAML and closed files still get them), trailing commas in a
 * strict client's file keep their finding and fix, and a file at a path no client reads is
 * recognised as an MCP config on request (the status item's question) without being linted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../server/src/engine';
import { UNCLAIMED_CONFIG_REQUEST, type UnclaimedConfigResult } from '../../server/src/common/protocol';
import { withClient } from './harness';

const CURSOR = pathToFileURL('/work/app/.cursor/mcp.json').toString();
const BROKEN = '{\n  "mcpServers": {\n    "docs": { "command": "npx", "args": ["-y", "docs-mcp@1.2.0"] }\n  \n}\n';
const TRAILING = '{\n  "mcpServers": {\n    "docs": { "command": "npx", "args": ["-y", "docs-mcp@1.2.0"] },\n  }\n}\n';

const codes = (items: Array<{ code?: string | number }>) => items.map((d) => d.code);

test('a JSON parse error is left to VS Code in json and jsonc documents, and reported in YAML', async () => {
  await withClient({ pull: true, rules: RULES }, async (client) => {
    for (const language of ['json', 'jsonc']) {
      await client.open(CURSOR, BROKEN, language);
      assert.ok(!codes(await client.pullItems(CURSOR)).includes('schema-syntax-error'), `${language}: not repeated`);
      await client.close(CURSOR);
    }
    const continueUri = pathToFileURL('/work/app/.continue/mcpServers/team.yaml').toString();
    await client.open(
      continueUri,
      'name: Team\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: docs\n    command: npx\n    args: ["-y", "docs-mcp@1.2.0"\n',
      'yaml',
    );
    assert.ok(codes(await client.pullItems(continueUri)).includes('schema-syntax-error'), 'VS Code does not validate YAML: the error is ours to report');
  });
});

test("a trailing comma in a strict-JSON client's file keeps its finding and its fix in the editor", async () => {
  await withClient({ pull: true, rules: RULES }, async (client) => {
    const claudeCode = pathToFileURL('/work/app/.mcp.json').toString();
    await client.open(claudeCode, TRAILING, 'json');
    const items = await client.pullItems(claudeCode);
    const comma = items.filter((d) => d.code === 'schema-syntax-error');
    assert.equal(comma.length, 1);
    assert.equal(comma[0].message, 'Trailing comma: remove it.', 'the first sentence; the hover says why');
    const actions = await client.codeActions(claudeCode, comma);
    assert.ok(actions.some((a) => a.title === 'Remove the trailing comma'));
  });
});

test('the server tells whether a file the client does not send is an MCP config, without linting it', async () => {
  await withClient({ pull: true, rules: RULES }, async (client) => {
    const ask = (path: string, text: string) =>
      client.connection.sendRequest<UnclaimedConfigResult>(UNCLAIMED_CONFIG_REQUEST, { uri: pathToFileURL(path).toString(), text });
    assert.deepEqual(await ask('/work/app/config/agents.json', JSON.stringify({ mcpServers: { gh: { command: 'npx', args: ['-y', 'gh-mcp'] } } })), {
      client: 'MCP config (unknown client)',
    });
    assert.deepEqual(await ask('/work/app/package.json', JSON.stringify({ name: 'app', version: '1.0.0' })), {});
    assert.deepEqual(
      await ask('/work/app/.cursor/mcp.json', JSON.stringify({ mcpServers: { gh: { command: 'npx' } } })),
      {},
      'a claimed path is linted already',
    );
    assert.deepEqual(await client.connection.sendRequest(UNCLAIMED_CONFIG_REQUEST, { uri: 42 }), {}, 'a malformed request gets an empty answer');
  });
});

test('one value gets one diagnostic: rules agreeing on a span become related information, and their fixes and suppressions stay on offer', async () => {
  await withClient({ pull: true, rules: RULES }, async (client) => {
    const uri = pathToFileURL('/work/app/.vscode/mcp.json').toString();
    const text = JSON.stringify(
      { servers: { pg: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-postgres', 'postgresql://localhost/app'] } } },
      null,
      2,
    );
    await client.open(uri, text);
    const onPackage = (await client.pullItems(uri)).filter((d) => d.range.start.line === 6);
    assert.equal(onPackage.length, 1, 'deprecated-server and unpinned-npm-package flag the same package: one diagnostic');
    const [diagnostic] = onPackage;
    assert.equal(diagnostic.code, 'deprecated-server');
    assert.deepEqual((diagnostic.data as { alsoRules?: string[] }).alsoRules, ['unpinned-npm-package']);
    assert.equal(diagnostic.relatedInformation?.length, 1);
    assert.match(diagnostic.relatedInformation![0].message, /^unpinned-npm-package \(warning\): /);
    assert.deepEqual(diagnostic.relatedInformation![0].location.range, diagnostic.range);
    const titles = (await client.codeActions(uri, [diagnostic])).map((a) => a.title);
    for (const rule of ['deprecated-server', 'unpinned-npm-package'])
      assert.ok(titles.includes(`Suppress ${rule} for this line`), `${rule} can still be suppressed: ${titles.join(' | ')}`);
    assert.ok(
      titles.some((t) => /^Pin @modelcontextprotocol\/server-postgres to a version/.test(t)),
      `the merged unpinned finding keeps its pin action: ${titles.join(' | ')}`,
    );
  });
});

test("the hover on a flagged value carries the rest of each finding's message and its rule page, never a secret", async () => {
  await withClient({ pull: true, rules: RULES }, async (client) => {
    const uri = pathToFileURL('/work/app/.vscode/mcp.json').toString();
    const token = ['ghp', 'R8x2Lq9Vw4Zt7Yp3Kc6Nb1Md5Fh0Js2Gk8Pa'].join('_');
    const text = JSON.stringify(
      { servers: { gh: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: { GITHUB_TOKEN: token } } } },
      null,
      2,
    );
    await client.open(uri, text);
    const items = await client.pullItems(uri);
    for (const diagnostic of items) {
      const hover = await client.hover(uri, diagnostic.range.start);
      const value = typeof hover?.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
      assert.ok(value.includes(`**${diagnostic.code}**`) || !/\.\s+\S/.test(String(diagnostic.message)), `${diagnostic.code}: the hover explains it`);
      assert.ok(!value.includes(token.slice(4)), 'no secret in the hover');
    }
  });
});
