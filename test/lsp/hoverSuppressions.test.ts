import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type CodeAction } from 'vscode-languageserver/node';
import { withClient } from './harness';
import { MCP_JSON, MCP_URI, TOKEN, applyAction } from './fixtures';
import { ruleById } from '../../server/src/rules';
import type { Rule } from '../../server/src/core/rule';

const RULES: Rule[] = [
  'secret-in-env',
  'unpinned-npm-package',
  'unused-suppression',
  'suppression-without-reason',
  'known-vulnerable-version',
  'deprecated-server',
].map((id) => ruleById(id)!);

const RICH = `{
  "servers": {
    "github": {
      "type": "stdio",
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${TOKEN}", "GITHUB_HOST": "\${env:GH_HOST}" },
      "autoApprove": ["get_issue", "list_issues"]
    },
    "files": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/home/me/projects"]
    },
    "remote": { "type": "http", "url": "https://mcp.example.com/mcp?key=${TOKEN}", "headers": { "Authorization": "Bearer ${TOKEN}" } }
  }
}
`;

function positionOf(text: string, needle: string, delta = 1) {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** No substring of the token longer than its 4-character prefix appears. */
function assertNoSecret(text: string): void {
  for (let i = 0; i + 5 <= TOKEN.length; i++) assert.ok(!text.includes(TOKEN.slice(i, i + 5)), `hover leaks "${TOKEN.slice(i, i + 5)}"`);
}

test('hover on a server name: launcher, package and pin state, env NAMES only, auto-approval; no secret substring', async () => {
  await withClient({ pull: true, rules: RULES, settings: {} }, async (client) => {
    await client.open(MCP_URI, RICH);
    const hover = await client.hover(MCP_URI, positionOf(RICH, '"github"'));
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /MCP server `github`/);
    assert.match(text, /launcher:\*\* `npx`/);
    assert.match(text, /`@modelcontextprotocol\/server-github` 0\.6\.2 — pinned/);
    assert.match(text, /GITHUB_PERSONAL_ACCESS_TOKEN/);
    assert.match(text, /GITHUB_HOST/);
    assert.match(text, /values not shown/);
    assert.match(text, /2 tools without asking: `get_issue`, `list_issues`/);
    assert.match(text, /Deprecated/, 'server-github is archived');
    assertNoSecret(text);
    assert.deepEqual(hover.range?.start, positionOf(RICH, '"github"', 0));
  });
});

test('hover inside an entry: filesystem roots, unpinned package; remote: transport and host only, header names only', async () => {
  await withClient({ pull: true, rules: RULES, settings: {} }, async (client) => {
    await client.open(MCP_URI, RICH);
    const files = await client.hover(MCP_URI, positionOf(RICH, '/home/me/projects'));
    const filesText = (files!.contents as { value: string }).value;
    assert.match(filesText, /MCP server `files`/);
    assert.match(filesText, /\*\*not pinned\*\*/);
    assert.match(filesText, /files under `\/home\/me\/projects`/);
    assert.match(filesText, /Auto-approval:\*\* none/);
    const remote = await client.hover(MCP_URI, positionOf(RICH, 'Bearer'));
    const remoteText = (remote!.contents as { value: string }).value;
    assert.match(remoteText, /Transport:\*\* http · \*\*host:\*\* `mcp\.example\.com`/);
    assert.match(remoteText, /Headers:\*\* `Authorization` \(values not shown\)/);
    assertNoSecret(remoteText);
    assert.equal(await client.hover(MCP_URI, { line: 0, character: 0 }), null, 'outside any server: no hover');
    const lints = client.server.cache.lintCount;
    await client.hover(MCP_URI, positionOf(RICH, '"files"'));
    assert.equal(client.server.cache.lintCount, lints, 'hover reuses the cached analysis');
  });
});

const SUP_RULES: Rule[] = ['secret-in-env', 'unpinned-npm-package', 'unused-suppression', 'suppression-without-reason'].map((id) => ruleById(id)!);
const SUPPRESSED = (comment: string) => MCP_JSON.replace('      "env":', `      ${comment}\n      "env":`);

test('suppressions over LSP: used with a reason (silent), without a reason (hint), unused (information)', async () => {
  await withClient({ pull: true, rules: SUP_RULES, settings: {} }, async (client) => {
    await client.open(MCP_URI, SUPPRESSED('// mcp-hygiene-disable-next-line secret-in-env -- revoked test token'));
    assert.deepEqual(await client.pullItems(MCP_URI), []);
    await client.change(MCP_URI, SUPPRESSED('// mcp-hygiene-disable-next-line secret-in-env'));
    const hint = await client.pullItems(MCP_URI);
    assert.deepEqual(
      hint.map((d) => [d.code, d.severity]),
      [['suppression-without-reason', DiagnosticSeverity.Hint]],
    );
    await client.change(MCP_URI, SUPPRESSED('// mcp-hygiene-disable-next-line unpinned-npm-package -- vendored'));
    const unused = await client.pullItems(MCP_URI);
    assert.deepEqual(unused.map((d) => d.code).sort(), ['secret-in-env', 'unused-suppression']);
    assert.equal(unused.find((d) => d.code === 'unused-suppression')!.severity, DiagnosticSeverity.Information);
    const actions = await client.codeActions(
      MCP_URI,
      unused.filter((d) => d.code === 'unused-suppression'),
    );
    const remove = actions.find((a) => a.title === 'Remove the unused suppression')!;
    assert.equal(applyAction(client.text(MCP_URI), remove), MCP_JSON);
  });
});

test('"Suppress <rule> for this line / file" quick fixes insert the comment with the indentation, and the finding goes', async () => {
  await withClient({ pull: true, rules: SUP_RULES, settings: {} }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const items = await client.pullItems(MCP_URI);
    const actions = await client.codeActions(MCP_URI, items);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Suppress secret-in-env for this line'), titles.join());
    assert.ok(titles.includes('Suppress secret-in-env for this file'));
    const line = applyAction(
      MCP_JSON,
      actions.find((a) => a.title === 'Suppress secret-in-env for this line')!,
    );
    assert.equal(line, SUPPRESSED('// mcp-hygiene-disable-next-line secret-in-env -- '));
    await client.change(MCP_URI, line);
    assert.deepEqual(
      (await client.pullItems(MCP_URI)).map((d) => d.code),
      ['suppression-without-reason'],
    );
    const file = applyAction(
      MCP_JSON,
      actions.find((a) => a.title === 'Suppress secret-in-env for this file')!,
    );
    assert.ok(file.startsWith('// mcp-hygiene-disable secret-in-env -- \n{'));
  });
});

test('strict-JSON files: the suppression goes to .mcp-hygiene.json (created, or appended to), never in an untrusted workspace', async () => {
  const root = mkdtempSync(join(tmpdir(), 'mcp-hygiene-sup-'));
  const uri = pathToFileURL(join(root, 'claude_desktop_config.json')).toString();
  const text = `{\n  "mcpServers": {\n    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] }\n  }\n}\n`;
  const configUri = pathToFileURL(join(root, '.mcp-hygiene.json')).toString();
  try {
    await withClient({ pull: true, rules: SUP_RULES, settings: {}, workspaceFolder: pathToFileURL(root).toString() }, async (client) => {
      await client.open(uri, text);
      const items = await client.pullItems(uri);
      const actions = await client.codeActions(uri, items);
      assert.ok(!actions.some((a) => a.title.includes('for this line')), 'no comment in strict JSON');
      const create = actions.find((a) => a.title === 'Suppress unpinned-npm-package for "memory" in .mcp-hygiene.json') as CodeAction;
      assert.ok(create, actions.map((a) => a.title).join());
      const changes = create.edit!.documentChanges!;
      assert.deepEqual(changes[0], { kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
      const written = (changes[1] as { edits: Array<{ newText: string }> }).edits[0].newText;
      assert.deepEqual(JSON.parse(written), {
        suppressions: [{ file: 'claude_desktop_config.json', rule: 'unpinned-npm-package', server: 'memory', reason: '' }],
      });
      // With the file on disk (reason filled in): the finding goes, and the next action appends.
      writeFileSync(
        join(root, '.mcp-hygiene.json'),
        '{\n  // team exceptions\n  "suppressions": [{ "file": "claude_desktop_config.json", "rule": "secret-in-env", "reason": "x" }]\n}\n',
      );
      const append = (await client.codeActions(uri, items)).find((a) => a.title.includes('.mcp-hygiene.json'))!;
      const edit = (append.edit!.documentChanges![0] as { edits: Array<{ newText: string }> }).edits;
      assert.equal(edit.length, 1);
      assert.match(edit[0].newText, /"rule": "unpinned-npm-package"/);
    });
    await withClient(
      { pull: true, rules: SUP_RULES, settings: {}, workspaceFolder: pathToFileURL(root).toString(), initializationOptions: { workspaceTrusted: false } },
      async (client) => {
        await client.open(uri, text);
        const items = await client.pullItems(uri);
        assert.ok(items.length > 0);
        const actions = await client.codeActions(uri, items);
        assert.ok(!actions.some((a) => a.title.includes('.mcp-hygiene.json')), 'nothing that writes another file in an untrusted workspace');
      },
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
