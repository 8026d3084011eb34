/**
 * Extension-host side of `npm run screenshots` (scripts/vscode/screenshots.mjs): puts the
 * workbench into each state worth a README screenshot, then hands over to the outer script
 * (which holds the browser page) through marker files in $MCP_HYGIENE_SCREENSHOT_DIR:
 * `<scene>.ready` (take it now) -> `<scene>.done` (taken, go on). Writes a results file at
 * the end ($MCP_HYGIENE_TEST_RESULTS) like the test suite, so the runner knows it finished.
 *
 * It is the main file of a tiny helper extension that the script packages and installs next
 * to the packaged MCP Hygiene VSIX (no extensionDevelopmentPath, no test payload): the
 * workbench is then an ordinary window with the extension as a user installs it.
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
  // The outer script waits for the scene's widget (Problems rows, hover, quick fix menu) to show.
  fs.writeFileSync(path.join(dir, `${name}.ready`), '');
  await waitFor(`the screenshot of ${name}`, () => fs.existsSync(path.join(dir, `${name}.done`)), 60_000);
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mcp-hygiene');

const EXTENSION_ID = 'mcp-hygiene.mcp-hygiene';

/** Where the extension under test was loaded from, for the outer script to check. */
interface DriverResults {
  passed: number;
  failed: number;
  tests: never[];
  error?: string;
  extensionPath?: string;
  extensionVersion?: string;
  vscodeVersion: string;
}

export function activate(): void {
  // Not awaited: activation must finish for the workbench to carry on.
  void run();
}

export function deactivate(): void {}

async function run(): Promise<void> {
  const results = process.env.MCP_HYGIENE_TEST_RESULTS;
  if (!results) return; // Installed anywhere else: do nothing.
  const out: DriverResults = { passed: 0, failed: 1, tests: [], vscodeVersion: vscode.version };
  try {
    const extension = await waitFor('the installed MCP Hygiene extension', () => vscode.extensions.getExtension(EXTENSION_ID));
    out.extensionPath = extension.extensionPath;
    out.extensionVersion = String(extension.packageJSON?.version);
    await extension.activate();
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
    const secret = await waitFor('the secret diagnostic', () =>
      ours(uri).find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'secret-in-env'),
    );
    editor.selection = new vscode.Selection(secret.range.start.translate(0, 1), secret.range.start.translate(0, 1));
    await vscode.commands.executeCommand('editor.action.quickFix');
    await scene('quickfix');
    out.passed = 1;
    out.failed = 0;
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  }
  fs.writeFileSync(results + '.tmp', JSON.stringify(out));
  fs.renameSync(results + '.tmp', results);
}
