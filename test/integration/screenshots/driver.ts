/**
 * Extension-host side of `npm run screenshots` (scripts/vscode/screenshots.mjs): puts the
 * workbench into each state worth a README screenshot, then hands over to the outer script
 * (which holds the browser page) through marker files in $MCP_HYGIENE_SCREENSHOT_DIR:
 * `<scene>.ready` (take it now) -> `<scene>.done` (taken, go on). Writes the results file
 * at the end like the test suite, so the runner knows it finished.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(150);
  }
}

async function scene(name: string): Promise<void> {
  const dir = process.env.MCP_HYGIENE_SCREENSHOT_DIR;
  if (!dir) throw new Error('MCP_HYGIENE_SCREENSHOT_DIR is not set');
  await sleep(1_200); // let the workbench paint (hover fade-in, widget layout)
  fs.writeFileSync(path.join(dir, `${name}.ready`), '');
  await waitFor(`the screenshot of ${name}`, () => fs.existsSync(path.join(dir, `${name}.done`)), 60_000);
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mcp-hygiene');

export async function run(): Promise<void> {
  const results = process.env.MCP_HYGIENE_TEST_RESULTS!;
  let error: string | undefined;
  try {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, '.vscode', 'mcp.json');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await waitFor('diagnostics', () => ours(uri).length >= 3);

    // 1. Diagnostics: squiggles in the editor and the Problems view.
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(document);
    await scene('diagnostics');

    // 2. Hover on a server entry.
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const name = document.positionAt(document.getText().indexOf('"github"') + 3);
    editor.selection = new vscode.Selection(name, name);
    editor.revealRange(new vscode.Range(name, name));
    await vscode.commands.executeCommand('editor.action.showHover');
    await scene('hover');

    // 3. The quick fix menu on the plaintext token.
    await vscode.commands.executeCommand('editor.action.hideHover');
    const secret = await waitFor('the secret diagnostic', () => ours(uri).find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'secret-in-env'));
    editor.selection = new vscode.Selection(secret.range.start.translate(0, 1), secret.range.start.translate(0, 1));
    await vscode.commands.executeCommand('editor.action.quickFix');
    await scene('quickfix');
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  fs.writeFileSync(results, JSON.stringify({ passed: error ? 0 : 1, failed: error ? 1 : 0, tests: [], error }));
}
