import { resolve } from 'node:path';
import { analyze, applyOffsetEdits, pinTargetOf, type Settings } from '../engine';
import type { PinTarget } from '../launch/pinnable';
import type { OffsetEdit } from '../core/types';
import type { CliIO } from './io';
import type { CliOptions } from './args';
import type { TargetFile } from '../host/discover';
import { displaySafe } from '../common/displaySafe';
import { readRegularFile } from '../host/readRegularFile';
import { AtomicWriteError, fileVersion, writeFileAtomic } from '../host/atomicWrite';

/**
 * `scan --fix --network --pin`: before the usual safe fixes, every unpinned npm / PyPI
 * package and container image that is still reported (trusted and suppressed ones are not)
 * is pinned to the latest safe version a registry reports. Git sources need a commit the
 * user picks, so they are left alone. A failed lookup leaves that spec unchanged and is
 * reported; nothing else changes. With --dry-run nothing is written.
 */
export interface PinOutcome {
  pinned: Array<{ file: string; name: string; version: string; registry: string }>;
  failed: Array<{ file: string; name: string; error: string }>;
  /** Files whose pins could not be written (why is in `failed`): the run exits 2. */
  unwritten: string[];
}

export interface PinPassOptions {
  /** The settings of each file (its nearest .mcp-hygiene.json). */
  configFor(absolute: string): { settings: Settings };
  dryRun: boolean;
  io: CliIO;
  /** Discovery's writableRoots: a link leading outside them is never written through. */
  writableRoots: readonly string[];
  /** Lookup overrides (tests): timeout, advisory list, home folder. */
  lookup?: Partial<import('../registry').LookupContext>;
  /** The registry lookup itself (tests count the requests in flight); default: registry/lookupPinVersion. */
  lookupVersion?: typeof import('../registry').lookupPinVersion;
  /** Called as lookups finish: (done, total). */
  onProgress?(done: number, total: number): void;
}

/** Registry lookups in flight at once: enough to hide latency, few enough not to look like a flood. */
export const PIN_CONCURRENCY = 8;

interface PinJob {
  file: TargetFile;
  target: PinTarget;
  label: string;
  settings: Settings;
}

export async function pinFiles(files: readonly TargetFile[], options: PinPassOptions): Promise<PinOutcome> {
  // Loaded only here: a scan without --pin never loads the network code.
  const registry = await import('../registry');
  const lookupVersion = options.lookupVersion ?? registry.lookupPinVersion;
  const outcome: PinOutcome = { pinned: [], failed: [], unwritten: [] };
  // ~/.npmrc of the user the CLI runs as (HOME / USERPROFILE of the given environment).
  const home = options.io.env.HOME || options.io.env.USERPROFILE || undefined;

  // What to look up, file by file, in the order the report lists them.
  const reads = new Map<TargetFile, { read: ReturnType<typeof readRegularFile>; bom: string; text: string }>();
  const jobs: PinJob[] = [];
  for (const file of files) {
    const { settings } = options.configFor(file.absolute);
    let read: ReturnType<typeof readRegularFile>;
    try {
      read = readRegularFile(file.absolute, settings.maxFileSize);
    } catch {
      continue; // the scan reports unreadable files
    }
    const bytes = read.bytes.toString('utf8');
    const bom = bytes.startsWith('\uFEFF') ? '\uFEFF' : '';
    const text = bom ? bytes.slice(1) : bytes;
    const analysis = analyze(text, file.absolute, settings);
    if (!analysis) continue;
    reads.set(file, { read, bom, text });
    for (const finding of analysis.findings) {
      const target = pinTargetOf(analysis, finding);
      if (!target || target.kind === 'git') continue;
      jobs.push({ file, target, label: target.kind === 'Docker' ? `${target.name}:${target.tag}` : target.name, settings });
    }
  }

  // The lookups, PIN_CONCURRENCY at a time; results kept by job, so the outcome's order is the jobs' order.
  const results = new Array<{ version: string; registry: string } | { error: string }>(jobs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const { file, target, settings } = jobs[index];
      try {
        results[index] = await lookupVersion(target, {
          settings,
          configFile: file.absolute,
          workspaceFolder: resolve(options.io.cwd),
          env: options.io.env,
          ...(home ? { home } : {}),
          ...options.lookup,
        });
      } catch (error) {
        results[index] = { error: error instanceof registry.RegistryError ? error.message : String(error) };
      }
      options.onProgress?.(++done, jobs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PIN_CONCURRENCY, jobs.length) }, worker));

  for (const [file, { read, bom, text }] of reads) {
    const edits: OffsetEdit[] = [];
    jobs.forEach((job, index) => {
      if (job.file !== file) return;
      const result = results[index];
      if ('error' in result) {
        outcome.failed.push({ file: file.display, name: job.label, error: result.error });
        return;
      }
      const edit = job.target.edit(result.version);
      if (!edit || edits.some((e) => edit.offset < e.offset + e.length && e.offset < edit.offset + edit.length)) return;
      edits.push(edit);
      outcome.pinned.push({ file: file.display, name: job.label, version: result.version, registry: result.registry });
    });
    if (edits.length === 0 || options.dryRun) continue;
    const fixed = applyOffsetEdits(text, edits);
    // Lookups take seconds: an editor may have saved the file meanwhile, which the write detects.
    try {
      writeFileAtomic(file.absolute, Buffer.from(bom + fixed, 'utf8'), {
        display: file.display,
        expected: fileVersion(read.bytes, read.stat),
        roots: options.writableRoots,
      });
    } catch (error) {
      if (!(error instanceof AtomicWriteError)) throw error;
      const pinnedHere = new Set(outcome.pinned.filter((p) => p.file === file.display));
      outcome.pinned = outcome.pinned.filter((p) => !pinnedHere.has(p));
      outcome.failed.push({ file: file.display, name: [...pinnedHere].map((p) => p.name).join(', '), error: error.message });
      outcome.unwritten.push(file.display);
    }
  }
  return outcome;
}

export function describePins(outcome: PinOutcome, options: Pick<CliOptions, 'dryRun'>): string {
  const lines: string[] = [];
  for (const p of outcome.pinned)
    lines.push(displaySafe(`${options.dryRun ? 'Would pin' : 'Pinned'} ${p.name} to ${p.version} in ${p.file} (from ${p.registry})`));
  for (const f of outcome.failed) lines.push(displaySafe(`Cannot pin ${f.name} in ${f.file}: ${f.error}`));
  if (lines.length === 0) lines.push('Nothing to pin: no unpinned npm, PyPI or container image spec is reported.');
  return lines.join('\n') + '\n';
}
