import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, UNCLAIMED_CONFIG_REQUEST, type UnclaimedConfigParams, type UnclaimedConfigResult } from '../../server/src/common/protocol';
import type { McpHygieneClient } from './client';
import { LINT_AS_CONFIG_COMMAND } from './additionalFiles';

/** Languages a config may be written in; only their documents are ever checked for an MCP shape. */
const CONFIG_LANGUAGES = new Set(['json', 'jsonc', 'yaml', 'toml']);
/** Larger unclaimed files are not sent to the server just to find out whether they are configs. */
const MAX_UNCLAIMED_CHECK_CHARS = 1_000_000;

/**
 * Status bar item for the active editor: a linted config shows its MCP Hygiene errors and
 * warnings (a click opens the Problems view); a JSON/YAML/TOML file at a path no client reads
 * whose content is an MCP config says it is not linted (a click adds it to
 * `mcpHygiene.additionalFiles`). Hidden otherwise.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mcpHygiene.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Answers to an unclaimed-config request that arrive after a newer update are dropped. */
  private generation = 0;

  constructor(private readonly client: McpHygieneClient) {
    this.item.name = 'MCP Hygiene';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (document === vscode.window.activeTextEditor?.document) void this.update();
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) void this.update();
      }),
    );
    void this.update();
  }

  async update(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return this.item.hide();
    const matches = (selector: object[]) => vscode.languages.match(selector as vscode.DocumentSelector, document) > 0;
    const ours = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (matches(this.client.documentSelector(false))) {
      // Untitled JSON matches the selector by language: only show when it is linted as a config.
      if (document.isUntitled && ours.length === 0) return this.item.hide();
      return this.showCounts(ours);
    }
    const client = await this.unclaimedConfigClient(document);
    if (generation !== this.generation) return;
    if (!client) return this.item.hide();
    // Named like an MCP config (MCP_NAMED_GLOBS): the server lints it already.
    if (matches(this.client.documentSelector())) return this.showCounts(ours);
    this.item.text = '$(shield) MCP: not linted';
    this.item.tooltip = `This file looks like an MCP config (${client}), but no client reads it at this path, so MCP Hygiene does not lint it. Click to lint it as an MCP config (adds it to mcpHygiene.additionalFiles).`;
    this.item.command = { title: 'Lint This File as an MCP Config', command: LINT_AS_CONFIG_COMMAND, arguments: [document.uri] };
    this.item.accessibilityInformation = { label: 'MCP Hygiene: this MCP config is not linted. Activate to lint it.' };
    this.item.show();
  }

  private showCounts(ours: readonly vscode.Diagnostic[]): void {
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    this.item.text = `$(shield) MCP $(error) ${errors} $(warning) ${warnings}`;
    this.item.tooltip =
      errors + warnings === 0
        ? 'MCP Hygiene: no errors or warnings in this file'
        : `MCP Hygiene: ${errors} error(s), ${warnings} warning(s) in this file. Click to open the Problems view.`;
    this.item.command = 'workbench.actions.view.problems';
    this.item.accessibilityInformation = { label: `MCP Hygiene: ${errors} errors, ${warnings} warnings` };
    this.item.show();
  }

  /** The format the server recognises in a file on disk the client does not send it, if any. */
  private async unclaimedConfigClient(document: vscode.TextDocument): Promise<string | undefined> {
    const languageClient = this.client.languageClient;
    if (document.uri.scheme !== 'file' || !CONFIG_LANGUAGES.has(document.languageId) || !languageClient?.isRunning()) return undefined;
    const text = document.getText();
    if (text.length > MAX_UNCLAIMED_CHECK_CHARS) return undefined;
    try {
      const params: UnclaimedConfigParams = { uri: document.uri.toString(), text };
      const result = await languageClient.sendRequest<UnclaimedConfigResult>(UNCLAIMED_CONFIG_REQUEST, params);
      return result?.client;
    } catch {
      return undefined;
    }
  }

  /** Current text and whether the item is shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
