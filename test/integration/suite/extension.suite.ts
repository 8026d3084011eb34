/**
 * The extension in a real VS Code: activation, the diagnostic on a plaintext token in
 * `.vscode/mcp.json`, the quick fix through VS Code's own code-action command, saving, the
 * restart command, and the document selector's reach.
 *
 * The workspace is a temp copy of test/integration/fixtures/workspace whose `{{GITHUB_TOKEN}}`
 * placeholders were replaced by random token-shaped values (test/integration/prepare.mjs).
 * Tests never print a token: assertion messages show only its shape.
 */
import * as assert from 'node:assert/strict';
import { parse, type ParseError } from 'jsonc-parser';
import * as vscode from 'vscode';
import type { McpHygieneApi } from '../../../client/src/extension';
import { WAIT_MS, sleep, waitFor } from './wait';

const EXTENSION_ID = 'mcp-hygiene.mcp-hygiene';
const SOURCE = 'mcp-hygiene';
const SECRET_RULE = 'secret-in-env';
const TOKEN_SHAPE = /\bghp_[A-Za-z0-9]{36}\b/;
const COMMENT = "// GitHub's MCP server for this repository: keep this comment through the fix.";
/** Generous: a cold extension host on a 2-core machine starts the server in a few seconds. */

function randomAlphanumerics(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Titles, kinds and shapes of code actions, for failure messages (titles never hold secrets). */
function describeActions(actions: (vscode.CodeAction | vscode.Command)[]): string {
  if (actions.length === 0) return 'none';
  return actions
    .map((a) =>
      'kind' in a || 'edit' in a || 'diagnostics' in a
        ? `"${a.title}" kind=${(a as vscode.CodeAction).kind?.value} edit=${(a as vscode.CodeAction).edit ? 'yes' : 'no'} diagnostics=${((a as vscode.CodeAction).diagnostics ?? []).map(codeOf).join(',')}`
        : `command "${a.title}"`,
    )
    .join('; ');
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function secretDiagnostic(uri: vscode.Uri): Promise<vscode.Diagnostic> {
  return waitFor(`a "${SECRET_RULE}" diagnostic from ${SOURCE} on ${vscode.workspace.asRelativePath(uri)}`, () =>
    ours(uri).find((d) => codeOf(d) === SECRET_RULE),
  );
}

function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace should be open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

async function readDisk(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

function newTexts(edit: vscode.WorkspaceEdit): string {
  return edit
    .entries()
    .flatMap(([, edits]) => edits.map((e) => e.newText))
    .join('\n');
}

export function registerTests(): void {
  suite('MCP Hygiene in a real VS Code', () => {
    const mcpJson = () => workspaceFile('.vscode', 'mcp.json');
    let original = '';

    suiteSetup(async () => {
      original = await readDisk(mcpJson());
      assert.match(original, TOKEN_SHAPE, 'the prepared workspace should hold a token-shaped value');
      assert.ok(original.includes(COMMENT), 'the prepared workspace should hold the comment line');
      const document = await vscode.workspace.openTextDocument(mcpJson());
      await vscode.window.showTextDocument(document);
    });

    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('activates for .vscode/mcp.json and registers its commands', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} should be installed (extensionDevelopmentPath)`);
      await waitFor('the extension to activate', () => extension.isActive);
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('mcpHygiene.restartServer'), 'mcpHygiene.restartServer should be registered');
    });

    test('reports the plaintext token as secret-in-env without echoing it', async () => {
      const document = await vscode.workspace.openTextDocument(mcpJson());
      const diagnostic = await secretDiagnostic(mcpJson());
      const flagged = document.getText(diagnostic.range);
      assert.match(flagged, TOKEN_SHAPE, 'the diagnostic range should cover the token');
      const token = TOKEN_SHAPE.exec(flagged)?.[0] ?? '';
      assert.ok(token && !diagnostic.message.includes(token), 'the message must not contain the token');
      assert.ok(
        diagnostic.severity === vscode.DiagnosticSeverity.Error || diagnostic.severity === vscode.DiagnosticSeverity.Warning,
        'a plaintext token is an error or a warning',
      );
    });

    test('does not lint a JSON file no client reads (until the user asks)', async () => {
      const other = workspaceFile('server-template.json');
      const document = await vscode.workspace.openTextDocument(other);
      await vscode.window.showTextDocument(document, { preview: false, preserveFocus: true });
      // By now the server has answered for mcp.json; give it the same chance here.
      await secretDiagnostic(mcpJson());
      await sleep(1_500);
      assert.deepEqual(ours(other).map(codeOf), [], 'a JSON file outside the config globs should get no mcp-hygiene diagnostics');
    });

    test('"MCP Hygiene: Restart Server" restarts the server and diagnostics come back', async () => {
      const api = vscode.extensions.getExtension<McpHygieneApi>(EXTENSION_ID)?.exports;
      assert.ok(api, 'activate() should return the extension API');
      const before = api.serverStartCount();
      await vscode.commands.executeCommand('mcpHygiene.restartServer');
      assert.equal(api.serverStartCount(), before + 1, 'one restart, one new server');
      assert.equal(api.isServerRunning(), true);
      await secretDiagnostic(mcpJson());
      // Twice at once (e.g. a double click): serialized, two clean restarts, one server running.
      await Promise.all([vscode.commands.executeCommand('mcpHygiene.restartServer'), vscode.commands.executeCommand('mcpHygiene.restartServer')]);
      assert.equal(api.serverStartCount(), before + 3);
      assert.equal(api.isServerRunning(), true);
      const diagnostic = await secretDiagnostic(mcpJson());
      assert.equal(codeOf(diagnostic), SECRET_RULE);
    });

    test('follows mcpHygiene settings: turning the rule off clears the diagnostic, removing that brings it back', async () => {
      const settings = vscode.workspace.getConfiguration('mcpHygiene');
      await settings.update('rules', { [SECRET_RULE]: 'off' }, vscode.ConfigurationTarget.Workspace);
      try {
        await waitFor(`the ${SECRET_RULE} diagnostic to clear once the rule is off`, () => !ours(mcpJson()).some((d) => codeOf(d) === SECRET_RULE));
      } finally {
        await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await secretDiagnostic(mcpJson());
    });

    test('quick fix moves the token to a password input, keeps the comment, and saves', async () => {
      const uri = mcpJson();
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const diagnostic = await secretDiagnostic(uri);

      let seen = 'nothing';
      const actions = await waitFor(
        'quick fixes for the secret',
        async () => {
          const found = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
            'vscode.executeCodeActionProvider',
            uri,
            diagnostic.range,
            vscode.CodeActionKind.QuickFix.value,
            10, // resolve lazily computed edits too
          );
          seen = describeActions(found ?? []);
          // The API command does not carry `diagnostics` back across the renderer boundary,
          // so a fix is recognised by kind and edit (asking at the diagnostic's range).
          const fixes = (found ?? []).filter(
            (a): a is vscode.CodeAction =>
              'edit' in a &&
              a.edit !== undefined &&
              a.kind?.value === vscode.CodeActionKind.QuickFix.value &&
              (!a.diagnostics?.length || a.diagnostics.some((d) => codeOf(d) === SECRET_RULE)),
          );
          return fixes.length ? fixes : undefined;
        },
        WAIT_MS,
        () => `code actions seen: ${seen}`,
      );
      const fix = actions.find((a) => newTexts(a.edit!).includes('${input:'));
      assert.ok(fix, `a fix writing \${input:...} should be offered; got: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(!TOKEN_SHAPE.test(fix.title), 'the fix title must not contain the token');

      assert.equal(await vscode.workspace.applyEdit(fix.edit!), true, 'the edit should apply');
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      assert.ok(document.getText().includes('${input:'), 'the edit should be in the document');
      // save() answers false when the workbench could not save right then (seen once in
      // ~10 runs under heavy load); what matters is the file on disk, so retry until it is.
      let saves = 0;
      await waitFor(
        'the fixed document to be saved to disk',
        async () => {
          saves++;
          if (document.isDirty) await document.save();
          return !document.isDirty && (await readDisk(uri)).includes('${input:');
        },
        15_000,
        () => `${saves} save() calls; dirty=${document.isDirty}, closed=${document.isClosed}, version=${document.version}`,
      );
      if (saves > 1) console.warn(`[mcp-hygiene test] the fixed document needed ${saves} save() calls`);

      const saved = await readDisk(uri);
      assert.ok(saved.includes('${input:'), 'the saved file should reference an input');
      assert.doesNotMatch(saved, TOKEN_SHAPE, 'the token should be gone from the saved file');
      assert.ok(saved.includes(COMMENT), 'the comment line should survive the fix');

      const errors: ParseError[] = [];
      const config = parse(saved, errors, { allowTrailingComma: true }) as {
        inputs?: { id?: string; type?: string; password?: boolean }[];
        servers?: Record<string, { env?: Record<string, string> }>;
      };
      assert.deepEqual(errors, [], 'the fixed file should still parse');
      const reference = /\$\{input:([^}]+)\}/.exec(config.servers?.github?.env?.GITHUB_PERSONAL_ACCESS_TOKEN ?? '');
      assert.ok(reference, 'the env value should now be an ${input:...} reference');
      const input = config.inputs?.find((i) => i.id === reference[1]);
      assert.ok(input, `an inputs entry with id "${reference[1]}" should exist`);
      assert.equal(input.password, true, 'the input should be a password prompt');
      assert.equal(input.type, 'promptString');

      await waitFor('the secret-in-env diagnostic to clear after the fix', () => !ours(uri).some((d) => codeOf(d) === SECRET_RULE));
    });

    test('lints an untitled JSON editor that looks like an MCP config (content detection)', async () => {
      const token = ['gh', 'p_'].join('') + randomAlphanumerics(36);
      const document = await vscode.workspace.openTextDocument({
        language: 'jsonc',
        content: JSON.stringify(
          {
            mcpServers: {
              github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'], env: { GITHUB_PERSONAL_ACCESS_TOKEN: token } },
            },
          },
          null,
          2,
        ),
      });
      await vscode.window.showTextDocument(document);
      try {
        const diagnostic = await secretDiagnostic(document.uri);
        assert.ok(!diagnostic.message.includes(token), 'the message must not contain the token');
      } finally {
        // Untitled and dirty: revert before closing so no save prompt can block the run
        // (and only when it is the active editor: the command acts on whatever is).
        await vscode.window.showTextDocument(document);
        if (vscode.window.activeTextEditor?.document === document) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    });
  });
}
