import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../server/src/common/protocol';

/** Command id of "Lint This File as an MCP Config". */
export const LINT_AS_CONFIG_COMMAND = 'mcpHygiene.lintAsConfig';

/**
 * "Lint This File as an MCP Config": adds the file to `mcpHygiene.additionalFiles`, in the
 * workspace folder's settings when it sits in one (as `./path` from the folder, so the team
 * shares it and it names that file only), else in the user settings by its absolute path.
 * The change restarts the client with the file in its document selector (extension.ts).
 */
export async function lintAsConfig(argument?: unknown): Promise<void> {
  const uri = argument instanceof vscode.Uri ? argument : vscode.window.activeTextEditor?.document.uri;
  if (!uri || uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('MCP Hygiene: only a saved file can be linted as an MCP config. Save it first, then run the command again.');
    return;
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const glob = folder ? `./${vscode.workspace.asRelativePath(uri, false)}` : uri.fsPath.replace(/\\/g, '/');
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri);
  const inspected = configuration.inspect<string[]>('additionalFiles');
  const current = (folder ? inspected?.workspaceFolderValue : inspected?.globalValue) ?? [];
  if (current.includes(glob)) return;
  await configuration.update('additionalFiles', [...current, glob], folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global);
}
