import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, DidChangeWorkspaceFoldersNotification, MessageType } from 'vscode-languageserver/node';
import { withClient } from './harness';
import { MCP_JSON, MCP_URI, networkProbeRule } from './fixtures';

test('pull: turning a rule off refreshes diagnostics and the finding is gone', async () => {
  await withClient({ pull: true, settings: {} }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const first = await client.pull(MCP_URI);
    assert.equal(first.kind === 'full' && first.items.length, 1);
    await client.changeSettings({ rules: { 'secret-in-env': 'off' } });
    await client.refreshes.wait(() => true, 'workspace/diagnostic/refresh');
    // The client re-pulls with its last result id: settings changed, so the report is full.
    const after = await client.pull(MCP_URI, first.kind === 'full' ? first.resultId : undefined);
    assert.deepEqual(after.kind === 'full' && after.items, []);
    assert.equal(client.configurationRequests.length, 2, 'settings were pulled again after the change');
  });
});

test('push: a settings change republishes open documents', async () => {
  await withClient({ pull: false, settings: {} }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    assert.equal((await client.pushed(MCP_URI, 1)).length, 1);
    await client.changeSettings({ rules: { 'secret-in-env': 'hint' } });
    const republished = await client.published.wait(
      (p) => p.uri === MCP_URI && p.diagnostics[0]?.severity === DiagnosticSeverity.Hint,
      'republish with hint severity',
    );
    assert.equal(republished.version, 1);
    await client.changeSettings({ rules: { 'secret-in-env': 'off' } });
    await client.published.wait((p) => p.uri === MCP_URI && p.diagnostics.length === 0, 'republish without the finding');
  });
});

test('invalid settings: one warning per distinct problem, defaults for those keys, valid keys still apply', async () => {
  const settings = { maxFileSize: -5, rules: { 'secret-in-env': 'loud' }, ignoredPaths: ['examples/**'] };
  await withClient({ pull: true, settings }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const items = await client.pullItems(MCP_URI);
    // maxFileSize fell back to 5 MB and rules to {}: the file is linted at default severity.
    assert.equal(items.length, 1);
    assert.equal(items[0].severity, DiagnosticSeverity.Error);
    await client.messages.wait((m) => m.message.includes('mcpHygiene.maxFileSize'), 'the maxFileSize warning');
    await client.messages.wait((m) => m.message.includes('mcpHygiene.rules'), 'the rules warning');
    // A second document and a second settings pull: the same problems are not shown again.
    await client.open('file:///p/sub/.vscode/mcp.json', MCP_JSON);
    await client.pullItems('file:///p/sub/.vscode/mcp.json');
    assert.equal(client.configurationRequests.length, 2);
    const shown = client.messages.all();
    assert.equal(shown.length, 2, JSON.stringify(shown));
    assert.ok(shown.every((m) => m.type === MessageType.Warning));
    assert.ok(shown.every((m) => /Using the default/.test(m.message)));
    assert.equal(client.logs.all().filter((l) => l.type === MessageType.Warning).length, 2, 'and logged once each');
  });
});

test('an unknown rule id in mcpHygiene.rules is reported, not fatal', async () => {
  await withClient({ pull: true, settings: { rules: { 'no-such-rule': 'off' } } }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    assert.equal((await client.pullItems(MCP_URI)).length, 1);
    const message = await client.messages.wait((m) => m.message.includes('no-such-rule'), 'the unknown-rule warning');
    assert.equal(message.type, MessageType.Warning);
  });
});

test('settings are resource-scoped: each document pulls its own (scopeUri) and they differ per folder', async () => {
  const other = 'file:///q/.vscode/mcp.json';
  const settings = (scopeUri: string | undefined) => (scopeUri?.startsWith('file:///q/') ? { rules: { 'secret-in-env': 'warning' } } : {});
  await withClient({ pull: true, settings }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    await client.open(other, MCP_JSON);
    assert.equal((await client.pullItems(MCP_URI))[0].severity, DiagnosticSeverity.Error);
    assert.equal((await client.pullItems(other))[0].severity, DiagnosticSeverity.Warning);
    assert.deepEqual(client.configurationRequests.sort(), [MCP_URI, other].sort());
  });
});

test('clients without workspace/configuration: settings come from didChangeConfiguration', async () => {
  await withClient({ pull: false, configuration: false }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    assert.equal((await client.pushed(MCP_URI, 1)).length, 1);
    await client.changeSettings({ rules: { 'secret-in-env': 'off' } });
    await client.published.wait((p) => p.uri === MCP_URI && p.diagnostics.length === 0, 'republish with the rule off');
    assert.deepEqual(client.configurationRequests, [], 'never asked');
  });
});

test('restricted mode (workspaceTrusted: false) forces mcpHygiene.network off', async () => {
  const network = async (initializationOptions: unknown) => {
    let seen = '';
    await withClient({ pull: true, rules: [networkProbeRule], settings: { network: true }, initializationOptions }, async (client) => {
      await client.open(MCP_URI, MCP_JSON);
      seen = (await client.pullItems(MCP_URI))[0].message;
    });
    return seen;
  };
  assert.equal(await network({ workspaceTrusted: true }), 'network=true');
  assert.equal(await network(undefined), 'network=true');
  assert.equal(await network({ workspaceTrusted: false }), 'network=false');
});

test('ignoredPaths follow workspace folder changes', async () => {
  const uri = 'file:///q/.vscode/mcp.json';
  await withClient({ pull: true, settings: { ignoredPaths: ['.vscode/**'] } }, async (client) => {
    await client.open(uri, MCP_JSON);
    assert.equal((await client.pullItems(uri)).length, 1, '/q is not a workspace folder yet');
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [{ uri: 'file:///q', name: 'q' }], removed: [] } });
    await client.refreshes.wait(() => true, 'workspace/diagnostic/refresh');
    assert.deepEqual(await client.pullItems(uri), []);
  });
});
