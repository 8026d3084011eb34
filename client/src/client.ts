import * as vscode from 'vscode';
import { join } from 'node:path';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind, RevealOutputChannelOn } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS, SETTINGS_SECTION, serverEnvironmentOverrides } from '../../server/src/common/protocol';
import { additionalFilePatterns, configDocumentSelector, CONFIG_FILE_GLOBS, type ConfigDocumentFilter } from './selectors';
import { RedactingOutputChannel } from './redactingChannel';

/** Client id: also the prefix of the (deliberately not contributed) `mcpHygiene.trace.server`. */
export const CLIENT_ID = 'mcpHygiene';
export const CLIENT_NAME = 'MCP Hygiene';
/** The settings section the server pulls (`workspace/configuration`) and is told about on change. */
export const CONFIGURATION_SECTION = SETTINGS_SECTION;
export const RESTART_COMMAND = 'mcpHygiene.restartServer';
export const SCAN_MACHINE_COMMAND = 'mcpHygiene.scanMachine';

/**
 * Owns the one LanguageClient of the extension. Start, stop and restart are serialized on
 * one promise chain, so a restart clicked twice, or while the server is still starting,
 * never leaves two server processes behind.
 */
export class McpHygieneClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starts = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
  ) {}

  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      this.output.appendLine('Restarting the language server.');
      await this.doStop();
      await this.doStart();
    });
  }

  /** How many times a server was started successfully (tests check restarts with it). */
  get startCount(): number {
    return this.starts;
  }

  /**
   * The documents the server is sent: every dialect's files and `mcpHygiene.additionalFiles`
   * (read per workspace folder; a change restarts the client, see extension.ts).
   */
  documentSelector(mcpNamed = true): ConfigDocumentFilter[] {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const globsOf = (scope?: vscode.Uri) => vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get<string[]>('additionalFiles') ?? [];
    const patterns = folders.length
      ? folders.flatMap((folder) => additionalFilePatterns(globsOf(folder.uri), [folder.uri.fsPath]))
      : additionalFilePatterns(globsOf(), []);
    return configDocumentSelector(CONFIG_FILE_GLOBS, [...new Set(patterns)], mcpNamed);
  }

  /** The running client, for tests and commands; undefined while stopped. */
  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  dispose(): void {
    void this.stop();
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step, step);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async doStart(): Promise<void> {
    if (this.client) return;
    const module = this.context.asAbsolutePath('dist/server.js');
    // The server compiles its bundle through a V8 code cache kept in our global storage.
    const env = serverEnvironmentOverrides(process.env, join(this.context.globalStorageUri.fsPath, 'code-cache'));
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS], env } },
      // Same bundle in debug; --inspect lets a developer attach to the server process.
      debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'], env } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: this.documentSelector(),
      synchronize: { configurationSection: CONFIGURATION_SECTION },
      outputChannel: this.output,
      // Verbose LSP traces would copy whole documents (secrets included) into the log.
      traceOutputChannel: new RedactingOutputChannel(this.output),
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: { clientName: vscode.env.appName, workspaceTrusted: vscode.workspace.isTrusted },
    };
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    this.client = client;
    try {
      await client.start();
      this.starts++;
      this.output.appendLine(`Language server started (${vscode.env.appName} ${vscode.version}).`);
    } catch (error) {
      this.client = undefined;
      this.output.appendLine(`The language server failed to start: ${describe(error)}`);
      await client.dispose().catch(() => undefined);
      throw error;
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    try {
      // dispose() stops the server (shutdown + exit, bounded by the timeout) and frees
      // the client's registrations, so a following start begins from a clean slate.
      await client.dispose(5_000);
    } catch (error) {
      this.output.appendLine(`The language server did not stop cleanly: ${describe(error)}`);
    }
  }
}

/** Error text without stack noise. Errors here come from the client library, never from document text. */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
