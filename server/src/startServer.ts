import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type Disposable,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES } from './rules';
import type { Rule } from './rules/types';
import type { LintOptions } from './engine';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, SETTINGS_SECTION } from './common/protocol';
import { AnalysisCache } from './handlers/analysis';
import { SettingsStore } from './handlers/settings';
import { registerDiagnosticsPullSupport, registerDiagnosticsPushSupport, type DiagnosticsSupport } from './handlers/diagnostics';
import { provideCodeActions } from './handlers/codeActions';
import { uriToPath } from './handlers/documentPath';
import { describeError, runSafe, runSafeAsync, type Logger } from './handlers/runSafe';

/**
 * What the server needs from its host, injected so tests can drive it over in-memory
 * streams. Model: json-language-features' RuntimeEnvironment.
 */
export interface RuntimeEnvironment {
  readonly timer: {
    setImmediate(callback: () => void): Disposable;
    setTimeout(callback: () => void, ms: number): Disposable;
  };
  /** Where logs go; default: the client's output channel (connection.console). Never document text. */
  readonly logger?: Logger;
  /** Debounce after an edit before push diagnostics are recomputed (default 300 ms; tests use 0). */
  readonly validationDelayMs?: number;
}

/** Test-only knobs. */
export interface StartServerOptions {
  /** Replaces the rule registry (e.g. to inject a rule that throws). */
  rules?: readonly Rule[];
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
  const logger: Logger = runtime.logger ?? connection.console;

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
  const cache = new AnalysisCache({
    settingsFor: (uri) => settings!.get(uri),
    workspaceFolders: () => workspaceFolders,
    lintOptions,
    onEngineError(uri, error) {
      logger.error(`Linting ${uri} failed; it has no MCP Hygiene diagnostics until it changes. ${describeError(error)}`);
    },
  });

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    workspaceFolders = folderPaths(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []));
    settings = new SettingsStore(connection, logger, {
      pullConfiguration: !!capabilities.workspace?.configuration,
      knownRuleIds: new Set(rules.map((r) => r.id)),
      // Sent by our client (initializationOptions.workspaceTrusted); other clients: trusted.
      untrustedWorkspace: (params.initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted === false,
    });
    const pull = !!capabilities.textDocument?.diagnostic;
    diagnostics = pull
      ? registerDiagnosticsPullSupport(connection, documents, cache, logger, { refreshSupport: !!capabilities.workspace?.diagnostics?.refreshSupport })
      : registerDiagnosticsPushSupport(connection, documents, cache, logger, runtime);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        ...(pull ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'mcp-hygiene' },
    };
  });

  connection.onInitialized(() => {
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
            cache.clear();
            diagnostics?.requestRefresh();
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
        cache.clear();
        diagnostics?.requestRefresh();
      },
      'Applying the new settings',
    ),
  );

  documents.onDidClose((event) => {
    cache.evict(event.document.uri);
    settings?.evict(event.document.uri);
  });

  connection.onCodeAction((params, token) =>
    runSafeAsync(
      logger,
      async () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return [];
        return provideCodeActions(document, params, { cache, lintOptions, documentChanges: !!capabilities.workspace?.workspaceEdit?.documentChanges }, token);
      },
      [],
      'Computing code actions',
      token,
    ),
  );

  connection.onShutdown(() => diagnostics?.dispose());

  documents.listen(connection);
  return { cache, documents };
}

function folderPaths(folders: readonly WorkspaceFolder[]): string[] {
  return folders.map((f) => uriToPath(f.uri));
}
