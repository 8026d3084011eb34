import { LSPErrorCodes, ResponseError, type CancellationToken, type DiagnosticServerCancellationData } from 'vscode-languageserver';

/** Where the server logs: the client's output channel (connection.console) unless the runtime injects another. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

/**
 * Runs a request handler so that a bug in it costs one answer, never the server: errors
 * are logged and answered with `errorValue`; a cancelled request gets the LSP
 * cancellation error. Model: json-language-features' `runSafeAsync`.
 */
export async function runSafeAsync<T>(
  logger: Logger,
  func: () => Promise<T>,
  errorValue: T,
  what: string,
  token: CancellationToken | undefined,
): Promise<T | ResponseError<any>> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = await func();
    if (token?.isCancellationRequested) return cancelled();
    return result;
  } catch (error) {
    if (error instanceof CancelledError || token?.isCancellationRequested) return cancelled();
    logger.error(`${what} failed: ${describeError(error)}`);
    return errorValue;
  }
}

/** Runs a notification handler (no answer to send) and logs instead of throwing. */
export function runSafe(logger: Logger, func: () => unknown, what: string): void {
  try {
    const result = func();
    if (result instanceof Promise) result.catch((error: unknown) => logger.error(`${what} failed: ${describeError(error)}`));
  } catch (error) {
    logger.error(`${what} failed: ${describeError(error)}`);
  }
}

/** Thrown between units of work when the token says stop; `runSafeAsync` turns it into the LSP error. */
export class CancelledError extends Error {
  constructor() {
    super('Request cancelled');
  }
}

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new CancelledError();
}

/**
 * `work`, or a CancelledError as soon as the token fires: a request waiting for a queued
 * lint (handlers/lintQueue.ts) is answered at once; the lint itself still lands in the cache.
 */
export function raceCancellation<T>(work: Promise<T>, token: CancellationToken | undefined): Promise<T> {
  if (!token) return work;
  return new Promise<T>((resolve, reject) => {
    const listener = token.onCancellationRequested(() => reject(new CancelledError()));
    work.then(resolve, reject).finally(() => listener.dispose());
  });
}

/**
 * The document changed while its diagnostics were computed: LSP's ServerCancelled with
 * retriggerRequest, so the client asks again for the current version instead of showing
 * the old one as current.
 */
export function serverCancelled(): ResponseError<DiagnosticServerCancellationData> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; ask again.', { retriggerRequest: true });
}

/** `any` data so the error fits every handler's declared error type (void, cancellation data...). */
function cancelled(): ResponseError<any> {
  return new ResponseError<any>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/** The error's message only (one line, bounded): never document text, never a stack dump. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? line.slice(0, 297) + '...' : line;
}
