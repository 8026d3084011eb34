/**
 * Drives the real server (startServer) over in-memory streams: no process, no VS Code.
 * The client side is a plain protocol connection that records notifications and answers
 * the server's requests (workspace/configuration, diagnostic refresh). Model:
 * microsoft/compose-language-service's test connection.
 */
import { PassThrough } from 'node:stream';
import {
  createConnection,
  createProtocolConnection,
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  CodeActionRequest,
  DidChangeWatchedFilesNotification,
  HoverRequest,
  WorkDoneProgressCreateRequest,
  type FileEvent,
  type Hover,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
const ProgressNotification = '$/progress';
import { startServer, type ServerHandle, type StartServerOptions } from '../../server/src/startServer';
import type { Logger } from '../../server/src/handlers/runSafe';
import { ruleById } from '../../server/src/rules';
import type { Rule } from '../../server/src/core/rule';

/**
 * Protocol tests run with secret-in-env only unless they pass `rules` (e.g. the full RULES):
 * other helpers keep adding rules, and a new finding on the fixture must not break a test
 * about pull/push, caching or code actions.
 */
export const DEFAULT_TEST_RULES: readonly Rule[] = [ruleById('secret-in-env')!];

export interface TestClientOptions extends StartServerOptions {
  /** Advertise textDocument/diagnostic (pull); otherwise the server must push. */
  pull: boolean;
  /** Advertise workspace/diagnostic/refresh support (pull only). Default true. */
  refreshSupport?: boolean;
  /** What workspace/configuration answers for section mcpHygiene (per scopeUri if a function). */
  settings?: unknown | ((scopeUri: string | undefined) => unknown);
  workspaceFolder?: string;
  /** Advertise workspace/configuration (default true); without it settings ride on didChangeConfiguration. */
  configuration?: boolean;
  /** Sent as initializationOptions (our client sends { clientName, workspaceTrusted }). */
  initializationOptions?: unknown;
  /** Injected runtime logger (default: the connection's console, i.e. window/logMessage). */
  logger?: Logger;
  /** Advertise versioned workspace edits (default true). */
  documentChanges?: boolean;
  /** Advertise codeAction disabledSupport, as VS Code does (default true). */
  disabledSupport?: boolean;
  /** Advertise window/workDoneProgress (progress of the workspace scan). */
  workDoneProgress?: boolean;
  /** Injected `git` runner (RuntimeEnvironment.git). */
  git?: (cwd: string, args: string[]) => Promise<string>;
  /** Advertise codeAction/resolve for `edit` (lazy code actions, as VS Code does). */
  codeActionResolve?: boolean;
}

/** Waits for the first item that matches, with a bounded timeout (no sleeps). */
class Inbox<T> {
  private readonly items: T[] = [];
  private waiters: Array<{ match: (item: T) => boolean; resolve: (item: T) => void }> = [];

  push(item: T): void {
    this.items.push(item);
    const waiter = this.waiters.find((w) => w.match(item));
    if (waiter) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(item);
    }
  }

  all(): readonly T[] {
    return this.items;
  }

  /** Forgets what was received (the benchmark's long runs: the client must not grow without bound). */
  clear(): void {
    this.items.length = 0;
  }

  /** An item already received or the next one that matches; rejects after `ms`. */
  wait(match: (item: T) => boolean, what: string, ms = 3000): Promise<T> {
    const found = this.items.find(match);
    if (found) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`Timed out after ${ms} ms waiting for ${what}`));
      }, ms);
      const done = (item: T) => {
        clearTimeout(timer);
        resolve(item);
      };
      this.waiters.push({ match, resolve: done });
    });
  }
}

export class TestClient {
  readonly published = new Inbox<PublishDiagnosticsParams>();
  readonly logs = new Inbox<LogMessageParams>();
  readonly messages = new Inbox<ShowMessageParams>();
  readonly refreshes = new Inbox<number>();
  /** `$/progress` values (begin / report / end) of server-initiated work-done progress. */
  readonly progress = new Inbox<{ kind: string; title?: string; message?: string }>();
  readonly configurationRequests: Array<string | undefined> = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  settings: unknown | ((scopeUri: string | undefined) => unknown);

  private constructor(
    readonly connection: ProtocolConnection,
    readonly server: ServerHandle,
    private readonly dispose: () => void,
    settings: unknown,
  ) {
    this.settings = settings;
  }

  static async start(options: TestClientOptions): Promise<TestClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    // Reader/writer objects, not raw streams: with streams vscode-languageserver/node
    // would call process.exit when they end.
    const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const server = startServer(
      serverConnection,
      { timer: immediateTimers, validationDelayMs: 0, logger: options.logger, ...(options.git ? { git: options.git } : {}) },
      {
        rules: options.rules ?? DEFAULT_TEST_RULES,
        ...(options.pin ? { pin: options.pin } : {}),
        ...(options.inlineLintMaxBytes ? { inlineLintMaxBytes: options.inlineLintMaxBytes } : {}),
      },
    );
    serverConnection.listen();

    const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const client = new TestClient(
      connection,
      server,
      () => {
        connection.dispose();
        serverConnection.dispose();
        toServer.destroy();
        toClient.destroy();
      },
      options.settings,
    );
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => client.published.push(p));
    connection.onNotification(LogMessageNotification.type, (p) => client.logs.push(p));
    connection.onNotification(ShowMessageNotification.type, (p) => client.messages.push(p));
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
        client.configurationRequests.push(item.scopeUri);
        const settings = typeof client.settings === 'function' ? (client.settings as (uri?: string) => unknown)(item.scopeUri) : client.settings;
        return item.section === 'mcpHygiene' ? (settings ?? {}) : null;
      }),
    );
    let refreshCount = 0;
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      client.refreshes.push(++refreshCount);
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    connection.onNotification(ProgressNotification, (p: { value: { kind: string; title?: string; message?: string } }) => client.progress.push(p.value));
    connection.listen();

    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.configuration ?? true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: options.documentChanges ?? true },
        ...(options.pull ? { diagnostics: { refreshSupport: options.refreshSupport ?? true } } : {}),
      },
      textDocument: {
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          dataSupport: true,
          disabledSupport: options.disabledSupport ?? true,
          ...(options.codeActionResolve ? { resolveSupport: { properties: ['edit'] } } : {}),
        },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      ...(options.workDoneProgress ? { window: { workDoneProgress: true } } : {}),
    };
    const folder = options.workspaceFolder ?? 'file:///p';
    // processId null: with a number the server would start a parent-process watchdog timer.
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'p' }],
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    client.initializeResult = result;
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  initializeResult: InitializeResult | undefined;

  async open(uri: string, text: string, languageId = 'jsonc'): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    const change: TextDocumentContentChangeEvent = { text };
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
  }

  /** Items of a full pull report (fails the test on `unchanged`). */
  async pullItems(uri: string): Promise<Diagnostic[]> {
    const report = await this.pull(uri);
    if (report.kind !== 'full') throw new Error(`Expected a full report, got ${report.kind}`);
    return report.items;
  }

  /** The first publishDiagnostics for this uri at this version. */
  async pushed(uri: string, version: number): Promise<Diagnostic[]> {
    const params = await this.published.wait((p) => p.uri === uri && p.version === version, `publishDiagnostics for ${uri}@${version}`);
    return params.diagnostics;
  }

  hover(uri: string, position: { line: number; character: number }): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
    return (result ?? []) as CodeAction[];
  }

  /** Like VS Code: the notification carries the section, and later pulls answer the new value. */
  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { mcpHygiene: settings } });
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    // No `exit` notification: the node server would call process.exit.
    this.dispose();
  }
}

/** Real timers (setImmediate) so tests never sleep; validationDelayMs 0 uses setImmediate. */
const immediateTimers = {
  setImmediate(callback: () => void) {
    const handle = setImmediate(callback);
    return { dispose: () => clearImmediate(handle) };
  },
  setTimeout(callback: () => void, ms: number) {
    const handle = setTimeout(callback, ms);
    return { dispose: () => clearTimeout(handle) };
  },
};

/** A GitHub classic token built at run time (never a literal in the repository). */
export function fakeGithubToken(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let body = '';
  for (let i = 0; i < 36; i++) body += alphabet[(i * 7 + 3) % alphabet.length];
  return 'ghp_' + body;
}

/** Starts a server + client, runs `body`, always shuts both down. */
export async function withClient(options: TestClientOptions, body: (client: TestClient) => Promise<void>): Promise<void> {
  const client = await TestClient.start(options);
  try {
    await body(client);
  } finally {
    await client.stop();
  }
}
