import type { Policy } from '../common/policy';
import { statSync } from 'node:fs';
import { analyze, fixAll, dialectForPath, type Analysis, type Finding, type Fix, type Settings } from '../engine';
import { contentHash, toCachedFinding, type CacheEntry, type ResultCache } from './cache';
import type { TargetFile, SkippedFile } from '../host/discover';
import { fingerprintAll } from './fingerprints';
import { unifiedDiff } from './diff';
import { readRegularFile, UnreadableFileError } from '../host/readRegularFile';
import { AtomicWriteError, fileVersion, writeFileAtomic, type AtomicWriteOptions } from '../host/atomicWrite';

/**
 * A finding as the CLI reports it: the engine's finding plus where it is and its identity.
 * Fixes carry their title and safety only: the reports need no more, and a finding read
 * from the cache (`--cache`) or posted back by a scan worker has no edits.
 */
export interface ReportedFinding extends Omit<Finding, 'fixes'> {
  fixes: Array<Pick<Fix, 'title' | 'safe'>>;
  /** Path as given or found (forward slashes). */
  file: string;
  /** Path relative to the working directory: what SARIF and fingerprints use. */
  relativeFile: string;
  /** Empty unless the run needs fingerprints (SARIF, baselines). */
  fingerprint: string;
}

export interface Notice {
  level: 'warning' | 'error';
  message: string;
  file?: string;
}

export interface FixRecord {
  file: string;
  applied: string[];
  /** With --dry-run: the unified diff (secrets masked) that --fix would apply. */
  diff?: string;
}

export interface ScanOutcome {
  /** Files actually linted. */
  linted: TargetFile[];
  /** Files linted per dialect id (the format each was read as; `generic` = recognised by content). */
  filesByDialect: Record<string, number>;
  findings: ReportedFinding[];
  skipped: SkippedFile[];
  notices: Notice[];
  fixes: FixRecord[];
  /** Files whose fixes could not be written (the reason is in `notices`): the run exits 2. */
  unwritten: string[];
  /** --stdin --fix: the fixed text, when a fix applied. */
  stdinFixed?: string;
}

export interface ScanOptions {
  /** The settings (and policy) each file is linted with: the nearest .mcp-hygiene.json (SettingsResolver). */
  configFor(absolute: string): { settings: Settings; policy?: Policy };
  fix: boolean;
  dryRun: boolean;
  relativeTo: (absolute: string) => string;
  /** Fingerprints cost a hash per finding: only SARIF and baselines need them. */
  fingerprints: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Discovery's writableRoots: --fix never writes through a link leading outside them. */
  writableRoots: readonly string[];
  /** `--cache`: results of unchanged files are reused (not with --fix) and this run's are stored. */
  cache?: ScanCache;
}

/** What a scan asks of the cache: the ResultCache, or in a scan worker a recorder of the calls for the main thread to replay. */
export type ScanCache = Pick<ResultCache, 'lookup' | 'remember' | 'forget'>;

/**
 * For tests: `onLint` is called before each file is linted, so a test can tell a cached file
 * from a linted one; `write` replaces the write call of --fix (a full disk, a concurrent edit).
 */
export const scanHooks: { onLint?: (absolute: string) => void; write?: AtomicWriteOptions['write'] } = {};

const BINARY_SNIFF_BYTES = 8000;

/**
 * Reads, lints and (with --fix) fixes each file. All linting goes through the engine; this
 * is I/O only. A file that cannot be linted is skipped with its reason, never dropped.
 */
export function scanFiles(files: readonly TargetFile[], options: ScanOptions): ScanOutcome {
  const outcome = emptyOutcome();
  files.forEach((file, index) => {
    options.onProgress?.(index, files.length);
    scanFile(file, options, outcome);
  });
  options.onProgress?.(files.length, files.length);
  return outcome;
}

export function emptyOutcome(): ScanOutcome {
  return { linted: [], filesByDialect: {}, findings: [], skipped: [], notices: [], fixes: [], unwritten: [] };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads, lints and (with --fix) fixes one file, adding what it found to `outcome`. The one
 * per-file step: scanFiles runs it file after file, a scan worker (scanWorkers.ts) on its
 * share of the files.
 */
export function scanFile(file: TargetFile, options: ScanOptions, outcome: ScanOutcome): void {
  const cache = options.cache;
  const { settings, policy } = options.configFor(file.absolute);
  // A file read only because its name mentions MCP was a guess: when it is not a config, say nothing.
  const skip = (reason: string) => void (file.byContent || outcome.skipped.push({ file: file.display, reason }));
  // Skipped before its content is known: whatever the cache held for it no longer applies.
  const skipUnread = (reason: string) => {
    cache?.forget(file.absolute);
    skip(reason);
  };
  let read: { bytes: Buffer; stat?: ReturnType<typeof readRegularFile>['stat'] };
  try {
    // Regular files only, read up to maxFileSize: the file may have become a FIFO since discovery.
    read = file.stdin ? { bytes: file.stdin, stat: undefined } : readRegularFile(file.absolute, settings.maxFileSize);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return skipUnread(error.reason === 'too-large' ? tooLargeReason(file.absolute, settings.maxFileSize) : error.message);
  }
  const bytes = read.bytes;
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return skipUnread('binary file');
  let decoded: string;
  try {
    decoded = UTF8.decode(bytes);
  } catch {
    return skipUnread('not UTF-8 text');
  }
  const relativeFile = options.relativeTo(file.absolute);
  const hash = cache ? contentHash(decoded) : '';
  // --fix needs the fixes' edits, which the cache does not keep: it always lints.
  if (cache && !options.fix) {
    const entry = cache.lookup(file.absolute, hash);
    if (entry && 'skip' in entry) return skip(entry.skip);
    // Fingerprints depend on the path relative to the working directory: reused only for the same one.
    if (entry && (!options.fingerprints || entry.fingerprints?.relativeFile === relativeFile)) {
      linted(outcome, file, entry.dialect);
      entry.findings.forEach((finding, i) =>
        outcome.findings.push({ ...finding, file: file.display, relativeFile, fingerprint: options.fingerprints ? entry.fingerprints!.values[i] : '' }),
      );
      return;
    }
  }
  // The BOM is not part of the text the engine (or an editor) positions against; it is
  // written back untouched by --fix.
  const bom = decoded.startsWith('\uFEFF') ? '\uFEFF' : '';
  let text = bom ? decoded.slice(1) : decoded;
  let ruleFailed = false;
  const onRuleError = (ruleId: string, error: unknown) => {
    ruleFailed = true;
    outcome.notices.push({
      level: 'error',
      file: file.display,
      message: `Rule ${ruleId} failed on ${file.display}: ${error instanceof Error ? error.message : String(error)}. Its findings for this file are missing.`,
    });
  };
  // The cache stores the result for the text on disk once the file is done with (after
  // --fix). A failed rule is not stored: the next run tries again and reports the failure.
  const store = (entry: CacheEntry) => (ruleFailed ? cache?.forget(file.absolute) : cache?.remember(file.absolute, entry));
  const report = (analysis: Analysis, onDisk: string) => {
    linted(outcome, file, analysis.dialect.id);
    // As plain data, fix titles without their edits: all the reports use, what the cache
    // keeps, and what a scan worker can post back.
    const findings = analysis.findings.map(toCachedFinding);
    const fingerprints = options.fingerprints ? fingerprintAll(analysis.findings, relativeFile, analysis.doc) : [];
    findings.forEach((finding, i) => outcome.findings.push({ ...finding, file: file.display, relativeFile, fingerprint: fingerprints[i] ?? '' }));
    if (cache) {
      store({
        hash: onDisk === decoded ? hash : contentHash(onDisk),
        dialect: analysis.dialect.id,
        findings,
        ...(options.fingerprints ? { fingerprints: { relativeFile, values: fingerprints } } : {}),
      });
    }
  };
  scanHooks.onLint?.(file.absolute);
  const lintOptions = { onRuleError, ...(policy ? { policy } : {}) };
  let analysis = analyze(text, file.absolute, settings, lintOptions);
  if (!analysis) {
    const byPath = dialectForPath(file.absolute);
    const reason = byPath
      ? `${byPath.displayName} config, but ${byPath.syntax.toUpperCase()} files cannot be read yet`
      : 'not an MCP config (no client uses this file name and it has no servers key)';
    store({ hash, skip: reason });
    return skip(reason);
  }
  if (options.fix) {
    const result = fixAll(text, file.absolute, settings, lintOptions, analysis);
    if (result.text !== text && result.applied.length > 0) {
      if (file.stdin && !options.dryRun) {
        outcome.fixes.push({ file: file.display, applied: result.applied });
        outcome.stdinFixed = bom + result.text;
        text = result.text;
        analysis = result.analysis ?? analysis;
      } else if (options.dryRun) {
        const secrets = analysis.findings.filter((f) => f.category === 'secret').map((f) => unquote(textAt(text, analysis!.doc.lines, f)));
        outcome.fixes.push({ file: file.display, applied: result.applied, diff: unifiedDiff(file.display, text, result.text, secrets) });
      } else {
        try {
          writeFileAtomic(file.absolute, Buffer.from(bom + result.text, 'utf8'), {
            display: file.display,
            expected: fileVersion(bytes, read.stat!),
            roots: options.writableRoots,
            write: scanHooks.write,
          });
        } catch (error) {
          if (!(error instanceof AtomicWriteError)) throw error;
          // The file is as it was read: its findings stand, and none is reported as fixed.
          outcome.notices.push({ level: 'error', file: file.display, message: error.message });
          outcome.unwritten.push(file.display);
          return report(analysis, decoded);
        }
        outcome.fixes.push({ file: file.display, applied: result.applied });
        text = result.text;
        analysis = result.analysis ?? analysis;
      }
    }
  }
  report(analysis, bom + text);
}

/** The skip reason for a file over maxFileSize, with its size when it can still be told. */
function tooLargeReason(path: string, maxFileSize: number): string {
  let size: number | undefined;
  try {
    size = statSync(path).size;
  } catch {
    size = undefined;
  }
  return size === undefined ? `too large (maxFileSize is ${maxFileSize})` : `too large (${size} bytes; maxFileSize is ${maxFileSize})`;
}

function linted(outcome: ScanOutcome, file: TargetFile, dialect: string): void {
  outcome.linted.push(file);
  outcome.filesByDialect[dialect] = (outcome.filesByDialect[dialect] ?? 0) + 1;
}

function textAt(text: string, lines: { offsetAt(p: Finding['range']['start']): number }, finding: Finding): string {
  return text.slice(lines.offsetAt(finding.range.start), lines.offsetAt(finding.range.end));
}

function unquote(text: string): string {
  return text.replace(/^(["'])([\s\S]*)\1$/, '$2');
}
