import { writeFileSync } from 'node:fs';
import { hostname, homedir } from 'node:os';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { dialectForPath, matchesIgnorePattern, RULES, type Settings, type Severity } from '../engine';
import { IoError, parseCliArgs, USAGE, type CliOptions, type FailOn } from './args';
import { UsageError } from '../host/usageError';
import { applyBaseline, readBaseline, writeBaseline } from './baseline';
import { SettingsResolver } from './config';
import { compareStrings, discover, type Discovery, type TargetFile } from '../host/discover';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import { COLORS, PLAIN, packageVersion, processIO, useColor, type CliIO } from './io';
import { scanFiles, type FixRecord, type Notice, type ScanOptions, type ScanOutcome } from './scan';
import { SCAN_WORKERS_CAN_START, scanFilesInParallel, scanWorkerCount } from './scanWorkers';
import { cacheKey, resolveCacheLocation, ResultCache } from './cache';
import { describePins, pinFiles } from './pin';
import { displaySafe } from '../common/displaySafe';
import { runPolicyCommand } from './policyExport';

/** Exit codes, documented in docs/cli.md. */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 1 };
const THRESHOLD: Record<FailOn, number> = { error: 3, warning: 2, note: 1, none: Number.POSITIVE_INFINITY };

/**
 * Runs the CLI and returns its exit code. Never calls process.exit, so tests run it
 * in-process with their own IO; the bundle's entry point (mainAsync) sets process.exitCode.
 * Scans in this thread only: worker threads need the bundle and an event loop.
 */
export function main(argv: readonly string[], io: CliIO = processIO()): number {
  try {
    const run = prepareRun(argv, io);
    return typeof run === 'number' ? run : finishRun(run, scanFiles(run.files, run.scanOptions), io);
  } catch (error) {
    return reportError(error, io);
  }
}

/**
 * `main` as the bundle runs it: a report scan (not --fix, not --stdin) of many files runs on
 * worker threads (scanWorkers.ts), with the same output.
 */
async function mainWithWorkers(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const run = prepareRun(argv, io);
    if (typeof run === 'number') return run;
    const workers = scanWorkerCount(run.files.length, io.env);
    // --fix and --stdin scan in one thread: fixes are written file by file, stdin is one file.
    const parallel = workers > 0 && !run.options.fix && !run.options.stdin && SCAN_WORKERS_CAN_START;
    const outcome = parallel ? await scanFilesInParallel(run.files, run.scanOptions, workers) : scanFiles(run.files, run.scanOptions);
    return finishRun(run, outcome, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIO): number {
  if (error instanceof UsageError) {
    io.stderr.write(`mcp-hygiene: ${displaySafe(error.message)}\nRun "mcp-hygiene --help" for usage.\n`);
    return EXIT_ERROR;
  }
  if (error instanceof IoError) {
    io.stderr.write(`mcp-hygiene: ${displaySafe(error.message)}\n`);
    return EXIT_ERROR;
  }
  io.stderr.write(internalErrorMessage(error, io.env));
  return EXIT_ERROR;
}

/**
 * One line for a bug, so a hostile input cannot flood a CI log; the stack trace only with
 * MCP_HYGIENE_DEBUG set (any value but empty or 0).
 */
export function internalErrorMessage(error: unknown, env: CliIO['env']): string {
  const debug = env.MCP_HYGIENE_DEBUG !== undefined && env.MCP_HYGIENE_DEBUG !== '' && env.MCP_HYGIENE_DEBUG !== '0';
  if (debug && error instanceof Error && error.stack) return `mcp-hygiene: internal error: ${error.stack}\n`;
  const summary = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `mcp-hygiene: internal error: ${summary.split('\n')[0].slice(0, 500)}. Please report it; set MCP_HYGIENE_DEBUG=1 for the stack trace.\n`;
}

/**
 * The CLI's entry point: `main` with worker threads for large scans, preceded by the pin pass
 * when `--pin` is given (registry lookups are asynchronous; everything else stays synchronous
 * and in-process testable through `main`).
 */
export async function mainAsync(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch {
    return main(argv, io); // reports the usage error
  }
  let pinWriteFailed = false;
  if (options.command === 'scan' && options.pin) {
    try {
      const resolver = new SettingsResolver(options, io.cwd);
      const { settings } = resolver.base;
      const discovery = discoverTargets(options, settings, io);
      const onProgress = options.quiet ? undefined : progressReporter(io, 'Resolving', 'packages');
      const outcome = await pinFiles(discovery.files, {
        configFor: (absolute) => resolver.forFile(absolute),
        dryRun: options.dryRun,
        io,
        writableRoots: discovery.writableRoots,
        ...(onProgress ? { onProgress } : {}),
      });
      const machineOnStdout = options.format !== 'text' && options.output === undefined;
      (machineOnStdout ? io.stderr : io.stdout).write(describePins(outcome, options));
      pinWriteFailed = outcome.unwritten.length > 0;
    } catch (error) {
      if (!(error instanceof UsageError || error instanceof IoError)) throw error;
      // mainWithWorkers() reports it below.
    }
  }
  const code = await mainWithWorkers(argv, io);
  return pinWriteFailed ? EXIT_ERROR : code;
}

/** A scan between prepareRun and finishRun: what was asked, what was found to scan, and how. */
interface PreparedScan {
  options: CliOptions;
  resolver: SettingsResolver;
  discovery: Discovery;
  files: TargetFile[];
  scanOptions: ScanOptions & { cache?: ResultCache };
}

/** Runs every command but scan, returning its exit code; for scan, everything before the files are scanned. */
function prepareRun(argv: readonly string[], io: CliIO): number | PreparedScan {
  if (argv[0] === 'policy') return runPolicyCommand(argv.slice(1), io);
  const options = parseCliArgs(argv);
  if (options.command === 'help') {
    io.stdout.write(USAGE);
    return EXIT_CLEAN;
  }
  if (options.command === 'version') {
    io.stdout.write(packageVersion() + '\n');
    return EXIT_CLEAN;
  }
  if (options.command === 'list-rules') {
    io.stdout.write(listRules(options, useColor(io.stdout, io.env, options.color)));
    return EXIT_CLEAN;
  }

  const resolver = new SettingsResolver(options, io.cwd);
  if (options.command === 'print-config') {
    io.stdout.write(printConfig(resolver, resolve(io.cwd, options.printConfig!), options.printConfig!));
    return EXIT_CLEAN;
  }
  const { settings } = resolver.base;
  const discovery = options.stdin
    ? { files: [stdinTarget(options, io, settings.maxFileSize)], skipped: [], writableRoots: [] }
    : discoverTargets(options, settings, io);
  // A nested .mcp-hygiene.json's ignoredPaths apply below its own folder (the walk used the base one's).
  const files = discovery.files.filter((file) => file.explicit || !ignoredByOwnSettings(resolver, file));
  const relativeTo = (absolute: string) => {
    const rel = relative(io.cwd, absolute);
    return sep === '\\' ? rel.replace(/\\/g, '/') : rel;
  };
  const fingerprints = options.format === 'sarif' || options.baseline !== undefined || options.writeBaseline !== undefined;
  const configFor = (absolute: string) => resolver.forFile(absolute);
  files.forEach((file) => configFor(file.absolute)); // every settings file of the run is known before the cache key is made
  const cache = options.cache
    ? new ResultCache(
        resolveCacheLocation(io.cwd, options.cacheLocation),
        cacheKey(resolver.used().map(({ settings: s, policy }) => ({ settings: s, policy }))),
      )
    : undefined;
  const scanOptions = {
    configFor,
    fix: options.fix,
    dryRun: options.dryRun,
    writableRoots: discovery.writableRoots,
    relativeTo,
    fingerprints,
    onProgress: progressReporter(io),
    ...(cache ? { cache } : {}),
  };
  return { options, resolver, discovery, files, scanOptions };
}

/** Everything after the scan: the cache, the report, the exit code. */
function finishRun({ options, resolver, discovery, scanOptions: { cache } }: PreparedScan, outcome: ScanOutcome, io: CliIO): number {
  // A cache that cannot be written costs speed, not correctness: one warning, not in the report.
  const cacheProblem = cache?.save();
  if (cacheProblem) io.stderr.write(`warning: ${displaySafe(cacheProblem)}\n`);
  const notices: Notice[] = resolver.used().flatMap((config) => config.problems.map((message): Notice => ({ level: 'warning', message })));
  notices.push(...outcome.notices);
  const skipped = [...discovery.skipped, ...outcome.skipped].sort((a, b) => compareStrings(a.file, b.file));
  if (options.stdin && outcome.linted.length === 0) {
    const reason = skipped[0]?.reason ?? 'not an MCP config';
    throw new UsageError(
      `Standard input was not linted: ${reason}.${options.stdinFilename ? '' : ' Give --stdin-filename <path> so the path decides the client.'}`,
    );
  }
  // --stdin --fix (as ruff): the fixed text is the output; the report and what was fixed go to stderr.
  const stdinFix = options.stdin && options.fix && !options.dryRun;

  // Baselines: --write-baseline accepts everything found now; --baseline hides what it accepts.
  let findings = outcome.findings;
  let baselineAccepted = 0;
  if (options.writeBaseline) {
    writeBaseline(
      resolve(io.cwd, options.writeBaseline),
      findings.map((f) => ({ file: f.relativeFile, ruleId: f.ruleId, server: f.server, fingerprint: f.fingerprint })),
    );
    io.stderr.write(`Wrote the baseline ${options.writeBaseline} (${findings.length} finding${findings.length === 1 ? '' : 's'} accepted).\n`);
    baselineAccepted = findings.length;
    findings = [];
  } else if (options.baseline) {
    const accepted = readBaseline(resolve(io.cwd, options.baseline), options.baseline);
    const { fresh, known } = applyBaseline(findings, accepted);
    findings = fresh;
    baselineAccepted = known.length;
  }

  if (options.quiet) findings = findings.filter((f) => f.severity === 'error');

  // What --fix did goes to stdout unless stdout carries a machine-readable report.
  const machineOnStdout = options.format !== 'text' && options.output === undefined;
  const fixStream = machineOnStdout || stdinFix ? io.stderr : io.stdout;
  if (options.fix) fixStream.write(describeFixes(outcome.fixes, options));

  for (const notice of notices) io.stderr.write(`${notice.level}: ${displaySafe(notice.message)}\n`);

  const report = {
    findings,
    skipped,
    notices,
    lintedCount: outcome.linted.length,
    filesByDialect: outcome.filesByDialect,
    baselineAccepted,
    cwd: io.cwd,
    ...(options.machine ? { machine: machineOf(io) } : {}),
  };
  const output =
    options.format === 'json'
      ? formatJson(report)
      : options.format === 'sarif'
        ? formatSarif(report, packageVersion())
        : options.format === 'github'
          ? formatGithub(report)
          : formatText(report, useColor(options.output === undefined ? (stdinFix ? io.stderr : io.stdout) : undefined, io.env, options.color) ? COLORS : PLAIN);
  if (options.output !== undefined) {
    try {
      // Links are followed on purpose: `-o /dev/stdout` is a common idiom, and the name is the user's.
      writeFileSync(resolve(io.cwd, options.output), output);
    } catch (error) {
      throw new IoError(`Cannot write the report to ${options.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
    }
  } else {
    (stdinFix ? io.stderr : io.stdout).write(output);
  }
  if (stdinFix) io.stdout.write(outcome.stdinFixed ?? discovery.files[0].stdin!.toString('utf8'));

  // Fixes that could not be written are an I/O error, whatever was found.
  if (outcome.unwritten.length > 0) return EXIT_ERROR;
  const threshold = THRESHOLD[options.failOn];
  // With --max-warnings, warnings count against their budget instead of failing one by one.
  const failing = findings.filter((f) => SEVERITY_RANK[f.severity] >= threshold && !(options.maxWarnings !== undefined && f.severity === 'warning'));
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const overBudget = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (overBudget) io.stderr.write(`${warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
  return failing.length > 0 || overBudget ? EXIT_FINDINGS : EXIT_CLEAN;
}

/**
 * --stdin: standard input as one file at --stdin-filename (resolved against the working
 * directory: the path decides the client and the settings), or, without it, a file no client
 * claims, read by its content. Bounded like a file (maxFileSize).
 */
function stdinTarget(options: CliOptions, io: CliIO, maxFileSize: number): TargetFile {
  if (!io.readStdin) throw new IoError('Standard input cannot be read here.');
  const bytes = io.readStdin(maxFileSize);
  if (!bytes) throw new IoError(`Standard input is larger than maxFileSize (${maxFileSize} bytes). Raise maxFileSize in the settings to lint it.`);
  const given = options.stdinFilename;
  return { absolute: resolve(io.cwd, given ?? STDIN_NAME), display: given ? given.replace(/\\/g, '/') : STDIN_NAME, explicit: true, stdin: bytes };
}

/** The name standard input is shown and linted under without --stdin-filename: no client claims it. */
const STDIN_NAME = '<stdin>';

/** Whether the file's own (nested) settings file ignores it; the walk only applied the base one's ignoredPaths. */
function ignoredByOwnSettings(resolver: SettingsResolver, file: TargetFile): boolean {
  const own = resolver.forFile(file.absolute);
  if (own === resolver.base || !own.configFile || own.settings.ignoredPaths.length === 0) return false;
  const fromOwnFolder = relative(dirname(own.configFile), file.absolute).split(sep).join('/');
  return own.settings.ignoredPaths.some((pattern) => matchesIgnorePattern(pattern, fromOwnFolder));
}

/** The host and the user whose home the scan read (HOME / USERPROFILE, as the user-config discovery uses). */
function machineOf(io: CliIO): { host: string; user: string; home: string } {
  const home = io.env.HOME || io.env.USERPROFILE || homedir();
  return { host: hostname(), user: basename(home), home };
}

/** --print-config: the settings that apply to `file`, where they come from, and the client its path names. */
function printConfig(resolver: SettingsResolver, absolute: string, given: string): string {
  const config = resolver.forFile(absolute);
  const dialect = dialectForPath(absolute);
  const problems = config.problems.length ? { problems: config.problems } : {};
  // A registry URL may carry a credential: never printed.
  const settings = JSON.parse(
    JSON.stringify(config.settings, (_key, value: unknown) => (typeof value === 'string' ? value.replace(/(\/\/[^/:@\s]*:)[^@/\s]+@/, '$1***@') : value)),
  ) as unknown;
  return JSON.stringify({ file: given, configFile: config.configFile ?? null, client: dialect?.id ?? null, ...problems, settings }, null, 2) + '\n';
}

function describeFixes(fixes: readonly FixRecord[], options: CliOptions): string {
  if (fixes.length === 0) return options.dryRun ? 'No safe fixes to apply.\n' : 'Nothing to fix: no safe fixes apply.\n';
  const lines: string[] = [];
  for (const record of fixes) {
    if (options.dryRun) {
      lines.push(record.diff ?? '');
    } else {
      lines.push(`Fixed ${displaySafe(record.file)}:`);
      for (const title of record.applied) lines.push(`  - ${displaySafe(title)}`);
    }
  }
  if (!options.dryRun) lines.push('');
  return lines.join('\n') + (options.dryRun ? '' : '\n');
}

function listRules(options: CliOptions, color: boolean): string {
  if (options.format === 'json') {
    return (
      JSON.stringify(
        RULES.map((r) => ({
          id: r.id,
          category: r.meta.category,
          defaultSeverity: r.meta.defaultSeverity,
          fixable: r.meta.fixable,
          description: r.meta.description,
        })),
        null,
        2,
      ) + '\n'
    );
  }
  const palette = color ? COLORS : PLAIN;
  const width = Math.max(...RULES.map((r) => r.id.length));
  const lines = RULES.map(
    (r) =>
      `${palette.bold(r.id.padEnd(width))}  ${r.meta.category.padEnd(12)}  ${r.meta.defaultSeverity.padEnd(11)}  ${r.meta.fixable ? 'fixable' : '       '}  ${r.meta.description}`,
  );
  return lines.join('\n') + '\n';
}

/**
 * "Scanning 120/400 files…" (or "Resolving 12/40 packages…" for --pin) on one rewritten
 * stderr line, only on a terminal and only once a run has taken a moment, so quick runs and
 * CI logs stay clean.
 */
function progressReporter(io: CliIO, verb = 'Scanning', noun = 'files'): ((done: number, total: number) => void) | undefined {
  if (io.stderr.isTTY !== true) return undefined;
  const started = Date.now();
  let shown = false;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done >= total) {
      if (shown) io.stderr.write('\r\u001b[K');
      return;
    }
    if (now - started < 300 || now - last < 100) return;
    last = now;
    shown = true;
    io.stderr.write(`\r${verb} ${done}/${total} ${noun}…`);
  };
}

/** The files the command line names (paths, globs, --user-configs), less the excluded and ignored ones. */
function discoverTargets(options: CliOptions, settings: Settings, io: CliIO): Discovery {
  return discover({
    cwd: io.cwd,
    paths: options.paths,
    exclude: [...options.exclude, ...settings.ignoredPaths],
    include: settings.additionalFiles,
    gitignore: options.gitignore,
    userConfigs: options.userConfigs,
    env: io.env,
  });
}
