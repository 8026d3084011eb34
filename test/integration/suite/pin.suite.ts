/**
 * "Pin to the latest safe version" in a real VS Code, against a real npm registry on loopback
 * (Verdaccio, test/registry/verdaccio.ts): the user settings turn lookups on and point at it,
 * a config with `npx -y pin-demo` gets the unpinned diagnostic, VS Code's code-action
 * command resolves the lazy action (the lookup), and applying its edit pins the version.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startVerdaccio, type Verdaccio } from '../../registry/verdaccio';
import { waitFor } from './wait';

export function registerPinTests(): void {
  suite('MCP Hygiene pin fix against a loopback npm registry', () => {
    let registry: Verdaccio | undefined;
    let uri: vscode.Uri | undefined;

    suiteSetup(async function () {
      this.timeout(120_000);
      registry = await startVerdaccio();
      await registry.publish({ name: 'pin-demo', version: '1.0.0' });
      await registry.publish({ name: 'pin-demo', version: '1.3.0' });
      const config = vscode.workspace.getConfiguration('mcpHygiene');
      await config.update('npmRegistry', registry.url, vscode.ConfigurationTarget.Global);
      await config.update('network', true, vscode.ConfigurationTarget.Global);
    });

    suiteTeardown(async () => {
      const config = vscode.workspace.getConfiguration('mcpHygiene');
      await config.update('network', undefined, vscode.ConfigurationTarget.Global);
      await config.update('npmRegistry', undefined, vscode.ConfigurationTarget.Global);
      if (uri) {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      }
      await registry?.stop();
    });

    test('resolving "Pin pin-demo to the latest safe version" looks it up and the edit pins 1.3.0', async function () {
      this.timeout(120_000);
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder, 'the test workspace should be open');
      uri = vscode.Uri.joinPath(folder.uri, 'pinning', '.cursor', 'mcp.json');
      const text = '{\n  "mcpServers": {\n    "demo": { "command": "npx", "args": ["-y", "pin-demo"] }\n  }\n}\n';
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const diagnostic = await waitFor('the unpinned-npm-package diagnostic', () =>
        vscode.languages
          .getDiagnostics(uri!)
          .find((d) => d.source === 'mcp-hygiene' && (typeof d.code === 'object' ? String(d.code.value) : String(d.code)) === 'unpinned-npm-package'),
      );
      // The settings change reaches the server asynchronously: ask until the lookup action is offered.
      const action = await waitFor('the "latest safe version" pin action', async () => {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          uri,
          diagnostic.range,
          vscode.CodeActionKind.QuickFix.value,
          10,
        );
        return actions.find((a) => a.title === 'Pin pin-demo to the latest safe version' && a.edit);
      });
      assert.ok(await vscode.workspace.applyEdit(action.edit!), 'the edit applies');
      assert.equal(document.getText(), text.replace('"pin-demo"', '"pin-demo@1.3.0"'));
      await waitFor(
        'the unpinned diagnostic to go away',
        () =>
          !vscode.languages
            .getDiagnostics(uri!)
            .some((d) => d.source === 'mcp-hygiene' && String(typeof d.code === 'object' ? d.code.value : d.code) === 'unpinned-npm-package'),
      );
      await document.save();
    });

    test('"Pin … to a version…": the client command validates the typed version and the server writes it', async function () {
      this.timeout(60_000);
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder);
      const manualUri = vscode.Uri.joinPath(folder.uri, 'pinning', 'manual', '.cursor', 'mcp.json');
      const text = '{ "mcpServers": { "other": { "command": "npx", "args": ["-y", "pin-demo@latest"] } } }\n';
      await vscode.workspace.fs.writeFile(manualUri, new TextEncoder().encode(text));
      try {
        const document = await vscode.workspace.openTextDocument(manualUri);
        await vscode.window.showTextDocument(document);
        const diagnostic = await waitFor('the unpinned-npm-package diagnostic', () =>
          vscode.languages
            .getDiagnostics(manualUri)
            .find((d) => d.source === 'mcp-hygiene' && String(typeof d.code === 'object' ? d.code.value : d.code) === 'unpinned-npm-package'),
        );
        const manual = await waitFor('the "to a version…" action', async () => {
          const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
            'vscode.executeCodeActionProvider',
            manualUri,
            diagnostic.range,
            vscode.CodeActionKind.QuickFix.value,
          );
          return actions.find((a) => a.title === 'Pin pin-demo to a version…' && a.command);
        });
        const args = manual.command!.arguments ?? [];
        // The second argument answers the input box (test hook of the client command).
        const refused = await vscode.commands.executeCommand<{ applied: boolean; error?: string }>(manual.command!.command, args[0], '^1.0.0');
        assert.equal(refused?.applied, false);
        const result = await vscode.commands.executeCommand<{ applied: boolean; version?: string }>(manual.command!.command, args[0], '1.0.0');
        assert.deepEqual(result, { applied: true, version: '1.0.0' });
        await waitFor('the pinned text', () => document.getText().includes('"pin-demo@1.0.0"'));
        assert.equal(document.getText(), text.replace('"pin-demo@latest"', '"pin-demo@1.0.0"'));
        await document.save();
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await vscode.workspace.fs.delete(manualUri).then(undefined, () => undefined);
      }
    });
  });
}
