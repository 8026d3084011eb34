import type { Disposable } from 'vscode-languageserver';
import { runToEnd, type LintSteps } from '../engine';

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
 * Keeps long lints off the request path. A lint of a multi-MB config takes seconds, and
 * every message behind it (a hover, a code action on another file) would wait. So a large
 * lint does not run on the request that asks for it: it is queued, starts on a macrotask
 * where no request or edit was handled since the previous one (vscode-jsonrpc handles one
 * queued message per macrotask, so every message already received is answered first), and
 * then runs one step per macrotask — the engine's stepwise lint pauses after the parse, the
 * model and each rule (engine/lint.ts `analyzeSteps`) — so a message arriving while it runs
 * waits for one step at most, not for the whole lint. One large lint runs at a time.
 */
export class LintQueue {
  private readonly waiting: Job[] = [];
  private running: { job: Job; steps: LintSteps<unknown> } | undefined;
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
   * Runs the stepwise lint `start()` to its end now when the text is small, else step by
   * step when its turn comes. A lint whose result nobody wants any more (`stillWanted`
   * false: a newer version, the document closed, the settings changed) is dropped, before
   * or between its steps: it rejects with SupersededError instead of holding the event loop
   * for nothing.
   */
  run<T>(sizeInBytes: number, start: () => LintSteps<T>, stillWanted: () => boolean = () => true): Promise<T> {
    if (sizeInBytes <= this.inlineMaxBytes) return Promise.resolve(runToEnd(start()));
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ start, stillWanted, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Shutdown: nothing more runs; whoever waits is told the lint was skipped. */
  dispose(): void {
    this.scheduled?.dispose();
    this.scheduled = undefined;
    if (this.running) this.running.job.reject(new SupersededError());
    this.running = undefined;
    for (const waiting of this.waiting.splice(0)) waiting.reject(new SupersededError());
  }

  private schedule(): void {
    if (this.scheduled || (!this.running && this.waiting.length === 0)) return;
    this.scheduled = this.setImmediate(() => {
      this.scheduled = undefined;
      if (this.running) this.step(this.running);
      else if (this.busy && this.yields < MAX_YIELDS) {
        this.busy = false;
        this.yields++;
      } else {
        this.busy = false;
        this.yields = 0;
        const job = this.waiting.shift()!;
        if (!job.stillWanted()) job.reject(new SupersededError());
        else {
          try {
            this.running = { job, steps: job.start() };
          } catch (error) {
            job.reject(error);
          }
        }
      }
      this.schedule();
    });
  }

  /** One step of the running lint; at its end (or when it is no longer wanted) the next one may start. */
  private step(running: { job: Job; steps: LintSteps<unknown> }): void {
    const { job, steps } = running;
    try {
      if (!job.stillWanted()) {
        steps.return(undefined);
        this.running = undefined;
        job.reject(new SupersededError());
        return;
      }
      const result = steps.next();
      if (result.done) {
        this.running = undefined;
        job.resolve(result.value);
      }
    } catch (error) {
      this.running = undefined;
      job.reject(error);
    }
  }
}

interface Job {
  start(): LintSteps<unknown>;
  stillWanted(): boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** A queued lint was skipped: its document moved on before its turn, or the server shut down. */
export class SupersededError extends Error {
  constructor() {
    super('Lint skipped: the document changed before its turn');
  }
}
