/**
 * Pin quick fixes over the protocol: the lookup happens only in codeAction/resolve (or the
 * pinVersion command), with work-done progress; network off or an untrusted workspace
 * leave only "Pin to a version…" (the client's input box); failures come back as that
 * input-box command with the error; a typed version is validated and applied.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApplyWorkspaceEditRequest,
  CodeActionResolveRequest,
  ExecuteCommandRequest,
  type ApplyWorkspaceEditParams,
  type CodeAction,
} from 'vscode-languageserver/node';
import { ruleById } from '../../server/src/rules';
import type { Rule } from '../../server/src/core/rule';
import { PIN_VERSION_COMMAND, PIN_VERSION_MANUALLY_COMMAND, type PinArguments, type PinResult } from '../../server/src/common/protocol';
import { startLoopbackRegistry, type LoopbackRegistry } from '../registry/loopbackServers';
import { freePort } from '../registry/verdaccio';
import { withClient, type TestClient } from './harness';
import { applyAction } from './fixtures';

/** Lookups see no proxy variables and no ~/.npmrc of the machine running the tests. */
const ISOLATED = { env: {}, home: '/nonexistent-home' };
const RULES: Rule[] = ['unpinned-npm-package', 'unpinned-container-image', 'unpinned-git-source', 'unpinned-python-package'].map((id) => ruleById(id)!);
const URI = 'file:///p/.vscode/mcp.json';
const TEXT = '{\n  // team servers\n  "servers": {\n    "demo": { "type": "stdio", "command": "npx", "args": ["-y", "lsp-demo"] }\n  }\n}\n';

let registry: LoopbackRegistry;
before(async () => {
  registry = await startLoopbackRegistry();
});
after(async () => {
  await registry.close();
});

async function pinActions(client: TestClient, uri = URI, text = TEXT): Promise<CodeAction[]> {
  await client.open(uri, text);
  const diagnostics = (await client.pullItems(uri)).filter((d) => typeof d.code === 'string' && d.code.startsWith('unpinned-'));
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  return (await client.codeActions(uri, diagnostics)).filter((a) => a.title.startsWith('Pin '));
}

function recordApplyEdits(client: TestClient): ApplyWorkspaceEditParams[] {
  const seen: ApplyWorkspaceEditParams[] = [];
  client.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
    seen.push(params);
    return { applied: true };
  });
  return seen;
}

test('network on: "Pin lsp-demo to the latest safe version" has no edit until resolved; resolve looks it up with progress and returns the edit', async () => {
  const settings = { network: true, npmRegistry: `${registry.url}/npm` };
  await withClient({ pull: true, rules: RULES, pin: ISOLATED, settings, codeActionResolve: true, workDoneProgress: true }, async (client) => {
    const before = registry.requests.length;
    const actions = await pinActions(client);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Pin lsp-demo to the latest safe version', 'Pin lsp-demo to a version…'],
    );
    const [latest, manual] = actions;
    assert.equal(latest.edit, undefined, 'nothing looked up yet');
    assert.equal(latest.isPreferred, true);
    assert.equal(registry.requests.length, before, 'offering the action made no request');
    assert.equal(manual.command?.command, PIN_VERSION_MANUALLY_COMMAND);
    const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, latest);
    assert.ok(resolved.edit, JSON.stringify(resolved));
    assert.equal(applyAction(TEXT, resolved, URI), TEXT.replace('"lsp-demo"', '"lsp-demo@1.5.0"'));
    assert.deepEqual(
      registry.requests.slice(before).map((r) => r.url),
      ['/npm/lsp-demo'],
    );
    await client.progress.wait((p) => p.kind === 'begin' && /lsp-demo/.test(p.title ?? ''), 'progress begin');
    await client.progress.wait((p) => p.kind === 'end', 'progress end');
  });
});

test('network off (the default): only "Pin to a version…", whose input-box command says why; no request is made', async () => {
  await withClient({ pull: true, rules: RULES, pin: ISOLATED, settings: {}, codeActionResolve: true }, async (client) => {
    const before = registry.requests.length;
    const actions = await pinActions(client);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Pin lsp-demo to a version… (type it, or turn on mcpHygiene.network to look it up)'],
    );
    const args = actions[0].command!.arguments![0] as PinArguments;
    assert.equal(args.kind, 'npm');
    assert.match(args.error ?? '', /mcpHygiene\.network/);
    assert.equal(registry.requests.length, before);
  });
});

test('untrusted workspace: no lookup action even with network on in the settings', async () => {
  const settings = { network: true, npmRegistry: `${registry.url}/npm` };
  await withClient(
    { pull: true, rules: RULES, pin: ISOLATED, settings, codeActionResolve: true, initializationOptions: { workspaceTrusted: false } },
    async (client) => {
      const actions = await pinActions(client);
      assert.deepEqual(
        actions.map((a) => a.title),
        ['Pin lsp-demo to a version… (type it: lookups are off in an untrusted workspace)'],
      );
      assert.match((actions[0].command!.arguments![0] as PinArguments).error ?? '', /lookups are off/);
    },
  );
});

test('a failed lookup (registry down) resolves to the input-box command carrying the error, and no edit', async () => {
  const port = await freePort();
  await withClient(
    { pull: true, rules: RULES, settings: { network: true, npmRegistry: `http://127.0.0.1:${port}` }, codeActionResolve: true, pin: ISOLATED },
    async (client) => {
      const [latest] = await pinActions(client);
      const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, latest);
      assert.equal(resolved.edit, undefined);
      assert.equal(resolved.command?.command, PIN_VERSION_MANUALLY_COMMAND);
      assert.match((resolved.command!.arguments![0] as PinArguments).error ?? '', /connection refused/);
    },
  );
});

test('the input box answer: mcpHygiene.pinVersion with pinTo validates it, then applies the edit; a range is refused', async () => {
  await withClient({ pull: true, rules: RULES, pin: ISOLATED, settings: {} }, async (client) => {
    const applied = recordApplyEdits(client);
    const [manual] = await pinActions(client);
    const args = manual.command!.arguments![0] as PinArguments;
    const bad = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: PIN_VERSION_COMMAND,
      arguments: [{ ...args, pinTo: '^1.0.0' }],
    })) as PinResult;
    assert.equal(bad.applied, false);
    assert.match(bad.error ?? '', /not an exact npm version/);
    assert.equal(applied.length, 0);
    const good = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: PIN_VERSION_COMMAND,
      arguments: [{ ...args, pinTo: '1.0.0' }],
    })) as PinResult;
    assert.deepEqual(good, { applied: true, version: '1.0.0' });
    assert.equal(applied.length, 1);
    assert.equal(applyAction(TEXT, { title: 'x', edit: applied[0].edit }, URI), TEXT.replace('"lsp-demo"', '"lsp-demo@1.0.0"'));
  });
});

test('clients without codeAction/resolve get the lookup as the pinVersion command, which applies the edit itself', async () => {
  const host = new URL(registry.url).host;
  const text = `{ "servers": { "img": { "command": "docker", "args": ["run", "-i", "--rm", "${host}/team/lsp:2.1"] } } }`;
  await withClient({ pull: true, rules: RULES, pin: ISOLATED, settings: { network: true } }, async (client) => {
    const applied = recordApplyEdits(client);
    const actions = await pinActions(client, URI, text);
    assert.deepEqual(
      actions.map((a) => a.title),
      [`Pin ${host}/team/lsp:2.1 to its current digest`, `Pin ${host}/team/lsp:2.1 to a digest…`],
    );
    const command = actions[0].command!;
    assert.equal(command.command, PIN_VERSION_COMMAND);
    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: command.command, arguments: command.arguments })) as PinResult;
    const digest = registry.digests.get('team/lsp:2.1')!;
    assert.deepEqual(result, { applied: true, version: digest });
    assert.equal(applyAction(text, { title: 'x', edit: applied[0].edit }, URI), text.replace(`${host}/team/lsp:2.1"`, `${host}/team/lsp:2.1@${digest}"`));
  });
});

test('git sources only get "Pin … to a commit…" (no lookup), even with network on', async () => {
  const text = '{ "servers": { "g": { "command": "npx", "args": ["-y", "github:acme/mcp#main"] } } }';
  await withClient({ pull: true, rules: RULES, pin: ISOLATED, settings: { network: true }, codeActionResolve: true }, async (client) => {
    const applied = recordApplyEdits(client);
    const actions = await pinActions(client, URI, text);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Pin github:acme/mcp#main to a commit…'],
    );
    const args = actions[0].command!.arguments![0] as PinArguments;
    assert.equal(args.kind, 'git');
    const sha = '0123456789abcdef0123456789abcdef01234567';
    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: PIN_VERSION_COMMAND,
      arguments: [{ ...args, pinTo: sha }],
    })) as PinResult;
    assert.equal(result.applied, true);
    assert.ok(applyAction(text, { title: 'x', edit: applied[0].edit }, URI).includes(`"github:acme/mcp#${sha}"`));
  });
});
