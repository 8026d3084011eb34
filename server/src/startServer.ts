import { existsSync } from 'node:fs';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES } from './rules';
import type { Rule } from './core/rule';
import { unclaimedConfigClient, type LintOptions } from './engine';
import {
  DIAGNOSTIC_SOURCE,
  FIX_ALL_KIND,
  PIN_VERSION_COMMAND,
  SCAN_MACHINE_REQUEST,
  SETTINGS_SECTION,
  UNCLAIMED_CONFIG_REQUEST,
  type PinArguments,
  type ScanMachineParams,
  type UnclaimedConfigParams,
  type UnclaimedConfigResult,
} from './common/protocol';
import { configFileGlobs } from './dialects';
import { DEFAULT_CONFIG_FILE } from './host/settingsFile';
import { WorkspaceFacts } from './handlers/workspaceFacts';
import { WorkspaceScanner } from './handlers/workspaceScan';
import { provideHover } from './handlers/hover';
import { AnalysisCache } from './handlers/analysis';
import { SettingsStore } from './handlers/settings';
import { registerDiagnosticsPullSupport, registerDiagnosticsPushSupport, type DiagnosticsSupport } from './handlers/diagnostics';
import { provideCodeActions } from './handlers/codeActions';
import { PinSupport } from './handlers/pin';
import type { AdvisorySource } from './registry';
import { uriToPath } from './handlers/documentPath';
import { describeError, raceCancellation, runSafe, runSafeAsync, type Logger } from './handlers/runSafe';
import type { RuntimeEnvironment } from './handlers/runtime';

export type { RuntimeEnvironment } from './handlers/runtime';
import { LintQueue } from './handlers/lintQueue';

/** Test-only knobs. */
export interface StartServerOptions {
  /** Replaces the rule registry (e.g. to inject a rule that throws). */
  rules?: readonly Rule[];
  /** Pin lookups: advisory list and environment (proxy / index variables) instead of the shipped ones and process.env. */
  pin?: { advisories?: AdvisorySource; env?: Record<string, string | undefined>; home?: string };
  /** Documents larger than this are linted through the LintQueue (default INLINE_LINT_MAX_BYTES). */
  inlineLintMaxBytes?: number;
}

/** Handles the server exposes for tests and embedding (nothing here is protocol). */
export interface ServerHandle {
  readonly cache: AnalysisCache;
  readonly documents: TextDocuments<TextDocument>;
}

/** Node's timers wrapped as Disposables: what server.ts passes. */
export const nodeTimers: RuntimeEnvironment['timer'] = {
  setImmediate(callback) {
    const handle = setImmediate(callback);
    return { dispose: () => clearImmediate(handle) };
  },
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    return { dispose: () => clearTimeout(handle) };
  },
};

/**
 * Declares capabilities and wires the handlers. All behaviour lives in handlers/; this file
 * only decides which of them the client's capabilities call for.
 */
export function startServer(connection: Connection, runtime: RuntimeEnvironment, options: StartServerOptions = {}): ServerHandle {
  const documents = new TextDocuments(TextDocument);
  const rules = options.rules ?? RULES;
  const logger: Logger = runtime.logger ?? quietOnceClosed(connection.console);

  // Crash isolation: a throwing rule is logged once per rule id (message only, never the
  // document text) and the other rules still report.
  const failedRules = new Set<string>();
  const lintOptions: LintOptions = {
    rules,
    onRuleError(ruleId, error) {
      if (failedRules.has(ruleId)) return;
      failedRules.add(ruleId);
      logger.error(`Rule "${ruleId}" failed and was skipped; the other rules still ran. ${describeError(error)}`);
    },
  };

  let capabilities: ClientCapabilities = {};
  let workspaceFolders: string[] = [];
  let settings: SettingsStore | undefined;
  let diagnostics: DiagnosticsSupport | undefined;
  // Long lints wait for a macrotask with no message to answer (handlers/lintQueue.ts).
  const lintQueue = new LintQueue((callback) => runtime.timer.setImmediate(callback), options.inlineLintMaxBytes);
  const cache = new AnalysisCache({
    settingsFor: (uri) => settings!.get(uri),
    workspaceFolders: () => workspaceFolders,
    factsFor: (path, current) => facts?.factsFor(path, current, workspaceFolders) ?? { settings: current, gitState: 'unknown' },
    lintOptions,
    lintQueue,
    onEngineError(uri, error) {
      logger.error(`Linting ${uri} failed; it has no MCP Hygiene diagnostics until it changes. ${describeError(error)}`);
    },
  });

  let facts: WorkspaceFacts | undefined;
  let scanner: WorkspaceScanner | undefined;
  let untrusted = false;
  const pin = new PinSupport({
    connection,
    cache,
    documents,
    logger,
    untrusted: () => untrusted,
    workspaceFolders: () => workspaceFolders,
    resolveSupport: () => !!capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'),
    progressSupport: () => !!capabilities.window?.workDoneProgress,
    documentChanges: () => !!capabilities.workspace?.workspaceEdit?.documentChanges,
    ...(options.pin?.advisories ? { advisories: options.pin.advisories } : {}),
    ...(options.pin?.env ? { env: options.pin.env } : {}),
    ...(options.pin?.home ? { home: options.pin.home } : {}),
  });
  const reported = new Set<string>();
  const report = (problem: string) => {
    if (reported.has(problem)) return;
    reported.add(problem);
    logger.warn(problem);
    connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: problem }).catch(() => undefined);
  };

  /** Re-reads git state (once per folder), re-lints open documents and the closed workspace files. */
  const refreshWorkspace = (reloadGit: boolean) =>
    runSafe(
      logger,
      async () => {
        if (reloadGit && facts && (await facts.loadGit(workspaceFolders.filter((f) => existsSync(f))))) {
          cache.clear();
          diagnostics?.requestRefresh();
        }
        await scanner?.scanWorkspace();
      },
      'Linting the workspace',
    );

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    workspaceFolders = folderPaths(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []));
    settings = new SettingsStore(connection, logger, {
      pullConfiguration: !!capabilities.workspace?.configuration,
      knownRuleIds: new Set(rules.map((r) => r.id)),
      // Sent by our client (initializationOptions.workspaceTrusted); other clients: trusted.
      untrustedWorkspace: (params.initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted === false,
    });
    untrusted = (params.initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted === false;
    facts = new WorkspaceFacts({ logger, untrusted, report, ...(runtime.git ? { git: runtime.git } : {}) });
    const pull = !!capabilities.textDocument?.diagnostic;
    diagnostics = pull
      ? registerDiagnosticsPullSupport(connection, documents, cache, logger, {
          refreshSupport: !!capabilities.workspace?.diagnostics?.refreshSupport,
          onRequest: () => lintQueue.noteActivity(),
        })
      : registerDiagnosticsPushSupport(connection, documents, cache, logger, runtime);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        executeCommandProvider: { commands: [PIN_VERSION_COMMAND] },
        hoverProvider: true,
        ...(pull ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'mcp-hygiene' },
    };
  });

  connection.onInitialized(() => {
    scanner = new WorkspaceScanner({
      connection,
      documents,
      cache,
      logger,
      workspaceFolders: () => workspaceFolders.filter((f) => existsSync(f)),
      settingsFor: (uri) => settings!.get(uri),
      progressSupport: !!capabilities.window?.workDoneProgress,
      pull: !!capabilities.textDocument?.diagnostic,
    });
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      // The client's file watcher reports every config file, .mcp-hygiene.json, .gitignore and git's index.
      const watchers = [...configFileGlobs(), '**/' + DEFAULT_CONFIG_FILE, '**/.gitignore', '**/.git/index'].map((globPattern) => ({ globPattern }));
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    }
    refreshWorkspace(true);
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      // Without a section VS Code sends an empty payload and we pull; the section keeps
      // clients that push settings (no workspace/configuration) working too.
      connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) =>
        runSafe(
          logger,
          () => {
            const removed = new Set(folderPaths(event.removed));
            workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...folderPaths(event.added)];
            // ignoredPaths are relative to the folders: what is ignored may have changed.
            facts?.clear();
            cache.clear();
            diagnostics?.requestRefresh();
            refreshWorkspace(true);
          },
          'Updating the workspace folders',
        ),
      );
    }
  });

  connection.onDidChangeConfiguration((params) =>
    runSafe(
      logger,
      () => {
        settings?.onDidChangeConfiguration(params);
        // The policy file and .mcp-hygiene.json are re-read too (the policy may have been edited).
        facts?.clear();
        cache.clear();
        diagnostics?.requestRefresh();
        refreshWorkspace(true);
      },
      'Applying the new settings',
    ),
  );

  documents.onDidClose((event) => {
    cache.evict(event.document.uri);
    settings?.evict(event.document.uri);
    runSafe(logger, () => scanner?.onDidClose(event.document.uri), 'Linting a closed file');
  });
  documents.onDidOpen((event) => scanner?.onDidOpen(event.document.uri));
  documents.onDidChangeContent(() => lintQueue.noteActivity());

  connection.onDidChangeWatchedFiles((params) =>
    runSafe(
      logger,
      async () => {
        let factsChanged = false;
        for (const change of params.changes) factsChanged = (facts?.invalidate(uriToPath(change.uri)) ?? false) || factsChanged;
        if (factsChanged) {
          cache.clear();
          diagnostics?.requestRefresh();
          refreshWorkspace(true);
        } else {
          await scanner?.onWatchedFiles(params.changes);
        }
      },
      'Handling file changes',
    ),
  );

  connection.onHover((params, token) =>
    runSafeAsync(
      logger,
      async () => {
        lintQueue.noteActivity();
        const document = documents.get(params.textDocument.uri);
        if (!document) return null;
        const entry = await raceCancellation(cache.get(document), token);
        return provideHover(entry, params.position);
      },
      null,
      'Computing the hover',
      token,
    ),
  );

  connection.onRequest(SCAN_MACHINE_REQUEST, (params: ScanMachineParams | undefined, token) =>
    runSafeAsync(
      logger,
      async () => {
        if (!scanner) throw new Error('The server is not initialized yet.');
        return scanner.scanMachine(params);
      },
      undefined,
      'Scanning the MCP configs of this machine',
      token,
    ),
  );

  connection.onRequest(UNCLAIMED_CONFIG_REQUEST, (params: UnclaimedConfigParams, token) =>
    runSafeAsync(
      logger,
      async (): Promise<UnclaimedConfigResult> => {
        if (typeof params?.uri !== 'string' || typeof params.text !== 'string') return {};
        const { maxFileSize } = await settings!.get(params.uri);
        if (Buffer.byteLength(params.text, 'utf8') > maxFileSize) return {};
        const client = unclaimedConfigClient(params.text, uriToPath(params.uri));
        return client ? { client } : {};
      },
      {},
      'Checking whether a file is an MCP config',
      token,
    ),
  );

  connection.onCodeAction((params, token) =>
    runSafeAsync(
      logger,
      async () => {
        lintQueue.noteActivity();
        const document = documents.get(params.textDocument.uri);
        if (!document) return [];
        return provideCodeActions(
          document,
          params,
          {
            cache,
            lintOptions,
            documentChanges: !!capabilities.workspace?.workspaceEdit?.documentChanges,
            disabledSupport: !!capabilities.textDocument?.codeAction?.disabledSupport,
            workspaceFolders: () => workspaceFolders,
            untrusted,
            pin,
          },
          token,
        );
      },
      [],
      'Computing code actions',
      token,
    ),
  );

  // Registry lookups happen here only: when the user picks "Pin to the latest safe version".
  connection.onCodeActionResolve((action, token) => {
    lintQueue.noteActivity();
    return runSafeAsync(logger, () => pin.resolve(action, token), action, 'Resolving the pin action', token);
  });

  connection.onExecuteCommand((params, token) =>
    runSafeAsync(
      logger,
      async () => (params.command === PIN_VERSION_COMMAND ? pin.execute(params.arguments?.[0] as PinArguments | undefined, token) : undefined),
      undefined,
      `Running ${params.command}`,
      token,
    ),
  );

  connection.onShutdown(() => {
    diagnostics?.dispose();
    lintQueue.dispose();
  });

  documents.listen(connection);
  return { cache, documents };
}

function folderPaths(folders: readonly WorkspaceFolder[]): string[] {
  return folders.map((f) => uriToPath(f.uri));
}

/**
 * connection.console, except that a message sent after the connection closed is dropped
 * instead of throwing: a background task (a debounced publish, a workspace sweep) that
 * fails during shutdown would otherwise turn its log line into an unhandled rejection.
 */
function quietOnceClosed(console: Logger): Logger {
  const guarded = (send: (message: string) => void) => (message: string) => {
    try {
      send(message);
    } catch {
      // The client is gone: there is nobody left to tell.
    }
  };
  return { error: guarded((m) => console.error(m)), warn: guarded((m) => console.warn(m)), info: guarded((m) => console.info(m)) };
}
