import { FULL_ANALYSES_KEPT } from '../../server/src/handlers/analysis';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type InitializeResult } from 'vscode-languageserver/node';
import { RULES, ruleDocsUrl } from '../../server/src/engine';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, FILE_TOO_LARGE_CODE, type DiagnosticData } from '../../server/src/common/protocol';
import { DEFAULT_TEST_RULES, withClient } from './harness';
import { MCP_JSON, MCP_URI, TOKEN, countingRule, tokenRange } from './fixtures';

function assertSecretDiagnostic(diagnostic: import('vscode-languageserver/node').Diagnostic, text: string, version: number) {
  assert.equal(diagnostic.source, DIAGNOSTIC_SOURCE);
  assert.equal(diagnostic.code, 'secret-in-env');
  assert.equal(diagnostic.codeDescription?.href, ruleDocsUrl('secret-in-env'));
  assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
  assert.deepEqual(diagnostic.range, tokenRange(text));
  assert.ok(!diagnostic.message.includes(TOKEN.slice(4)), 'the message never repeats the secret');
  const data = diagnostic.data as DiagnosticData;
  assert.equal(data.ruleId, 'secret-in-env');
  assert.equal(data.version, version);
  // Eager fixes carry their edits; deferred ones (the \${input:} fix re-parses the file) only their title.
  assert.ok(data.fixes.length > 0 && data.fixes.every((fix) => (fix.deferred ? fix.edits === undefined : (fix.edits?.length ?? 0) > 0)));
}

test('initialize: pull-capable clients get a diagnostic provider, others get push; code action kinds are declared', async () => {
  await withClient({ pull: true }, async (client) => {
    const { capabilities } = client.initializeResult as InitializeResult;
    assert.deepEqual(capabilities.diagnosticProvider, { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false });
    // resolveProvider: the pin action's registry lookup happens only in codeAction/resolve.
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: true });
  });
  await withClient({ pull: false }, async (client) => {
    const { capabilities } = client.initializeResult as InitializeResult;
    assert.equal(capabilities.diagnosticProvider, undefined);
  });
});

test('pull: a .vscode/mcp.json with a plaintext token gets one secret-in-env error with docs link and fixes', async () => {
  await withClient({ pull: true }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const items = await client.pullItems(MCP_URI);
    assert.equal(items.length, 1);
    assertSecretDiagnostic(items[0], MCP_JSON, 1);
    assert.deepEqual(client.configurationRequests, [MCP_URI], 'settings are pulled for the document (scopeUri)');
  });
});

test('push: the same diagnostic is published for version 1 when the client cannot pull', async () => {
  await withClient({ pull: false }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const diagnostics = await client.pushed(MCP_URI, 1);
    assert.equal(diagnostics.length, 1);
    assertSecretDiagnostic(diagnostics[0], MCP_JSON, 1);
  });
});

test('pull: an unchanged version answers "unchanged" without re-linting; an edit gives a full report for the new version', async () => {
  const counter = countingRule();
  await withClient({ pull: true, rules: [...DEFAULT_TEST_RULES, counter] }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const first = await client.pull(MCP_URI);
    assert.equal(first.kind, 'full');
    const resultId = first.kind === 'full' ? first.resultId : undefined;
    assert.ok(resultId);
    const second = await client.pull(MCP_URI, resultId);
    assert.deepEqual(second, { kind: 'unchanged', resultId });
    assert.equal(counter.calls, 1, 'one lint for one version');

    const moved = '// moved down one line\n' + MCP_JSON;
    const version = await client.change(MCP_URI, moved);
    const third = await client.pull(MCP_URI, resultId);
    assert.equal(third.kind, 'full');
    if (third.kind !== 'full') return;
    assert.notEqual(third.resultId, resultId);
    assert.equal(third.items.length, 1);
    assertSecretDiagnostic(third.items[0], moved, version);
    assert.equal(counter.calls, 2);
  });
});

test('pull: a document whose diagnostics the cache let go (more than FULL_ANALYSES_KEPT open) still answers "unchanged" without a lint', async () => {
  const counter = countingRule();
  await withClient({ pull: true, rules: [...DEFAULT_TEST_RULES, counter] }, async (client) => {
    const uris = Array.from({ length: FULL_ANALYSES_KEPT + 2 }, (_, i) => `file:///p${i}/.vscode/mcp.json`);
    const resultIds: string[] = [];
    for (const uri of uris) {
      await client.open(uri, MCP_JSON);
      const report = await client.pull(uri);
      assert.equal(report.kind, 'full');
      resultIds.push(report.kind === 'full' ? report.resultId! : '');
    }
    assert.equal(counter.calls, uris.length);
    // The first documents were slimmed to their resultId: VS Code's re-pull costs nothing.
    assert.deepEqual(await client.pull(uris[0], resultIds[0]), { kind: 'unchanged', resultId: resultIds[0] });
    assert.equal(counter.calls, uris.length);
    // Asked for the items themselves (no previous result), it is linted once more, same resultId.
    const full = await client.pull(uris[0]);
    assert.equal(full.kind, 'full');
    assert.equal(full.kind === 'full' && full.resultId, resultIds[0]);
    assert.equal(full.kind === 'full' && full.items.length, 1);
    assert.equal(counter.calls, uris.length + 1);
  });
});

test('push: an edit republishes for the new version; closing clears the diagnostics and the cache', async () => {
  await withClient({ pull: false }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    assert.equal((await client.pushed(MCP_URI, 1)).length, 1);
    const fixed = MCP_JSON.replace(`"${TOKEN}"`, '"${input:github-token}"');
    const version = await client.change(MCP_URI, fixed);
    assert.deepEqual(await client.pushed(MCP_URI, version), []);
    assert.ok(client.server.cache.peek(MCP_URI, version));
    await client.close(MCP_URI);
    const cleared = await client.published.wait((p) => p.uri === MCP_URI && p.version === undefined, 'the clearing publish');
    assert.deepEqual(cleared.diagnostics, []);
    assert.equal(client.server.cache.peek(MCP_URI, version), undefined, 'evicted on close');
  });
});

test('a file no dialect claims and whose content is not an MCP config gets no diagnostics', async () => {
  const uri = 'file:///p/package.json';
  const text = JSON.stringify({ name: 'demo', scripts: { token: TOKEN }, dependencies: { 'left-pad': '*' } }, null, 2);
  await withClient({ pull: true }, async (client) => {
    await client.open(uri, text, 'json');
    assert.deepEqual(await client.pullItems(uri), []);
  });
  await withClient({ pull: false }, async (client) => {
    await client.open(uri, text, 'json');
    assert.deepEqual(await client.pushed(uri, 1), []);
  });
});

test('a file with an unknown name but an mcpServers map is linted by content', async () => {
  const uri = 'file:///p/docs/example-servers.json';
  const text = `{\n  "mcpServers": {\n    "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"], "env": { "GITHUB_TOKEN": "${TOKEN}" } }\n  }\n}\n`;
  await withClient({ pull: true }, async (client) => {
    await client.open(uri, text, 'json');
    const items = await client.pullItems(uri);
    assert.deepEqual(
      items.map((d) => d.code),
      ['secret-in-env'],
    );
  });
});

test('a document larger than maxFileSize gets exactly one information diagnostic naming the setting, and is not linted', async () => {
  const counter = countingRule();
  await withClient({ pull: true, rules: [...DEFAULT_TEST_RULES, counter], settings: { maxFileSize: 100 } }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const items = await client.pullItems(MCP_URI);
    assert.equal(items.length, 1);
    assert.equal(items[0].severity, DiagnosticSeverity.Information);
    assert.equal(items[0].code, FILE_TOO_LARGE_CODE);
    assert.match(items[0].message, /skipped/);
    assert.match(items[0].message, /mcpHygiene\.maxFileSize/);
    assert.match(items[0].message, new RegExp(`${Buffer.byteLength(MCP_JSON)} bytes`));
    assert.equal(counter.calls, 0);
  });
});

test('mcpHygiene.ignoredPaths (relative to the workspace folder) silences matching files', async () => {
  await withClient({ pull: true, settings: { ignoredPaths: ['.vscode/**'] } }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    assert.deepEqual(await client.pullItems(MCP_URI), []);
  });
  await withClient({ pull: true, settings: { ignoredPaths: ['examples/**'] } }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    assert.equal((await client.pullItems(MCP_URI)).length, 1);
  });
});

test('mcpHygiene.enable = false: no diagnostics', async () => {
  await withClient({ pull: true, settings: { enable: false } }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    assert.deepEqual(await client.pullItems(MCP_URI), []);
  });
});

test('full rule registry: every diagnostic carries source, a rule-id code, its docs link, a severity and fix data', async () => {
  await withClient({ pull: true, rules: RULES }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const items = await client.pullItems(MCP_URI);
    assert.ok(items.some((d) => d.code === 'secret-in-env'));
    const ids = new Set(RULES.map((r) => r.id));
    for (const d of items) {
      assert.equal(d.source, DIAGNOSTIC_SOURCE);
      assert.ok(ids.has(String(d.code)), `code ${d.code} is a registered rule id`);
      assert.equal(d.codeDescription?.href, ruleDocsUrl(String(d.code)));
      assert.ok(d.severity && d.severity >= DiagnosticSeverity.Error && d.severity <= DiagnosticSeverity.Hint);
      assert.equal((d.data as DiagnosticData).version, 1);
      assert.ok(!d.message.includes(TOKEN.slice(4)));
    }
  });
});

test('the user-profile mcp.json (vscode-userdata: scheme) is linted as a VS Code config', async () => {
  const uri = 'vscode-userdata:/home/me/.config/Code/User/mcp.json';
  await withClient({ pull: true }, async (client) => {
    await client.open(uri, MCP_JSON);
    const items = await client.pullItems(uri);
    assert.equal(items.length, 1);
    assertSecretDiagnostic(items[0], MCP_JSON, 1);
  });
});
