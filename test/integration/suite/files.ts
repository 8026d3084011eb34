/** Workspace files and our diagnostics, shared by the real-VS-Code fix suites. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
// Constants only (the module imports nothing).
import { DIAGNOSTIC_SOURCE as SOURCE } from '../../../server/src/common/protocol';

export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
export const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
export const codes = (uri: vscode.Uri) => ours(uri).map(codeOf).sort();

export function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace should be open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function readDisk(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeDisk(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Closes the editors showing `uri` (saved by then, so no prompt) and deletes its top folder. */
export async function removeTestFolder(uri: vscode.Uri, folderName: string): Promise<void> {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()) {
        await vscode.window.tabGroups.close(tab).then(undefined, () => undefined);
      }
    }
  }
  await vscode.workspace.fs.delete(workspaceFile(folderName), { recursive: true }).then(undefined, () => undefined);
}

export function describe(actions: (vscode.CodeAction | vscode.Command)[] | undefined): string {
  if (!actions?.length) return 'none';
  return actions.map((a) => `"${a.title}" kind=${'kind' in a ? (a as vscode.CodeAction).kind?.value : 'command'}`).join('; ');
}
