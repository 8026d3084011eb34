import type { Policy } from '../common/policy';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { analyze, fixAll, dialectForPath, type Finding, type Settings } from '../engine';
import type { TargetFile, SkippedFile } from './discover';
import { fingerprintAll } from './fingerprints';
import { unifiedDiff } from './diff';

/** A finding as the CLI reports it: the engine's finding plus where it is and its identity. */
export interface ReportedFinding extends Finding {
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
}

export interface ScanOptions {
  settings: Settings;
  fix: boolean;
  dryRun: boolean;
  relativeTo: (absolute: string) => string;
  /** Fingerprints cost a hash per finding: only SARIF and baselines need them. */
  fingerprints: boolean;
  onProgress?: (done: number, total: number) => void;
  /** The organisation policy (`policyFile`), read by the caller. */
  policy?: Policy;
}

const BINARY_SNIFF_BYTES = 8000;

/**
 * Reads, lints and (with --fix) fixes each file. All linting goes through the engine; this
 * is I/O only. A file that cannot be linted is skipped with its reason, never dropped.
 */
export function scanFiles(files: readonly TargetFile[], options: ScanOptions): ScanOutcome {
  const outcome: ScanOutcome = { linted: [], filesByDialect: {}, findings: [], skipped: [], notices: [], fixes: [] };
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  files.forEach((file, index) => {
    options.onProgress?.(index, files.length);
    const skip = (reason: string) => outcome.skipped.push({ file: file.display, reason });
    let bytes: Buffer;
    try {
      const size = statSync(file.absolute).size;
      if (size > options.settings.maxFileSize) return skip(`too large (${size} bytes; maxFileSize is ${options.settings.maxFileSize})`);
      bytes = readFileSync(file.absolute);
    } catch (error) {
      return skip(`not readable (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return skip('binary file');
    let decoded: string;
    try {
      decoded = decoder.decode(bytes);
    } catch {
      return skip('not UTF-8 text');
    }
    // The BOM is not part of the text the engine (or an editor) positions against; it is
    // written back untouched by --fix.
    const bom = decoded.startsWith('\uFEFF') ? '\uFEFF' : '';
    let text = bom ? decoded.slice(1) : decoded;
    const onRuleError = (ruleId: string, error: unknown) =>
      outcome.notices.push({ level: 'error', file: file.display, message: `Rule ${ruleId} failed on ${file.display}: ${error instanceof Error ? error.message : String(error)}. Its findings for this file are missing.` });
    let analysis = analyze(text, file.absolute, options.settings, { onRuleError, ...(options.policy ? { policy: options.policy } : {}) });
    if (!analysis) {
      const byPath = dialectForPath(file.absolute);
      return skip(byPath ? `${byPath.displayName} config, but ${byPath.syntax.toUpperCase()} files cannot be read yet` : 'not an MCP config (no client uses this file name and it has no servers key)');
    }
    if (options.fix) {
      const result = fixAll(text, file.absolute, options.settings);
      if (result.text !== text && result.applied.length > 0) {
        if (options.dryRun) {
          const secrets = analysis.findings.filter((f) => f.category === 'secret').map((f) => unquote(textAt(text, analysis!.doc.lines, f)));
          outcome.fixes.push({ file: file.display, applied: result.applied, diff: unifiedDiff(file.display, text, result.text, secrets) });
        } else {
          try {
            writeFileSync(file.absolute, bom + result.text);
          } catch (error) {
            outcome.notices.push({ level: 'error', file: file.display, message: `Cannot write the fixes to ${file.display}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.` });
            linted(outcome, file, analysis.dialect.id);
            pushFindings(outcome, file, options, analysis);
            return;
          }
          outcome.fixes.push({ file: file.display, applied: result.applied });
          text = result.text;
          analysis = analyze(text, file.absolute, options.settings, { onRuleError, ...(options.policy ? { policy: options.policy } : {}) }) ?? analysis;
        }
      }
    }
    linted(outcome, file, analysis.dialect.id);
    pushFindings(outcome, file, options, analysis);
  });
  options.onProgress?.(files.length, files.length);
  return outcome;
}

function linted(outcome: ScanOutcome, file: TargetFile, dialect: string): void {
  outcome.linted.push(file);
  outcome.filesByDialect[dialect] = (outcome.filesByDialect[dialect] ?? 0) + 1;
}

function pushFindings(outcome: ScanOutcome, file: TargetFile, options: ScanOptions, analysis: NonNullable<ReturnType<typeof analyze>>): void {
  const relativeFile = options.relativeTo(file.absolute);
  const fingerprints = options.fingerprints ? fingerprintAll(analysis.findings, relativeFile, analysis.doc) : [];
  analysis.findings.forEach((finding, i) => outcome.findings.push({ ...finding, file: file.display, relativeFile, fingerprint: fingerprints[i] ?? '' }));
}

function textAt(text: string, lines: { offsetAt(p: Finding['range']['start']): number }, finding: Finding): string {
  return text.slice(lines.offsetAt(finding.range.start), lines.offsetAt(finding.range.end));
}

function unquote(text: string): string {
  return text.replace(/^(["'])([\s\S]*)\1$/, '$2');
}
