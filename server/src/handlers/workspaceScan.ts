import { statSync } from 'node:fs';
import { ABSOLUTE_MAX_READ_BYTES, readRegularTextFile, UnreadableFileError } from '../host/readRegularFile';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType, type Connection, type Diagnostic, type FileEvent, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIALECTS } from '../dialects';
import type { UserEnvironment } from '../core/dialect';
import { discover } from '../host/discover';
import { DIAGNOSTIC_SOURCE, type ScanMachineParams, type ScanMachineResult, type SeverityCounts } from '../common/protocol';
import type { Settings } from '../common/settings';
import type { AnalysisCache } from './analysis';
import { uriToPath } from './documentPath';
import { describeError, type Logger } from './runSafe';

export interface WorkspaceScanOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  cache: AnalysisCache;
  logger: Logger;
  workspaceFolders(): readonly string[];
  settingsFor(uri: string): Promise<Settings>;
  /** The client shows `window/workDoneProgress` (LSP 3.15). */
  progressSupport: boolean;
  /** Open documents get pull diagnostics: pushed ones for the same file must be withdrawn on open. */
  pull: boolean;
}

/**
 * Diagnostics for MCP config files that are not open: the whole workspace on start-up (and
 * when folders or settings change), single files when the client's file watcher reports a
 * change, and the user-level files of every client on request (machine scan).
 *
 * Why push (publishDiagnostics for closed files) rather than LSP 3.17 `workspace/diagnostic`:
 * VS Code's language client only issues workspace pulls when the extension opts in and then
 * re-pulls the whole workspace on every change, and a pulled workspace report is dropped
 * for a file once it is opened; push for closed files works in every client, keeps the
 * open-editor path (pull) unchanged and lets the server decide when to re-read from disk.
 * The server reads from disk here (node fs); the engine stays pure.
 */
export class WorkspaceScanner {
  /** URIs we pushed diagnostics for from disk (closed files). */
  private readonly pushed = new Set<string>();
  private generation = 0;

  constructor(private readonly options: WorkspaceScanOptions) {}

  /** Lints every config file under the workspace folders that is not open. */
  async scanWorkspace(): Promise<number> {
    const mine = ++this.generation;
    const files: string[] = [];
    for (const folder of this.options.workspaceFolders()) {
      const settings = await this.options.settingsFor(pathToFileURL(folder).toString());
      if (!settings.enable) continue;
      try {
        const found = discover({
          cwd: folder,
          paths: [folder],
          exclude: settings.ignoredPaths,
          include: settings.additionalFiles,
          gitignore: false,
          userConfigs: false,
          env: {},
        });
        files.push(...found.files.map((f) => f.absolute));
      } catch (error) {
        this.options.logger.warn(`Could not list the MCP config files of a workspace folder: ${describeError(error)}`);
      }
    }
    const stale = new Set([...this.pushed].filter((uri) => !this.isMachineUri(uri)));
    const progress =
      this.options.progressSupport && files.length > 0 ? await this.options.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('MCP Hygiene', 0, `Linting ${files.length} MCP config file${files.length === 1 ? '' : 's'}`, true);
    let done = 0;
    try {
      for (const file of files) {
        if (mine !== this.generation || progress?.token.isCancellationRequested) return done;
        const uri = pathToFileURL(file).toString();
        stale.delete(uri);
        await this.lintFromDisk(uri, file);
        done++;
        if (done % 10 === 0 || done === files.length) progress?.report(Math.round((done / files.length) * 100), `${done}/${files.length} files`);
      }
    } finally {
      progress?.done();
    }
    // Files that disappeared or became ignored since the last scan.
    for (const uri of stale) this.clear(uri);
    return done;
  }

  /** `workspace/didChangeWatchedFiles`: re-lint changed config files that are not open. */
  async onWatchedFiles(changes: readonly FileEvent[]): Promise<void> {
    for (const change of changes) {
      if (this.options.documents.get(change.uri)) continue;
      const path = uriToPath(change.uri);
      if (change.type === FileChangeType.Deleted) {
        this.clear(change.uri);
        continue;
      }
      if (!this.isWorkspaceConfig(path)) continue;
      await this.lintFromDisk(change.uri, path);
    }
  }

  /** An editor opened a file we pushed for: its own (pull) diagnostics take over. */
  onDidOpen(uri: string): void {
    if (this.options.pull && this.pushed.has(uri)) {
      this.pushed.delete(uri);
      this.options.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
    }
  }

  /** An editor closed a config file: its diagnostics come from disk again. */
  async onDidClose(uri: string): Promise<void> {
    if (!uri.startsWith('file:')) return;
    const path = uriToPath(uri);
    if (!this.isWorkspaceConfig(path) && !this.machineUris.has(uri)) return;
    await this.lintFromDisk(uri, path);
  }

  private readonly machineUris = new Set<string>();

  private isMachineUri(uri: string): boolean {
    return this.machineUris.has(uri);
  }

  private isWorkspaceConfig(path: string): boolean {
    const folders = this.options.workspaceFolders();
    const posix = path.replace(/\\/g, '/');
    const inside = folders.some((f) => posix.toLowerCase().startsWith(f.replace(/\\/g, '/').replace(/\/+$/, '').toLowerCase() + '/'));
    if (!inside || /\/(node_modules|\.git)\//.test(posix)) return false;
    return DIALECTS.some((d) => d.matchPath(('/' + posix.replace(/^\/+/, '')).toLowerCase()) > 0);
  }

  /** Reads, lints and publishes one closed file. Missing -> cleared; unreadable -> an error string. */
  async lintFromDisk(uri: string, path: string): Promise<{ diagnostics: Diagnostic[]; client?: string } | { error: string } | undefined> {
    let text: string;
    try {
      // A config swapped for a FIFO or a link to /dev/zero after discovery must not hang or flood the server.
      text = readRegularTextFile(path, ABSOLUTE_MAX_READ_BYTES);
    } catch (error) {
      this.clear(uri);
      if (error instanceof UnreadableFileError) return error.reason === 'not-found' ? undefined : { error: error.message };
      return { error: describeError(error) };
    }
    if (this.options.documents.get(uri)) return undefined;
    const analysis = await this.options.cache.analyzeFile(uri, text.replace(/^\uFEFF/, ''));
    if (this.options.documents.get(uri)) return undefined;
    if (analysis.kind === 'not-config' || analysis.kind === 'ignored') {
      this.clear(uri);
      return undefined;
    }
    // Closed files have no version: drop the data's fixes (a code action needs the open document).
    const diagnostics = analysis.diagnostics.map((d) => ({ ...d, data: undefined }));
    this.pushed.add(uri);
    await this.options.connection.sendDiagnostics({ uri, diagnostics });
    return { diagnostics, ...(analysis.analysis ? { client: analysis.analysis.dialect.displayName } : {}) };
  }

  private clear(uri: string): void {
    if (!this.pushed.delete(uri)) return;
    this.options.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  /**
   * The machine scan: every client's user-level config paths for this OS under `home`
   * (params, else $MCP_HYGIENE_HOME, else the real home), linted and published. Missing
   * files are normal; unreadable ones are listed. Returns paths and counts, never contents.
   */
  async scanMachine(params: ScanMachineParams | undefined): Promise<ScanMachineResult> {
    const overridden = params?.home || process.env.MCP_HYGIENE_HOME || undefined;
    const home = overridden ?? homedir();
    const env: UserEnvironment = overridden
      ? { home, platform: process.platform, ...(process.platform === 'win32' ? { appData: join(home, 'AppData', 'Roaming') } : {}) }
      : { home, platform: process.platform, appData: process.env.APPDATA || undefined, xdgConfigHome: process.env.XDG_CONFIG_HOME || undefined };
    const candidates = new Map<string, string>();
    for (const dialect of DIALECTS) {
      let paths: readonly string[] = [];
      try {
        paths = dialect.userConfigPaths?.(env) ?? [];
      } catch {
        continue;
      }
      for (const path of paths) if (!candidates.has(path)) candidates.set(path, dialect.displayName);
    }
    const result: ScanMachineResult = { home, files: [], unreadable: [], checked: candidates.size, perClient: {}, totals: zero() };
    for (const [path, displayName] of candidates) {
      let isFile = false;
      try {
        isFile = statSync(path).isFile();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') result.unreadable.push({ path, reason: code ?? describeError(error) });
        continue;
      }
      if (!isFile) {
        result.unreadable.push({ path, reason: 'not a regular file' });
        continue;
      }
      const uri = pathToFileURL(path).toString();
      this.machineUris.add(uri);
      const outcome = await this.lintFromDisk(uri, path).catch((error: unknown) => ({ error: describeError(error) }));
      if (outcome && 'error' in outcome) {
        result.unreadable.push({ path, reason: outcome.error });
        continue;
      }
      // An open editor owns its diagnostics; count what it shows through the cache.
      const diagnostics = outcome?.diagnostics ?? (await this.openDiagnostics(uri));
      const counts = countSeverities(diagnostics);
      const client = outcome?.client ?? displayName;
      result.files.push({ path, uri, client, counts });
      const perClient = (result.perClient[client] ??= zero());
      add(perClient, counts);
      add(result.totals, counts);
    }
    return result;
  }

  private async openDiagnostics(uri: string): Promise<Diagnostic[]> {
    const document = this.options.documents.get(uri);
    return document ? (await this.options.cache.diagnosticsOf(document)).diagnostics : [];
  }
}

function zero(): SeverityCounts {
  return { error: 0, warning: 0, information: 0, hint: 0 };
}

function add(target: SeverityCounts, counts: SeverityCounts): void {
  target.error += counts.error;
  target.warning += counts.warning;
  target.information += counts.information;
  target.hint += counts.hint;
}

export function countSeverities(diagnostics: readonly Diagnostic[]): SeverityCounts {
  const counts = zero();
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    if (d.severity === DiagnosticSeverity.Error) counts.error++;
    else if (d.severity === DiagnosticSeverity.Warning) counts.warning++;
    else if (d.severity === DiagnosticSeverity.Information) counts.information++;
    else counts.hint++;
  }
  return counts;
}
