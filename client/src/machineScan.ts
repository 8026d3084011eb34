import * as vscode from 'vscode';
import { SCAN_MACHINE_REQUEST, type ScanMachineParams, type ScanMachineResult, type SeverityCounts } from '../../server/src/common/protocol';
import type { McpHygieneClient } from './client';

/**
 * "MCP Hygiene: Scan MCP Configs on This Machine": asks the server to lint every client's
 * user-level config files (it reads them; findings land in the Problems view as pushed
 * diagnostics), then shows a summary. The optional argument (`{ home }` or a path) scans
 * another home folder (tests use a fake one). Returns the result for callers and tests.
 */
export async function scanMachine(client: McpHygieneClient, output: vscode.OutputChannel, argument?: unknown): Promise<ScanMachineResult | undefined> {
  const languageClient = client.languageClient;
  if (!languageClient) {
    void vscode.window.showErrorMessage('MCP Hygiene: the language server is not running. Run "MCP Hygiene: Restart Server" and try again.');
    return undefined;
  }
  const params: ScanMachineParams = {};
  if (typeof argument === 'string') params.home = argument;
  else if (argument && typeof argument === 'object' && typeof (argument as { home?: unknown }).home === 'string')
    params.home = (argument as { home: string }).home;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'MCP Hygiene: scanning the MCP configs on this machine…' },
    () => languageClient.sendRequest<ScanMachineResult>(SCAN_MACHINE_REQUEST, params),
  );
  if (!result) {
    void vscode.window.showErrorMessage('MCP Hygiene: the machine scan failed. See the "MCP Hygiene" output for details.');
    return undefined;
  }
  const summary = summarize(result);
  output.appendLine(`Machine scan of ${result.home} (${result.checked} known paths checked):`);
  for (const file of result.files) output.appendLine(`  ${file.client}: ${file.path} — ${counts(file.counts)}`);
  for (const file of result.unreadable) output.appendLine(`  unreadable: ${file.path} (${file.reason})`);
  output.appendLine(`  ${summary}`);
  // Not awaited: the command returns (to callers and tests) while the message is shown.
  const buttons = result.files.length > 0 ? ['Show Problems', 'Show Details'] : ['Show Details'];
  void vscode.window.showInformationMessage(`MCP Hygiene: ${summary}`, ...buttons).then(async (action) => {
    if (action === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (action === 'Show Details') output.show(true);
  });
  return result;
}

/** One line: files found, per client, per severity, unreadable files. */
export function summarize(result: ScanMachineResult): string {
  if (result.files.length === 0 && result.unreadable.length === 0) return 'no MCP config files found in the usual places for this OS.';
  const clients = Object.entries(result.perClient)
    .map(([client, c]) => `${client} ${c.error + c.warning + c.information + c.hint}`)
    .join(', ');
  const unreadable = result.unreadable.length ? `; ${result.unreadable.length} unreadable` : '';
  return `${result.files.length} config file${result.files.length === 1 ? '' : 's'} found, ${counts(result.totals)}${clients ? ` (problems per client: ${clients})` : ''}${unreadable}.`;
}

function counts(c: SeverityCounts): string {
  return `${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.information + c.hint} info/hint`;
}
