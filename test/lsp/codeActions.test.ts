import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionKind, type Diagnostic } from 'vscode-languageserver/node';
import { RULES } from '../../server/src/engine';
import { FIX_ALL_KIND, type DiagnosticData } from '../../server/src/common/protocol';
import type { Rule } from '../../server/src/core/rule';
import { DEFAULT_TEST_RULES, withClient } from './harness';
import { MCP_JSON, MCP_URI, TOKEN, actionVersion, applyAction, countingRule, tokenRange, trimCommandRule } from './fixtures';

function assertSecretMovedToInput(fixed: string) {
  assert.ok(!fixed.includes(TOKEN), 'the token is gone');
  assert.ok(fixed.includes('"GITHUB_PERSONAL_ACCESS_TOKEN": "${input:github-personal-access-token}"'));
  assert.ok(fixed.includes('// Team servers. Ask in #platform before adding one.'), 'the comment is kept');
  const inputs = JSON.parse(fixed.replace(/^\s*\/\/.*$/gm, '')).inputs;
  assert.deepEqual(
    inputs.map((i: { id: string; type: string; password: boolean }) => [i.type, i.id, i.password]),
    [['promptString', 'github-personal-access-token', true]],
  );
}

test('quick fix from the diagnostic data: preferred ${input:} fix whose edit yields the input reference, the inputs entry and keeps the comment', async () => {
  const counter = countingRule();
  await withClient({ pull: true, rules: [...DEFAULT_TEST_RULES, counter] }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const [diagnostic] = await client.pullItems(MCP_URI);
    const actions = await client.codeActions(MCP_URI, [diagnostic]);
    assert.ok(actions.length >= 1);
    assert.ok(actions.every((a) => a.kind === CodeActionKind.QuickFix));
    const [first] = actions;
    assert.equal(first.isPreferred, true);
    assert.match(first.title, /\$\{input:github-personal-access-token\}/);
    assert.deepEqual(first.diagnostics, [diagnostic]);
    assert.equal(actionVersion(first), 1, 'a versioned edit: VS Code refuses it if the document moved on');
    assertSecretMovedToInput(applyAction(MCP_JSON, first));
    assert.equal(counter.calls, 1, 'the code action used the diagnostic data, not a new lint');
  });
});

test('a stale diagnostic (older version) re-runs the engine on the current text and matches by rule id + range, not message', async () => {
  const counter = countingRule();
  await withClient({ pull: true, rules: [...DEFAULT_TEST_RULES, counter] }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const [old] = await client.pullItems(MCP_URI);
    // The user inserts a line above; VS Code moves the marker along, data still says version 1.
    const current = '// Reviewed 2025-06\n' + MCP_JSON;
    const version = await client.change(MCP_URI, current);
    const moved: Diagnostic = { ...old, range: tokenRange(current), message: 'message text is never used for matching' };
    assert.equal((moved.data as DiagnosticData).version, 1);
    const actions = await client.codeActions(MCP_URI, [moved]);
    assert.ok(actions.length >= 1);
    assert.equal(actionVersion(actions[0]), version);
    const fixed = applyAction(current, actions[0]);
    assert.ok(fixed.startsWith('// Reviewed 2025-06\n'));
    assertSecretMovedToInput(fixed);
    assert.equal(counter.calls, 2, 'exactly one re-lint for the new version');

    // Applying the old (version 1) edits to the new text would have corrupted it.
    const staleEdits = (old.data as DiagnosticData).fixes.find((fix) => fix.edits)!;
    assert.notDeepEqual(staleEdits.edits![0].range, tokenRange(current));
  });
});

test('a stale diagnostic whose finding no longer exists gets no quick fix', async () => {
  await withClient({ pull: true }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const [old] = await client.pullItems(MCP_URI);
    await client.change(MCP_URI, MCP_JSON.replace(`"${TOKEN}"`, '"${env:GITHUB_TOKEN}"'));
    assert.deepEqual(await client.codeActions(MCP_URI, [old]), []);
  });
});

test('diagnostics from other sources are ignored', async () => {
  await withClient({ pull: true }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const [diagnostic] = await client.pullItems(MCP_URI);
    assert.deepEqual(await client.codeActions(MCP_URI, [{ ...diagnostic, source: 'json' }]), []);
  });
});

test('source.fixAll.mcpHygiene applies safe fixes only, as one edit, and only when that kind is requested', async () => {
  await withClient({ pull: true, rules: [...DEFAULT_TEST_RULES, trimCommandRule] }, async (client) => {
    const text = MCP_JSON.replace('"command": "npx"', '"command": " npx  "');
    await client.open(MCP_URI, text);
    const diagnostics = await client.pullItems(MCP_URI);
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['secret-in-env', 'test-trim-command']);

    for (const only of [[FIX_ALL_KIND], ['source.fixAll'], ['source']]) {
      const actions = await client.codeActions(MCP_URI, [], only);
      assert.equal(actions.length, 1, `only=${only}`);
      assert.equal(actions[0].kind, FIX_ALL_KIND);
      const fixed = applyAction(text, actions[0]);
      assert.ok(fixed.includes('"command": "npx"'), 'the safe fix was applied');
      assert.ok(fixed.includes(TOKEN), 'the unsafe secret fix was not applied by fix-all');
      assert.ok(fixed.includes('// Team servers.'), 'comments survive');
      const change = actions[0].edit?.documentChanges?.[0];
      assert.ok(change && 'edits' in change && change.edits.length === 1, 'one minimal edit');
    }
    const quickFixesOnly = await client.codeActions(MCP_URI, diagnostics, [CodeActionKind.QuickFix]);
    assert.ok(quickFixesOnly.length > 0 && quickFixesOnly.every((a) => a.kind === CodeActionKind.QuickFix));
    const lightbulb = await client.codeActions(MCP_URI, diagnostics);
    assert.ok(
      lightbulb.every((a) => a.kind === CodeActionKind.QuickFix),
      'no source action in the lightbulb',
    );
  });
});

test('Fix All on a file whose only fix needs a choice explains itself with a disabled action, which nothing can run (not even on save)', async () => {
  await withClient({ pull: true }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const diagnostics = await client.pullItems(MCP_URI);
    assert.equal(diagnostics.length, 1, 'one problem: the secret, whose fixes all need a choice');
    // editor.action.fixAll asks for source.fixAll, the Source Action menu for source,
    // codeActionsOnSave for what the setting names: the same answer to each.
    for (const only of [[FIX_ALL_KIND], ['source.fixAll'], ['source']]) {
      const actions = await client.codeActions(MCP_URI, [], only);
      assert.equal(actions.length, 1, `only=${only}`);
      const [action] = actions;
      assert.equal(action.kind, FIX_ALL_KIND);
      assert.equal(action.title, "MCP Hygiene: 1 problem needs a choice (use each one's quick fixes)");
      assert.match(action.disabled?.reason ?? '', /^1 problem needs a choice, so Fix All has nothing to apply on its own\. Open each one's quick fixes/);
      // VS Code applies only valid (not disabled) actions on save; and there is nothing to apply or run anyway.
      assert.equal(action.edit, undefined);
      assert.equal(action.command, undefined);
    }
    assert.ok(
      (await client.codeActions(MCP_URI, diagnostics)).every((a) => a.kind === CodeActionKind.QuickFix),
      'not in the lightbulb',
    );
  });
});

test('Fix All with nothing fixable, or for a client that cannot show disabled actions, offers nothing', async () => {
  await withClient({ pull: true, disabledSupport: false }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    assert.deepEqual(await client.codeActions(MCP_URI, [], [FIX_ALL_KIND]), []);
  });
  await withClient({ pull: true }, async (client) => {
    await client.open(MCP_URI, '{\n  "servers": {\n    "local": { "command": "node", "args": ["server.js"] }\n  }\n}\n');
    assert.deepEqual(await client.pullItems(MCP_URI), []);
    assert.deepEqual(await client.codeActions(MCP_URI, [], [FIX_ALL_KIND]), []);
  });
});

test('clients without versioned documentChanges get a plain changes map', async () => {
  await withClient({ pull: false, documentChanges: false }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const [diagnostic] = await client.pushed(MCP_URI, 1);
    const [action] = await client.codeActions(MCP_URI, [diagnostic]);
    assert.ok(action.edit?.changes?.[MCP_URI]);
    assertSecretMovedToInput(applyAction(MCP_JSON, action));
  });
});

test('full rule registry: fix-all keeps the comment and the unsafe secret, and a second fix-all has nothing left to do', async () => {
  await withClient({ pull: true, rules: RULES }, async (client) => {
    await client.open(MCP_URI, MCP_JSON);
    const actions = await client.codeActions(MCP_URI, [], [FIX_ALL_KIND]);
    const fixed = actions.length ? applyAction(MCP_JSON, actions[0]) : MCP_JSON;
    assert.ok(fixed.includes(TOKEN));
    assert.ok(fixed.includes('// Team servers.'));
    await client.change(MCP_URI, fixed);
    const again = await client.codeActions(MCP_URI, [], [FIX_ALL_KIND]);
    assert.ok(
      again.every((action) => action.disabled && !action.edit && !action.command),
      'fix twice = fix once: only the explanation of what needs a choice',
    );
  });
});

test('after an edit in another server (an incremental re-lint), the secret quick fix is computed for the new text', async () => {
  // A per-server probe rule records how many servers each run saw: 1 = incremental.
  const seen: number[] = [];
  const probe: Rule = {
    id: 'per-server-probe',
    meta: { category: 'other', scope: 'server', defaultSeverity: 'hint', description: 'test', fixable: false, owasp: [], threat: 'test' },
    check: (context) => void seen.push(context.config.servers.length),
  };
  await withClient({ pull: true, rules: [...RULES, probe] }, async (client) => {
    const text = MCP_JSON.replace('"servers": {', '"servers": {\n    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] },');
    await client.open(MCP_URI, text);
    await client.pullItems(MCP_URI);
    // Typing inside "memory" (two lines added there): the github server's findings are moved over, not recomputed.
    const edited = text.replace(
      '"args": ["-y", "@modelcontextprotocol/server-memory"]',
      '"args": [\n      "-y",\n      "@modelcontextprotocol/server-memory@2025.9.25"]',
    );
    const version = await client.change(MCP_URI, edited);
    const secret = (await client.pullItems(MCP_URI)).find((d) => d.code === 'secret-in-env')!;
    assert.deepEqual(seen, [2, 1], 'the edit was re-linted incrementally');
    assert.deepEqual(secret.range, tokenRange(edited));
    assert.equal((secret.data as DiagnosticData).version, version);
    assert.ok(
      (secret.data as DiagnosticData).fixes.some((fix) => fix.deferred),
      'the ${input:} fix is deferred',
    );
    const [first] = await client.codeActions(MCP_URI, [secret]);
    assert.match(first.title, /\$\{input:github-personal-access-token\}/);
    const fixed = applyAction(edited, first);
    assertSecretMovedToInput(fixed);
    assert.ok(fixed.includes('"@modelcontextprotocol/server-memory@2025.9.25"]'), 'the rest of the edited text is kept');
  });
});
