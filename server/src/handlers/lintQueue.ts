import type { Disposable } from 'vscode-languageserver';

/**
 * Documents up to this size are linted inline, on the request that asks: four times the
 * 100-server config of the LSP latency targets (docs/performance.md), which must not wait
 * for a macrotask. A full lint costs roughly 2 µs per byte on the shared build machine
 * (235 KB: 0.4-0.7 s), so larger ones wait in the LintQueue.
 */
export const INLINE_LINT_MAX_BYTES = 64 * 1024;

/**
 * How many macrotasks in a row a large lint gives way to incoming messages before it runs
 * anyway: a client that never stops sending must not starve the diagnostics of a big file.
 */
const MAX_YIELDS = 50;

/**
 * Keeps long lints off the request path. The engine is synchronous: a lint of a multi-MB
 * config holds the event loop for its whole length, and every message behind it (a hover,
 * a code action on another file) would wait. So a large lint does not run on the request
 * that asks for it: it is queued, the queue runs one lint per macrotask, and only on a
 * macrotask where no request or edit was handled since the previous one. vscode-jsonrpc
 * handles one queued message per macrotask, so every message already received is answered
 * first. A lint that has started still runs to its end (see docs/reliability.md).
 */
export class LintQueue {
  private readonly waiting: Array<{ run(): void; skip(): void }> = [];
  private scheduled: Disposable | undefined;
  private busy = false;
  private yields = 0;

  constructor(
    private readonly setImmediate: (callback: () => void) => Disposable,
    readonly inlineMaxBytes = INLINE_LINT_MAX_BYTES,
  ) {}

  /** Every request and edit handler calls this: a queued lint lets the next message go first. */
  noteActivity(): void {
    this.busy = true;
  }

  /**
   * Runs `lint` now when the text is small, else when its turn comes. A queued lint whose
   * result nobody wants any more (`stillWanted` false: a newer version, the document closed,
   * the settings changed) is skipped: it rejects with SupersededError instead of holding
   * the event loop for nothing.
   */
  run<T>(sizeInBytes: number, lint: () => T, stillWanted: () => boolean = () => true): Promise<T> {
    if (sizeInBytes <= this.inlineMaxBytes) return Promise.resolve(lint());
    return new Promise<T>((resolve, reject) => {
      const skip = () => reject(new SupersededError());
      const run = () => {
        if (!stillWanted()) return skip();
        try {
          resolve(lint());
        } catch (error) {
          reject(error);
        }
      };
      this.waiting.push({ run, skip });
      this.schedule();
    });
  }

  /** Shutdown: nothing more runs; whoever waits is told the lint was skipped. */
  dispose(): void {
    this.scheduled?.dispose();
    this.scheduled = undefined;
    for (const waiting of this.waiting.splice(0)) waiting.skip();
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = this.setImmediate(() => {
      this.scheduled = undefined;
      if (this.busy && this.yields < MAX_YIELDS) {
        this.busy = false;
        this.yields++;
      } else {
        this.busy = false;
        this.yields = 0;
        this.waiting.shift()!.run();
      }
      this.schedule();
    });
  }
}

/** A queued lint was skipped: its document moved on before its turn, or the server shut down. */
export class SupersededError extends Error {
  constructor() {
    super('Lint skipped: the document changed before its turn');
  }
}
