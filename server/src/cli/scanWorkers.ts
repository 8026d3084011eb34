import { availableParallelism } from 'node:os';
import type { Policy, Settings } from '../engine';
import { UsageError } from '../host/usageError';
import type { CacheEntry, ResultCache } from './cache';
import type { TargetFile } from '../host/discover';
import { emptyOutcome, scanFile, type ScanCache, type ScanOptions, type ScanOutcome } from './scan';

/**
 * `scan` over worker threads: the engine is synchronous and pure, so a scan of many files
 * spreads over the cores. The main thread discovers the files and reads their settings; each
 * worker runs scanFile (the same per-file step as a scan in one thread) on every n-th file and
 * posts each file's outcome back; the main thread puts them together in file order, so the
 * report, the notices and the cache file are the same as without workers. --fix and --stdin
 * always scan in one thread (main.ts decides).
 *
 * A worker is this very bundle (dist/cli-main.js, which dist/cli.js loads) started again:
 * the last lines below see that they run in a scan worker, and cli-main.ts runs no CLI there.
 */

// node:worker_threads is loaded only where a worker is started or may be running: loading it
// costs every CLI start ~7 ms, and most runs start no worker.
const threads = () => require('node:worker_threads') as typeof import('node:worker_threads');

/**
 * A worker first loads the whole bundle (~0.2 s of CPU) and runs the engine's code cold
 * again. Measured with the corpus (small files): one worker on 96 files took about as long
 * as one thread on 195 (0.90 s against 0.83 s), one worker on 195 clearly less than one
 * thread on 390 (1.18 s against 1.59 s). So two workers with cores to spare break even at
 * about this many files each.
 */
export const MIN_FILES_PER_WORKER = 100;

/**
 * How many workers scan these files. MCP_HYGIENE_WORKERS: 0 = none, N = N (at most one per
 * file); unset, empty or `auto`: one per two cores, as long as each gets MIN_FILES_PER_WORKER
 * files, and none unless that makes at least two (one worker alone only adds its start-up).
 * Two cores a worker, because a scan in one thread already keeps ~1.4 cores busy: V8
 * compiles and collects garbage on background threads. On 2 cores, two workers were 25-30 %
 * slower than one thread over the corpus, and still slower over eight copies of it.
 */
export function scanWorkerCount(fileCount: number, env: Readonly<Record<string, string | undefined>>, cores = availableParallelism()): number {
  const setting = env.MCP_HYGIENE_WORKERS ?? '';
  if (setting !== '' && setting !== 'auto' && !/^\d+$/.test(setting)) {
    throw new UsageError(`MCP_HYGIENE_WORKERS must be "auto", 0 (no worker threads) or a number of worker threads, not "${setting}".`);
  }
  if (setting !== '' && setting !== 'auto') return Math.min(Number(setting), fileCount);
  const workers = Math.min(Math.floor(cores / 2), Math.floor(fileCount / MIN_FILES_PER_WORKER));
  return workers >= 2 ? workers : 0;
}

/** A worker loads this very file: it can from the bundle, not from TypeScript source run through tsx. */
export const SCAN_WORKERS_CAN_START = !__filename.endsWith('.ts');

/** Marks the workers scanFilesInParallel starts: loaded in any other worker thread, the bundle does nothing by itself. */
const SCAN_WORKER = 'mcp-hygiene scan worker';

/**
 * Also given to a scan worker on its command line (`process.argv`), which a start-up can read
 * without loading node:worker_threads; the worker's `workerData` confirms it, so the word on
 * the CLI's own command line never stops a real run.
 */
const SCAN_WORKER_ARG = '--mcp-hygiene-scan-worker';

/** The scan worker's input when this thread is one, else undefined. */
export function scanWorkerInput(): WorkerInput | undefined {
  if (!process.argv.includes(SCAN_WORKER_ARG)) return undefined;
  const { isMainThread, workerData } = threads();
  return !isMainThread && (workerData as Partial<WorkerInput> | undefined)?.purpose === SCAN_WORKER ? (workerData as WorkerInput) : undefined;
}

interface WorkerInput {
  purpose: typeof SCAN_WORKER;
  /** The run's distinct settings, sent once; each file names its own by index. */
  configs: Array<{ settings: Settings; policy?: Policy }>;
  fingerprints: boolean;
  /** Whether the run uses --cache: lookups are then answered from each file's `cached` entry. */
  cache: boolean;
  files: Array<{ index: number; file: TargetFile; config: number; relativeFile: string; cached?: CacheEntry }>;
}

/** One file's outcome, posted by a worker as soon as the file is done. */
interface WorkerResult {
  index: number;
  outcome: ScanOutcome;
  cacheCalls: CacheCall[];
}

type CacheCall = { method: 'lookup'; hash: string } | { method: 'remember'; entry: CacheEntry } | { method: 'forget' };

/**
 * Scans the files on `workerCount` worker threads; the result is what scanFiles(files,
 * options) returns. A worker that stops early (crashed, or could not start) costs time, not
 * results: the files it did not post are scanned in the main thread, and a warning says so.
 */
export async function scanFilesInParallel(
  files: readonly TargetFile[],
  options: Omit<ScanOptions, 'cache'> & { cache?: ResultCache },
  workerCount: number,
): Promise<ScanOutcome> {
  const configs: WorkerInput['configs'] = [];
  const configIndex = new Map<object, number>();
  const jobs = files.map((file, index): WorkerInput['files'][number] => {
    const config = options.configFor(file.absolute);
    let number = configIndex.get(config);
    if (number === undefined) {
      number = configs.push({ settings: config.settings, ...(config.policy ? { policy: config.policy } : {}) }) - 1;
      configIndex.set(config, number);
    }
    const cached = options.cache?.storedEntry(file.absolute);
    return { index, file, config: number, relativeFile: options.relativeTo(file.absolute), ...(cached ? { cached } : {}) };
  });

  const results: Array<WorkerResult | undefined> = new Array(files.length);
  let received = 0;
  options.onProgress?.(0, files.length);
  const onResult = (result: WorkerResult) => {
    results[result.index] = result;
    received++;
    // The last call, done = total, comes once everything is put together.
    if (received < files.length) options.onProgress?.(received, files.length);
  };
  // Every n-th file to each worker: a run of large files (one folder's) is shared out
  // instead of landing on one worker.
  const stops = await Promise.all(
    Array.from({ length: workerCount }, (_, worker) =>
      runWorker(
        {
          purpose: SCAN_WORKER,
          configs,
          fingerprints: options.fingerprints,
          cache: options.cache !== undefined,
          files: jobs.filter((job) => job.index % workerCount === worker),
        },
        onResult,
      ),
    ),
  );

  const outcome = emptyOutcome();
  files.forEach((file, index) => {
    const result = results[index];
    if (!result) return scanFile(file, options, outcome);
    if (options.cache) replayCacheCalls(result.cacheCalls, options.cache, file.absolute);
    addOutcome(outcome, result.outcome);
  });
  for (const reason of stops) {
    if (reason)
      outcome.notices.push({
        level: 'warning',
        message: `A scan worker thread stopped (${reason}); the files it had not scanned were scanned in the main thread. Set MCP_HYGIENE_WORKERS=0 to scan without worker threads.`,
      });
  }
  options.onProgress?.(files.length, files.length);
  return outcome;
}

/** Starts a worker on its files; resolves when it has ended, with why it failed if it did. */
function runWorker(input: WorkerInput, onResult: (result: WorkerResult) => void): Promise<string | undefined> {
  return new Promise((resolve) => {
    let failure: string | undefined;
    const worker = new (threads().Worker)(__filename, { workerData: input, argv: [SCAN_WORKER_ARG] });
    worker.on('message', onResult);
    worker.on('error', (error: unknown) => (failure ??= error instanceof Error ? error.message : String(error)));
    // Node delivers the messages a worker posted before its 'exit' event.
    worker.on('exit', (code) => resolve(failure ?? (code === 0 ? undefined : `exit code ${code}`)));
  });
}

/** A file's outcome from a worker, added as scanFile would have added it here. A worker never fixes, so there are no fixes to add. */
function addOutcome(outcome: ScanOutcome, part: ScanOutcome): void {
  outcome.linted.push(...part.linted);
  for (const [dialect, count] of Object.entries(part.filesByDialect)) outcome.filesByDialect[dialect] = (outcome.filesByDialect[dialect] ?? 0) + count;
  // One by one: a file can have more findings than a spread may pass as arguments.
  for (const finding of part.findings) outcome.findings.push(finding);
  outcome.skipped.push(...part.skipped);
  outcome.notices.push(...part.notices);
}

/** Makes, in the main thread and in file order, the cache calls a worker's scanFile made. */
function replayCacheCalls(calls: readonly CacheCall[], cache: ScanCache, absolute: string): void {
  for (const call of calls) {
    if (call.method === 'lookup') cache.lookup(absolute, call.hash);
    else if (call.method === 'remember') cache.remember(absolute, call.entry);
    else cache.forget(absolute);
  }
}

/**
 * The cache as a worker's scanFile sees it for one file: lookups are answered from the entry
 * the main thread stored for the file (as ResultCache.lookup answers), and every call is
 * recorded to be replayed on the real cache.
 */
class RecordingCache implements ScanCache {
  readonly calls: CacheCall[] = [];

  constructor(private readonly stored: CacheEntry | undefined) {}

  lookup(_absolute: string, hash: string): CacheEntry | undefined {
    this.calls.push({ method: 'lookup', hash });
    return this.stored?.hash === hash ? this.stored : undefined;
  }

  remember(_absolute: string, entry: CacheEntry): void {
    this.calls.push({ method: 'remember', entry });
  }

  forget(): void {
    this.calls.push({ method: 'forget' });
  }
}

/** The worker's side: scan the files it was given, posting each outcome as it is done. */
function serveAsScanWorker(input: WorkerInput): void {
  for (const job of input.files) {
    const cache = input.cache ? new RecordingCache(job.cached) : undefined;
    const outcome = emptyOutcome();
    const options: ScanOptions = {
      configFor: () => input.configs[job.config],
      relativeTo: () => job.relativeFile,
      fix: false,
      dryRun: false,
      fingerprints: input.fingerprints,
      writableRoots: [],
      ...(cache ? { cache } : {}),
    };
    scanFile(job.file, options, outcome);
    threads().parentPort!.postMessage({ index: job.index, outcome, cacheCalls: cache?.calls ?? [] } satisfies WorkerResult);
  }
}

const workerInput = scanWorkerInput();
if (workerInput) serveAsScanWorker(workerInput);
