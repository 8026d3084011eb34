import type * as vscode from 'vscode';

/**
 * Trace channel that keeps the trace headers (which request, when) and drops the payload
 * lines: `Params:` / `Result:` dumps and JSON-format message bodies carry document text.
 */
export class RedactingOutputChannel implements vscode.OutputChannel {
  readonly name: string;
  constructor(private readonly target: vscode.OutputChannel) {
    this.name = target.name;
  }
  append(value: string): void {
    if (isTraceHeader(value)) this.target.append(value);
  }
  appendLine(value: string): void {
    this.target.appendLine(isTraceHeader(value) ? value : '  (payload not logged: it may contain secrets)');
  }
  replace(): void {
    // The trace channel is shared with the main log: never wipe it from here.
  }
  clear(): void {
    // See replace().
  }
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean') this.target.show(columnOrPreserveFocus);
    else this.target.show(columnOrPreserveFocus, preserveFocus);
  }
  hide(): void {
    this.target.hide();
  }
  dispose(): void {
    // Owned by the extension, disposed with its subscriptions.
  }
}

export function isTraceHeader(value: string): boolean {
  return /^\[(Trace|LSP|Info|Warn|Error)\s*-/.test(value) && !value.includes('{');
}
