import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../server/src/common/protocol';
import { configDocumentSelector } from './selectors';

/**
 * Status bar item with the active config file's MCP Hygiene errors and warnings; a click
 * opens the Problems view. Hidden when the active editor is not an MCP config file.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mcpHygiene.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'MCP Hygiene';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const isConfig = !!document && vscode.languages.match(configDocumentSelector() as vscode.DocumentSelector, document) > 0;
    const ours = document ? vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE) : [];
    // Untitled JSON matches the selector by language: only show when it is linted as a config.
    if (!document || !isConfig || (document.isUntitled && ours.length === 0)) {
      this.item.hide();
      return;
    }
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    this.item.text = `$(shield) MCP $(error) ${errors} $(warning) ${warnings}`;
    this.item.tooltip = errors + warnings === 0 ? 'MCP Hygiene: no errors or warnings in this file' : `MCP Hygiene: ${errors} error(s), ${warnings} warning(s) in this file. Click to open the Problems view.`;
    this.item.accessibilityInformation = { label: `MCP Hygiene: ${errors} errors, ${warnings} warnings` };
    this.item.show();
  }

  /** Current text, for tests. */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
