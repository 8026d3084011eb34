/**
 * Issue 15 class 9 in a real VS Code: an MCP config at a path no client reads is not linted,
 * the status bar says so, and "Lint This File as an MCP Config" adds it to
 * `mcpHygiene.additionalFiles` in the folder's settings, after which its findings appear.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { McpHygieneApi } from '../../../client/src/extension';
import { WAIT_MS, sleep, waitFor } from './wait';
import { codes, ours, removeTestFolder, workspaceFile, writeDisk } from './files';

const EXTENSION_ID = 'mcp-hygiene.mcp-hygiene';
const AGENTS = `{
  "mcpServers": {
    "docs": { "command": "npx", "args": ["-y", "docs-mcp-server"] }
  }
}
`;

export function registerAdditionalFileTests(): void {
  suite('MCP Hygiene for MCP configs at paths no client reads', () => {
    test('the status bar says the file is not linted; "Lint This File as an MCP Config" remembers it and lints it', async function () {
      this.timeout(120_000);
      const api = vscode.extensions.getExtension<McpHygieneApi>(EXTENSION_ID)?.exports;
      assert.ok(api, 'activate() should return the extension API');
      const uri = workspaceFile('unclaimed', 'agents.json');
      const folder = vscode.workspace.workspaceFolders![0];
      const settings = vscode.workspace.getConfiguration('mcpHygiene', folder.uri);
      await writeDisk(uri, AGENTS);
      try {
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(document, { preview: false });
        await waitFor(
          'the status bar to say the config is not linted',
          () => api.statusText() === '$(shield) MCP: not linted',
          WAIT_MS,
          () => `status: ${api.statusText()}`,
        );
        await sleep(1_000);
        assert.deepEqual(ours(uri), [], 'not linted before the user asks');

        await vscode.commands.executeCommand('mcpHygiene.lintAsConfig', uri);
        assert.deepEqual(settings.inspect<string[]>('additionalFiles')?.workspaceFolderValue, ['./unclaimed/agents.json']);
        await waitFor(
          'the unpinned package to be reported',
          () => codes(uri).includes('unpinned-npm-package'),
          WAIT_MS,
          () => `diagnostics: ${codes(uri).join(', ') || 'none'}`,
        );
        await waitFor(
          'the status bar to show the counts',
          () => /^\$\(shield\) MCP \$\(error\) \d+ \$\(warning\) [1-9]/.test(api.statusText()),
          WAIT_MS,
          () => `status: ${api.statusText()}`,
        );
      } finally {
        await settings.update('additionalFiles', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
        await removeTestFolder(uri, 'unclaimed');
      }
    });
  });
}
