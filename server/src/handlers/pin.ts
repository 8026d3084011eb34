import {
  CodeActionKind,
  MessageType,
  ShowMessageNotification,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, PIN_VERSION_COMMAND, PIN_VERSION_MANUALLY_COMMAND, type PinArguments, type PinResult } from '../common/protocol';
import { pinVersionProblem, type PinTarget } from '../launch/pinnable';
import type { AdvisorySource } from '../registry';
import type { Finding } from '../core/types';
import { pinTargetOf, ruleById } from '../engine';
import type { AnalysisCache, DocumentAnalysis } from './analysis';
import { matchFinding, workspaceEdit } from './codeActions';
import { containingFolder } from './workspaceFacts';
import { describeError, type Logger } from './runSafe';

/**
 * "Pin to the latest safe version" (registry lookup, only on request: code action resolve or
 * the pinVersion command, only with mcpHygiene.network on in a trusted workspace) and
 * "Pin to a version…" (the client asks in an input box; always offered, and the fallback
 * whenever a lookup is off or fails).
 */

export interface PinSupportOptions {
  connection: Connection;
  cache: AnalysisCache;
  documents: { get(uri: string): TextDocument | undefined };
  logger: Logger;
  untrusted: () => boolean;
  workspaceFolders: () => readonly string[];
  /** The client resolves code actions lazily (codeAction/resolve with `edit`). */
  resolveSupport: () => boolean;
  progressSupport: () => boolean;
  documentChanges: () => boolean;
  /** Test/embedding hooks: advisory list and environment for the lookups. */
  advisories?: AdvisorySource;
  env?: Record<string, string | undefined>;
  /** Home folder for `~/.npmrc` (tests). */
  home?: string;
}

/**
 * Where the version comes from when no lookup is offered: the user types it. Said in the
 * title, so the quick-fix list does not suggest the tool knows a version it never looked up.
 */
function manualHint(noLookupReason: string | undefined, untrusted: boolean): string {
  if (!noLookupReason) return '';
  return untrusted ? ' (type it: lookups are off in an untrusted workspace)' : ' (type it, or turn on mcpHygiene.network to look it up)';
}

export class PinSupport {
  constructor(private readonly options: PinSupportOptions) {}

  /** The pin actions for one diagnostic (no network here: the lookup waits for resolve). */
  /** `ruleId`: the diagnostic's own rule or one merged into it (DiagnosticData.alsoRules). */
  async actionsFor(document: TextDocument, diagnostic: Diagnostic, ruleId: string): Promise<CodeAction[]> {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !ruleById(ruleId)?.meta.pins) return [];
    const entry = await this.options.cache.get(document);
    const found = targetFor(entry, ruleId, diagnostic.range);
    if (!found) return [];
    const { target, finding } = found;
    const args: PinArguments = {
      uri: document.uri,
      version: entry.version,
      ruleId,
      range: finding.range,
      kind: target.kind,
      name: target.name,
      ...(target.tag ? { tag: target.tag } : {}),
    };
    const actions: CodeAction[] = [];
    const lookups = this.lookupsAllowed(entry);
    if (lookups === true && target.kind !== 'git') {
      const title = target.kind === 'Docker' ? `Pin ${target.name}:${target.tag} to its current digest` : `Pin ${target.name} to the latest safe version`;
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        data: { pin: args },
        // Without resolve support the command does the lookup and applies the edit itself.
        ...(this.options.resolveSupport() ? {} : { command: { title, command: PIN_VERSION_COMMAND, arguments: [args] } }),
      });
    }
    const reason = target.kind === 'git' || lookups === true ? undefined : lookups;
    const manualTitle =
      (target.kind === 'git'
        ? `Pin ${shortName(target.name)} to a commit…`
        : target.kind === 'Docker'
          ? `Pin ${target.name}:${target.tag} to a digest…`
          : `Pin ${target.name} to a version…`) + manualHint(reason, this.options.untrusted());
    actions.push({
      title: manualTitle,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: manualTitle, command: PIN_VERSION_MANUALLY_COMMAND, arguments: [{ ...args, ...(reason ? { error: reason } : {}) }] },
    });
    return actions;
  }

  /** codeAction/resolve: does the lookup (with progress), returns the action with its edit, or with the input-box command and the error. */
  async resolve(action: CodeAction, token: CancellationToken): Promise<CodeAction> {
    const args = (action.data as { pin?: PinArguments } | undefined)?.pin;
    if (!args) return action;
    const outcome = await this.lookupEdit(args, token);
    if ('edit' in outcome) return { ...action, edit: outcome.edit };
    const command = { title: action.title, command: PIN_VERSION_MANUALLY_COMMAND, arguments: [{ ...args, error: outcome.error }] };
    return { ...action, command };
  }

  /** workspace/executeCommand mcpHygiene.pinVersion. */
  async execute(args: PinArguments | undefined, token: CancellationToken): Promise<PinResult> {
    if (!args || typeof args.uri !== 'string') return { applied: false, error: 'mcpHygiene.pinVersion needs the pin arguments of a code action.' };
    const outcome = args.pinTo !== undefined ? await this.manualEdit(args) : await this.lookupEdit(args, token);
    if ('error' in outcome) {
      this.options.connection
        .sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `MCP Hygiene could not pin ${args.name}: ${outcome.error}` })
        .catch(() => undefined);
      return { applied: false, error: outcome.error };
    }
    const result = await this.options.connection.workspace.applyEdit({ label: `Pin ${args.name} to ${outcome.version}`, edit: outcome.edit });
    return result.applied
      ? { applied: true, version: outcome.version }
      : { applied: false, version: outcome.version, error: result.failureReason ?? 'The editor did not apply the edit (the document changed?).' };
  }

  /** true, or why lookups are not allowed here. */
  private lookupsAllowed(entry: DocumentAnalysis): true | string {
    if (this.options.untrusted()) return 'Registry lookups are off in an untrusted workspace. Enter the version to pin to.';
    if (!entry.settings.network)
      return 'Registry lookups are off (turn on mcpHygiene.network in your user settings to look versions up). Enter the version to pin to.';
    return true;
  }

  private async current(args: PinArguments): Promise<{ entry: DocumentAnalysis; target: PinTarget } | { error: string }> {
    const document = this.options.documents.get(args.uri);
    if (!document) return { error: 'The document is no longer open.' };
    const entry = await this.options.cache.get(document);
    if (entry.version !== args.version) return { error: 'The document changed since the action was offered; ask for the quick fix again.' };
    const found = targetFor(entry, args.ruleId, args.range);
    if (!found) return { error: 'The unpinned package is no longer there.' };
    return { entry, target: found.target };
  }

  private async manualEdit(args: PinArguments): Promise<{ edit: WorkspaceEdit; version: string } | { error: string }> {
    const found = await this.current(args);
    if ('error' in found) return found;
    const problem = pinVersionProblem(found.target.kind, args.pinTo ?? '');
    if (problem) return { error: problem };
    return this.editFor(found.entry, found.target, args.pinTo!.trim());
  }

  private async lookupEdit(args: PinArguments, token: CancellationToken): Promise<{ edit: WorkspaceEdit; version: string } | { error: string }> {
    const found = await this.current(args);
    if ('error' in found) return found;
    const { entry, target } = found;
    const allowed = this.lookupsAllowed(entry);
    if (allowed !== true) return { error: allowed };
    if (target.kind === 'git') return { error: 'Git sources are pinned to a commit id you enter.' };
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    const progress = this.options.progressSupport() ? await this.options.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    const progressCancel = progress?.token.onCancellationRequested(() => controller.abort());
    progress?.begin(
      `Looking up ${target.name}`,
      undefined,
      target.kind === 'Docker' ? `Resolving ${target.name}:${target.tag} to a digest` : 'Finding the newest safe version',
      true,
    );
    // The registry client (node:http, tls, net) loads on the first lookup, not at start-up.
    const { lookupPinVersion, RegistryError } = await import('../registry');
    try {
      const folder = containingFolder(entry.path, this.options.workspaceFolders());
      const result = await lookupPinVersion(target, {
        settings: entry.settings,
        configFile: entry.path,
        ...(folder ? { workspaceFolder: folder } : {}),
        signal: controller.signal,
        ...(this.options.advisories ? { advisories: this.options.advisories } : {}),
        ...(this.options.env ? { env: this.options.env } : {}),
        ...(this.options.home ? { home: this.options.home } : {}),
      });
      if (result.note) this.options.logger.info(`Pin ${target.name}: ${result.version} from ${result.registry}; ${result.note}.`);
      return this.editFor(entry, target, result.version);
    } catch (error) {
      const message = error instanceof RegistryError ? error.message : describeError(error);
      this.options.logger.warn(`Looking up ${target.name} failed: ${message}`);
      return { error: message };
    } finally {
      cancel.dispose();
      progressCancel?.dispose();
      progress?.done();
    }
  }

  private editFor(entry: DocumentAnalysis, target: PinTarget, version: string): { edit: WorkspaceEdit; version: string } | { error: string } {
    const edit = target.edit(version);
    if (!edit) return { error: `Cannot write ${version} into this argument in place.` };
    const lines = entry.analysis!.doc.lines;
    const textEdit = { range: lines.rangeAt(edit.offset, edit.length), newText: edit.content };
    return { edit: workspaceEdit(entry, [textEdit], this.options.documentChanges()), version };
  }
}

/** The finding of `ruleId` at `range` in the cached analysis, and what pinning it rewrites. */
function targetFor(entry: DocumentAnalysis, ruleId: string, range: PinArguments['range']): { target: PinTarget; finding: Finding } | undefined {
  const analysis = entry.analysis;
  if (entry.kind !== 'analyzed' || !analysis) return undefined;
  const finding = matchFinding(analysis.findings, ruleId, range);
  const target = finding && pinTargetOf(analysis, finding);
  return target && { target, finding };
}

function shortName(source: string): string {
  return source.length > 60 ? source.slice(0, 57) + '…' : source;
}
