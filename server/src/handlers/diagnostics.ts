import type {
  CancellationToken,
  Connection,
  DiagnosticServerCancellationData,
  Disposable,
  DocumentDiagnosticReport,
  ResponseError,
  TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './analysis';
import { raceCancellation, runSafe, runSafeAsync, serverCancelled, type Logger } from './runSafe';
import type { RuntimeEnvironment } from './runtime';

export interface DiagnosticsSupport {
  /** Re-lint every open document (settings changed): refresh (pull) or republish (push). */
  requestRefresh(): void;
  dispose(): void;
}

/**
 * Pull diagnostics (`textDocument/diagnostic`, LSP 3.17) when the client supports them, with
 * `resultId` so an unchanged version is answered `unchanged`; otherwise push
 * (`textDocument/publishDiagnostics`) debounced after edits. Model:
 * json-language-features' validation.ts (registerDiagnosticsPullSupport / PushSupport).
 */
export function registerDiagnosticsPullSupport(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  cache: AnalysisCache,
  logger: Logger,
  options: { refreshSupport: boolean; onRequest?: () => void },
): DiagnosticsSupport {
  connection.languages.diagnostics.on(async (params, token) => {
    options.onRequest?.();
    const result = await runSafeAsync<DocumentDiagnosticReport | ResponseError<DiagnosticServerCancellationData>>(
      logger,
      async () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return { kind: 'full', items: [] };
        // An unchanged document is answered from its resultId alone (no lint, even when
        // the cache no longer holds its diagnostics).
        const known = params.previousResultId !== undefined ? await cache.resultIdOf(document)?.catch(() => undefined) : undefined;
        if (known !== undefined && known === params.previousResultId) return { kind: 'unchanged', resultId: known };
        // A large document's lint may be queued: a cancelled pull answers at once.
        const analysis = await raceCancellation(cache.diagnosticsOf(document), token);
        if (analysis.kind === 'superseded' || documents.get(document.uri)?.version !== analysis.version) return serverCancelled();
        if (params.previousResultId !== undefined && params.previousResultId === analysis.resultId) {
          return { kind: 'unchanged', resultId: analysis.resultId };
        }
        return { kind: 'full', resultId: analysis.resultId, items: analysis.diagnostics };
      },
      { kind: 'full', items: [] },
      'Computing diagnostics',
      token,
    );
    return result;
  });
  return {
    requestRefresh() {
      if (!options.refreshSupport) return;
      // Typed `void` in 9.0.1 but it is a request: swallow a client that answers with an error.
      Promise.resolve(connection.languages.diagnostics.refresh() as unknown).catch(() => undefined);
    },
    dispose() {},
  };
}

export function registerDiagnosticsPushSupport(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  cache: AnalysisCache,
  logger: Logger,
  runtime: RuntimeEnvironment,
): DiagnosticsSupport {
  const pending = new Map<string, Disposable>();
  const delay = runtime.validationDelayMs ?? 300;
  /** Bumped by every full revalidation, so an older sweep stops between documents. */
  let sweep = 0;
  const justOpened = new Set<string>();

  function cancelPending(uri: string): void {
    pending.get(uri)?.dispose();
    pending.delete(uri);
  }

  async function validate(document: TextDocument): Promise<void> {
    const analysis = await cache.diagnosticsOf(document);
    // Publish only if the document is still open at the version we analysed.
    const current = documents.get(document.uri);
    if (!current || current.version !== analysis.version || analysis.kind === 'superseded') return;
    await connection.sendDiagnostics({ uri: document.uri, version: analysis.version, diagnostics: analysis.diagnostics });
  }

  function trigger(document: TextDocument, wait: number): void {
    cancelPending(document.uri);
    const run = () => {
      pending.delete(document.uri);
      runSafe(logger, () => validate(document), 'Publishing diagnostics');
    };
    pending.set(document.uri, wait > 0 ? runtime.timer.setTimeout(run, wait) : afterQuietTick(runtime.timer, run));
  }

  const subscriptions: Disposable[] = [
    // didOpen fires onDidOpen then onDidChangeContent: an opened document is validated
    // right away, edits are debounced.
    documents.onDidOpen((event) => justOpened.add(event.document.uri)),
    documents.onDidChangeContent((event) => trigger(event.document, justOpened.delete(event.document.uri) ? 0 : delay)),
    documents.onDidClose((event) => {
      cancelPending(event.document.uri);
      justOpened.delete(event.document.uri);
      connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }).catch(() => undefined);
    }),
  ];

  return {
    requestRefresh() {
      const mine = ++sweep;
      const token: CancellationToken = {
        get isCancellationRequested() {
          return mine !== sweep;
        },
        onCancellationRequested: () => ({ dispose() {} }),
      };
      runSafe(
        logger,
        async () => {
          for (const document of documents.all()) {
            if (token.isCancellationRequested) return;
            cancelPending(document.uri);
            await validate(document);
          }
        },
        'Republishing diagnostics',
      );
    },
    dispose() {
      for (const disposable of pending.values()) disposable.dispose();
      pending.clear();
      subscriptions.forEach((s) => s.dispose());
    },
  };
}

/**
 * Runs `callback` two macrotasks from now. vscode-jsonrpc handles one queued message per
 * macrotask, and an immediate scheduled by an edit runs before the next queued message: with
 * one tick, a burst of edits already received would lint every version in turn (10 edits ×
 * 2-3 ms at 100 servers). The second tick lets the next edit in, whose trigger cancels this
 * one, so a burst is linted once, at its last version; a lone edit waits microseconds more.
 */
function afterQuietTick(timer: RuntimeEnvironment['timer'], callback: () => void): Disposable {
  let current = timer.setImmediate(() => {
    current = timer.setImmediate(callback);
  });
  return { dispose: () => current.dispose() };
}
