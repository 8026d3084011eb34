import * as vscode from 'vscode';
import { CLIENT_NAME, McpHygieneClient, RESTART_COMMAND, SCAN_MACHINE_COMMAND } from './client';
import { scanMachine } from './machineScan';
import { StatusBar } from './statusBar';
import { registerPinCommands } from './pinCommands';
import { LINT_AS_CONFIG_COMMAND, lintAsConfig } from './additionalFiles';
import { SETTINGS_SECTION } from '../../server/src/common/protocol';

let client: McpHygieneClient | undefined;

/** What `activate` returns (`vscode.extensions.getExtension(...).exports`): read-only state for tests. */
export interface McpHygieneApi {
  /** Successful language server starts so far: 1 after activation, +1 per restart. */
  serverStartCount(): number;
  /** Whether a language server is running now. */
  isServerRunning(): boolean;
  /** The status bar item's last text (tests). */
  statusText(): string;
}

/** Entry point: creates the output channel and the language client, registers the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<McpHygieneApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME);
  client = new McpHygieneClient(context, output);
  const current = client;
  const statusBar = new StatusBar(current);
  context.subscriptions.push(
    output,
    statusBar,
    vscode.commands.registerCommand(LINT_AS_CONFIG_COMMAND, (argument?: unknown) => lintAsConfig(argument)),
    // The document selector holds mcpHygiene.additionalFiles: a new one takes a new client.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.additionalFiles`)) void current.restart().catch(() => undefined);
    }),
    // "Pin … to a version…": the input box behind the server's pin quick fixes.
    registerPinCommands(),
    // Argument (tests): `{ home }` or a path, scanned instead of the real home folder.
    vscode.commands.registerCommand(SCAN_MACHINE_COMMAND, (argument?: unknown) => scanMachine(current, output, argument)),
    // Trust granted: restart so the server drops restricted mode (network, .mcp-hygiene.json).
    vscode.workspace.onDidGrantWorkspaceTrust(() => void current.restart().catch(() => undefined)),
    vscode.commands.registerCommand(RESTART_COMMAND, async () => {
      try {
        await current.restart();
      } catch {
        void vscode.window.showErrorMessage('MCP Hygiene: the language server failed to restart. See the "MCP Hygiene" output for details.');
      }
    }),
  );
  try {
    await current.start();
  } catch {
    // Logged by start(); keep the extension active so "Restart Server" can retry.
    void vscode.window.showErrorMessage('MCP Hygiene: the language server failed to start. See the "MCP Hygiene" output for details.');
  }
  return {
    serverStartCount: () => current.startCount,
    isServerRunning: () => current.languageClient?.isRunning() ?? false,
    statusText: () => statusBar.text,
  };
}

export async function deactivate(): Promise<void> {
  const current = client;
  client = undefined;
  await current?.stop();
}
