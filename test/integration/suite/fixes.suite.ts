/**
 * Fix families other than secrets and pins, in a real VS Code (issue 5: "one fix per family,
 * assert the saved file"):
 *
 * - permission: a filesystem server given `/` in a `.vscode/mcp.json`; its quick fix, asked
 *   through VS Code's own code-action command, narrows it to `${workspaceFolder}`;
 * - fix-all on save: with `editor.codeActionsOnSave: { "source.fixAll.mcpHygiene": "explicit" }`
 *   in the workspace settings, an edited Roo Code `.roo/mcp.json` (strict JSON) is saved with
 *   `workbench.action.files.save` and VS Code's save participant applies every safe fix
 *   (`alwaysAllow: ["*"]` → `[]` twice, the trailing comma removed) and nothing else.
 *
 * Each test writes its own file under the workspace and asserts the saved bytes exactly;
 * files and the setting are removed again afterwards.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
// Constants only (the module imports nothing): the kind users put in editor.codeActionsOnSave.
import { FIX_ALL_KIND, FIX_ALL_TITLE } from '../../../server/src/common/protocol';
import { WAIT_MS, waitFor } from './wait';
import { codeOf, codes, describe, ours, readDisk, removeTestFolder, workspaceFile, writeDisk } from './files';

/** A filesystem server given the whole disk, with a comment and this file's own formatting. */
const PERMISSION_JSON = `{
  // Files the agent may read: keep this comment through the fix.
  "servers": {
    "files": {
      "type": "stdio",
      "command": "npx",
      "args": [ "-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/" ]
    }
  }
}
`;

/** Roo Code's file as it is on disk before the edit: one server approving every tool. */
const ROO_BEFORE = `{
  "mcpServers": {
    "memory": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-memory"],
      "alwaysAllow": ["*"]
    }
  }
}
`;
/** What the test types after the memory entry: a second server, with a trailing comma Roo rejects. */
const ROO_TYPED = `,
    "time": {
      "command": "uvx",
      "args": ["mcp-server-time==2025.8.4"],
      "alwaysAllow": ["*"],
    }`;
/**
 * The saved file: both auto-approvals emptied, the trailing comma gone; the unpinned npm
 * package stays as it is (pinning is not a safe fix) and so does every other byte.
 */
const ROO_SAVED = `{
  "mcpServers": {
    "memory": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-memory"],
      "alwaysAllow": []
    },
    "time": {
      "command": "uvx",
      "args": ["mcp-server-time==2025.8.4"],
      "alwaysAllow": []
    }
  }
}
`;

export function registerFixTests(): void {
  suite('MCP Hygiene fixes: permission quick fix and fix-all on save', () => {
    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('permission: "Limit files to the workspace folder" replaces "/" with ${workspaceFolder}, and the saved file keeps everything else', async () => {
      const uri = workspaceFile('permission', '.vscode', 'mcp.json');
      await writeDisk(uri, PERMISSION_JSON);
      try {
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(document);
        const diagnostic = await waitFor('the broad-filesystem-access diagnostic', () => ours(uri).find((d) => codeOf(d) === 'broad-filesystem-access'));
        assert.equal(document.getText(diagnostic.range), '"/"', 'the diagnostic covers the "/" argument');

        let seen: (vscode.CodeAction | vscode.Command)[] | undefined;
        const fix = await waitFor(
          'the "Limit files to the workspace folder" quick fix',
          async () => {
            seen = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
              'vscode.executeCodeActionProvider',
              uri,
              diagnostic.range,
              vscode.CodeActionKind.QuickFix.value,
              10,
            );
            return (seen ?? []).find(
              (a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && a.title === 'Limit "files" to the workspace folder (${workspaceFolder})',
            );
          },
          WAIT_MS,
          () => `code actions seen: ${describe(seen)}`,
        );
        assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
        assert.equal(await vscode.workspace.applyEdit(fix.edit!), true, 'the edit applies');
        if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

        const expected = PERMISSION_JSON.replace('"/" ]', '"${workspaceFolder}" ]');
        assert.notEqual(expected, PERMISSION_JSON);
        assert.equal(document.getText(), expected, 'only the "/" argument changes');
        let saves = 0;
        await waitFor(
          'the fixed document on disk',
          async () => {
            saves++;
            if (document.isDirty) await document.save();
            return !document.isDirty && (await readDisk(uri)) === expected;
          },
          15_000,
          () => `${saves} save() calls; dirty=${document.isDirty}`,
        );
        assert.equal(await readDisk(uri), expected, 'the saved file: comment, spacing and key order kept, the root narrowed');
        await waitFor(
          'the broad-filesystem-access diagnostic to clear',
          () => !ours(uri).some((d) => codeOf(d) === 'broad-filesystem-access'),
          WAIT_MS,
          () => `diagnostics: ${codes(uri).join(', ') || 'none'}`,
        );
      } finally {
        await removeTestFolder(uri, 'permission');
      }
    });

    test('fix-all on save (editor.codeActionsOnSave source.fixAll.mcpHygiene): an edited Roo config is saved with every safe fix and nothing else', async function () {
      this.timeout(120_000);
      const uri = workspaceFile('fixall', '.roo', 'mcp.json');
      const editorSettings = vscode.workspace.getConfiguration('editor');
      const before = editorSettings.inspect('codeActionsOnSave')?.workspaceValue;
      await writeDisk(uri, ROO_BEFORE);
      try {
        await editorSettings.update('codeActionsOnSave', { [FIX_ALL_KIND]: 'explicit' }, vscode.ConfigurationTarget.Workspace);
        const document = await vscode.workspace.openTextDocument(uri);
        const editor = await vscode.window.showTextDocument(document);
        await waitFor(
          'the auto-approve-all-tools diagnostic on the file as opened',
          () => codes(uri).includes('auto-approve-all-tools'),
          WAIT_MS,
          () => `diagnostics: ${codes(uri).join(', ') || 'none'}`,
        );

        // The edit a user makes: a second server after "memory", pasted with a trailing comma.
        const memoryEnd = document.positionAt(ROO_BEFORE.indexOf('\n    }\n  }\n}') + '\n    }'.length);
        assert.equal(await editor.edit((builder) => builder.insert(memoryEnd, ROO_TYPED)), true, 'the typing applies');
        assert.ok(document.isDirty);
        assert.equal(document.getText(), ROO_BEFORE.replace('\n    }\n  }\n}', `\n    }${ROO_TYPED}\n  }\n}`));
        // The server has linted this version once the trailing comma is reported.
        await waitFor(
          'diagnostics for the edited text (two auto-approvals, the trailing comma, the unpinned package)',
          () => {
            const now = codes(uri);
            return (
              now.filter((c) => c === 'auto-approve-all-tools').length === 2 && now.includes('schema-syntax-error') && now.includes('unpinned-npm-package')
            );
          },
          WAIT_MS,
          () => `diagnostics: ${codes(uri).join(', ') || 'none'}`,
        );
        // VS Code's own command offers the fix-all source action for this version (not applied here).
        let seen: (vscode.CodeAction | vscode.Command)[] | undefined;
        await waitFor(
          `the ${FIX_ALL_KIND} source action`,
          async () => {
            const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
            seen = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, whole, FIX_ALL_KIND);
            return (seen ?? []).some((a) => a.title === FIX_ALL_TITLE && 'kind' in a && a.kind?.value === FIX_ALL_KIND);
          },
          WAIT_MS,
          () => `code actions seen: ${describe(seen)}`,
        );

        // An explicit save of the active editor, as Ctrl+S: the save participant runs fix-all.
        let saves = 0;
        await waitFor(
          'the saved file to hold the safe fixes',
          async () => {
            if (document.isDirty) {
              await vscode.window.showTextDocument(document);
              saves++;
              await vscode.commands.executeCommand('workbench.action.files.save');
            }
            return !document.isDirty && (await readDisk(uri)) === ROO_SAVED;
          },
          30_000,
          () =>
            `${saves} save command(s); dirty=${document.isDirty}; the document ${document.getText() === ROO_SAVED ? 'holds' : 'does not hold'} the fixed text`,
        );
        // The save command can be refused under load (the document stays dirty); a retry is fine.
        if (saves > 1) console.warn(`[mcp-hygiene test] the fix-all save needed ${saves} save commands`);
        assert.equal(await readDisk(uri), ROO_SAVED);
        assert.equal(document.getText(), ROO_SAVED);
        await waitFor(
          'only the unpinned package to be left',
          () => codes(uri).join(',') === 'unpinned-npm-package',
          WAIT_MS,
          () => `diagnostics: ${codes(uri).join(', ') || 'none'}`,
        );
      } finally {
        await editorSettings.update('codeActionsOnSave', before, vscode.ConfigurationTarget.Workspace);
        await removeTestFolder(uri, 'fixall');
      }
    });
  });
}
