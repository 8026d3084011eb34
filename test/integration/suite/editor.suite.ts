/**
 * The editor experience in a real VS Code: workspace diagnostics for a file that was never
 * opened, the hover on a server entry, the "Suppress ... for this line" quick fix, and the
 * machine-wide scan command over a fake home folder (passed as the command argument: the
 * extension host runs as this machine's user, so the real home is never touched).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './wait';

const SOURCE = 'mcp-hygiene';

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);

function folder(): string {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'the test workspace should be open');
  return first.uri.fsPath;
}

function write(file: string, text: string): vscode.Uri {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

const UNPINNED = `{
  // Servers for the editor-experience tests.
  "servers": {
    "memory": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-memory"],
      "sandboxEnabled": true
    }
  }
}
`;

export function registerEditorTests(): void {
  suite('MCP Hygiene editor experience', () => {
    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('a config file in the workspace that is never opened gets diagnostics from the start-up scan', async () => {
      // closed/.cursor/mcp.json is part of the fixture workspace and no test opens it. (The
      // file-watcher path for files created later is covered by the LSP tests: VS Code's
      // watcher restarts itself under load in code-server here and drops events.)
      const uri = vscode.Uri.file(path.join(folder(), 'closed', '.cursor', 'mcp.json'));
      const diagnostic = await waitFor('an unpinned-npm-package diagnostic on the closed file', () =>
        ours(uri).find((d) => codeOf(d) === 'unpinned-npm-package'),
      );
      assert.match(diagnostic.message, /server-memory/);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file was never opened');
    });

    test('hover on a server name shows launcher, package and pin state', async () => {
      const uri = write(path.join(folder(), 'hover', '.vscode', 'mcp.json'), UNPINNED);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      await waitFor('diagnostics for the hover file', () => ours(uri).length > 0);
      const position = document.positionAt(document.getText().indexOf('"memory"') + 2);
      const text = await waitFor('a hover from mcp-hygiene', async () => {
        const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
        const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
        return all.includes('MCP server') ? all : undefined;
      });
      assert.match(text, /MCP server `memory`/);
      assert.match(text, /launcher:\*\* `npx`/);
      assert.match(text, /@modelcontextprotocol\/server-memory/);
      assert.match(text, /not pinned/);
      assert.match(text, /Auto-approval/);
    });

    test('"Suppress <rule> for this line" inserts the comment with the indentation and the finding goes', async () => {
      const uri = write(path.join(folder(), 'suppress', '.vscode', 'mcp.json'), UNPINNED);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const diagnostic = await waitFor('the unpinned-npm-package diagnostic', () => ours(uri).find((d) => codeOf(d) === 'unpinned-npm-package'));
      const action = await waitFor('the suppress quick fix', async () => {
        const actions =
          (await vscode.commands.executeCommand<vscode.CodeAction[]>(
            'vscode.executeCodeActionProvider',
            uri,
            diagnostic.range,
            vscode.CodeActionKind.QuickFix.value,
          )) ?? [];
        return actions.find((a) => a.title === 'Suppress unpinned-npm-package for this line');
      });
      assert.ok(action.edit);
      assert.equal(await vscode.workspace.applyEdit(action.edit), true);
      const line = document.lineAt(diagnostic.range.start.line).text;
      assert.equal(line, '      // mcp-hygiene-disable-next-line unpinned-npm-package -- ');
      await waitFor('the finding to go and the missing-reason hint to appear', () => {
        const codes = ours(uri).map(codeOf);
        return !codes.includes('unpinned-npm-package') && codes.includes('suppression-without-reason');
      });
      // Give a reason: the hint goes too.
      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((b) => b.insert(document.lineAt(diagnostic.range.start.line).range.end, 'vendored copy'));
      await waitFor('no diagnostics once the reason is written', () => ours(uri).length === 0);
      await document.save();
    });

    test('"Scan MCP Configs on This Machine" lints a fake home: files per client, findings in the Problems view', async () => {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-hygiene-home-'));
      const cursor = write(
        path.join(home, '.cursor', 'mcp.json'),
        `{ "mcpServers": { "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] } } }\n`,
      );
      const codex = write(path.join(home, '.codex', 'config.toml'), '[mcp_servers.fetch]\ncommand = "uvx"\nargs = ["mcp-server-fetch"]\n');
      write(path.join(home, '.gemini', 'settings.json'), '{ "mcpServers": {} }\n');
      try {
        const result = await vscode.commands.executeCommand<{
          files: Array<{ client: string; path: string }>;
          totals: { warning: number };
          unreadable: unknown[];
        }>('mcpHygiene.scanMachine', { home });
        assert.ok(result, 'the command returns its result');
        assert.deepEqual(result.files.map((f) => f.client).sort(), ['Codex', 'Cursor', 'Gemini CLI']);
        assert.deepEqual(result.unreadable, []);
        assert.ok(result.totals.warning >= 2);
        await waitFor('Problems-view diagnostics for the Cursor file', () => ours(cursor).some((d) => codeOf(d) === 'unpinned-npm-package'));
        await waitFor('Problems-view diagnostics for the Codex file', () => ours(codex).some((d) => codeOf(d) === 'unpinned-python-package'));
      } finally {
        fs.rmSync(home, { recursive: true, force: true });
      }
    });
  });
}
