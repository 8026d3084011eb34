import { UsageError } from '../host/usageError';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MAX_GLOB_COUNT, MAX_GLOB_LENGTH, RULE_LEVELS, type RuleLevel } from '../common/settings';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** `note` = information and hint; `none` never fails. */
export const FAIL_ON = ['error', 'warning', 'note', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface CliOptions {
  command: 'scan' | 'help' | 'version' | 'list-rules' | 'print-config';
  paths: string[];
  format: Format;
  output?: string;
  failOn: FailOn;
  /** --quiet: report errors only (as eslint --quiet); the exit code then follows errors only. */
  quiet: boolean;
  /** --max-warnings N: warnings fail the run only when there are more than N (as eslint). */
  maxWarnings?: number;
  fix: boolean;
  dryRun: boolean;
  baseline?: string;
  writeBaseline?: string;
  /** `--rule id=level`, in the order given (a later one wins). */
  rules: Array<{ id: string; level: RuleLevel }>;
  config?: string;
  network: boolean;
  /** With --fix and --network: also pin unpinned packages and images to the latest safe version. */
  pin: boolean;
  userConfigs: boolean;
  /** --machine: this machine's user-level configs only (as --user-configs without the working directory); JSON reports name the host. */
  machine: boolean;
  exclude: string[];
  gitignore: boolean;
  /** --cache: reuse the findings of files unchanged since the last cached run. */
  cache: boolean;
  /** --cache-location as given (a file, or a folder for `.mcp-hygiene-cache`); undefined = the default. */
  cacheLocation?: string;
  /** --color / --no-color: overrides the terminal, NO_COLOR and FORCE_COLOR detection. */
  color?: boolean;
  /** --stdin: lint standard input instead of files (as eslint and ruff). */
  stdin: boolean;
  /** --stdin-filename: the path standard input stands for (it decides the client and the settings). */
  stdinFilename?: string;
  /** --print-config FILE: the file whose effective settings are printed. */
  printConfig?: string;
}

/** A file the CLI must read or write failed (exit code 2). */
export class IoError extends Error {}

export const USAGE = `Usage: mcp-hygiene scan [options] [paths or globs...]
       mcp-hygiene policy export --target <client> --policy <file> [--output <file>]

Lints MCP server configuration files (VS Code, Claude, Cursor and other clients) for
unpinned servers, plaintext secrets and excessive permissions. Directories are walked
for every known client's config file names (default: the current directory), honouring
.gitignore; a file named explicitly is linted whatever its name.

Output
  -f, --format <text|json|sarif|github>
                                  report format (default: text; github: Actions annotations)
  -o, --output <file>             write the report to a file instead of stdout
      --fail-on <level>           error | warning | note | none (default: warning);
                                  exit 1 when a finding at or above it is reported
      --max-warnings <n>          warnings fail the run only when there are more than n
      --quiet                     report errors only

Fixing
      --fix                       apply the safe fixes in place (as fix-all in the editor)
      --dry-run                   with --fix: print a unified diff, change nothing
      --pin                       with --fix --network: also pin unpinned npm/PyPI
                                  packages and images to the latest safe version

Baselines
      --baseline <file>           report only findings not recorded in this baseline
      --write-baseline <file>     record the current findings as accepted

Input
      --stdin                     lint standard input; with --fix, print the fixed text
                                  on stdout and the remaining findings on stderr
      --stdin-filename <path>     the path standard input stands for (decides the client
                                  and the settings; without it the content must show it)

Configuration
      --config <file>             settings file for every file (default: the nearest
                                  .mcp-hygiene.json above each file, up to the git root)
      --print-config <file>       print the settings that apply to <file> as JSON
      --rule <id=level>           off | error | warning | information | hint (repeatable)
      --exclude <glob>            skip matching files and folders (repeatable)
      --no-gitignore              do not honour .gitignore files
      --user-configs              also lint this machine's user-level client configs
      --machine                   lint only this machine's user-level configs (for MDM
                                  collection: the JSON report names the host and user)
      --network                   allow registry lookups (off by default)

Caching
      --cache                     reuse the findings of files unchanged since the last
                                  --cache run (not with --fix, which always lints)
      --cache-location <path>     the cache file, or a folder for it
                                  (default: ./.mcp-hygiene-cache)

Other
      --color, --no-color         force coloured output on or off (default: on a terminal,
                                  unless NO_COLOR is set)
      --list-rules                list the rules (with --format json: as JSON)
  -v, --version                   print the version
  -h, --help                      print this help

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage or I/O error. Docs: https://github.com/mcp-hygiene/mcp-hygiene/blob/main/docs/cli.md
`;

function count(value: string, flag: string): number {
  if (/^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  throw new UsageError(`${flag} needs a whole number of 0 or more (got "${value}").`);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Invalid value for ${flag}: "${value}". Expected one of: ${allowed.join(', ')}.`);
}

/**
 * node's parseArgs with positionals, strict, and its errors as UsageError (node's
 * unknown-option message goes on about '--' positionals: its first sentence is kept).
 */
export function parseArgsOrUsage<const T extends NonNullable<ParseArgsConfig['options']>>(
  argv: readonly string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: T }>> {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError((error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? message.split('. ')[0] + '.' : message);
  }
}

/** Parses argv (without node and the script). Throws UsageError on anything it cannot accept. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const parsed = parseArgsOrUsage(argv, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string' },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean' },
    fix: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    rule: { type: 'string', multiple: true },
    config: { type: 'string' },
    network: { type: 'boolean' },
    pin: { type: 'boolean' },
    'user-configs': { type: 'boolean' },
    machine: { type: 'boolean' },
    exclude: { type: 'string', multiple: true },
    'no-gitignore': { type: 'boolean' },
    cache: { type: 'boolean' },
    'cache-location': { type: 'string' },
    'list-rules': { type: 'boolean' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    stdin: { type: 'boolean' },
    'stdin-filename': { type: 'string' },
    'print-config': { type: 'string' },
    version: { type: 'boolean', short: 'v' },
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  const format = oneOf(values.format ?? 'text', FORMATS, '--format');
  const base: CliOptions = {
    command: 'scan',
    paths: [],
    format,
    output: values.output,
    failOn: oneOf(values['fail-on'] ?? 'warning', FAIL_ON, '--fail-on'),
    quiet: values.quiet ?? false,
    ...(values['max-warnings'] !== undefined ? { maxWarnings: count(values['max-warnings'], '--max-warnings') } : {}),
    fix: values.fix ?? false,
    dryRun: values['dry-run'] ?? false,
    baseline: values.baseline,
    writeBaseline: values['write-baseline'],
    rules: (values.rule ?? []).map(parseRuleFlag),
    config: values.config,
    network: values.network ?? false,
    pin: values.pin ?? false,
    userConfigs: (values['user-configs'] ?? false) || (values.machine ?? false),
    machine: values.machine ?? false,
    exclude: values.exclude ?? [],
    gitignore: !values['no-gitignore'],
    cache: values.cache ?? false,
    cacheLocation: values['cache-location'],
    ...(values.color || values['no-color'] ? { color: values.color === true } : {}),
    stdin: values.stdin ?? false,
    stdinFilename: values['stdin-filename'],
    printConfig: values['print-config'],
  };
  if (values.color && values['no-color']) throw new UsageError('--color and --no-color contradict each other: give one.');
  if (values.help) return { ...base, command: 'help' };
  if (values.version) return { ...base, command: 'version' };
  if (values['list-rules']) return { ...base, command: 'list-rules' };
  if (base.printConfig !== undefined) {
    if (base.printConfig.trim() === '') throw new UsageError('--print-config needs a file name.');
    return { ...base, command: 'print-config' };
  }
  if (positionals.length === 0) throw new UsageError('Missing command: try "mcp-hygiene scan".');
  const [command, ...paths] = positionals;
  if (command !== 'scan') throw new UsageError(`Unknown command "${command}": use "scan" or "policy export".`);
  if (base.dryRun && !base.fix) throw new UsageError('--dry-run only makes sense with --fix.');
  if (base.pin && (!base.fix || !base.network)) throw new UsageError('--pin needs --fix and --network: it looks versions up in package registries.');
  if (base.cacheLocation !== undefined && !base.cache) throw new UsageError('--cache-location only makes sense with --cache.');
  if (base.stdinFilename !== undefined && !base.stdin) throw new UsageError('--stdin-filename only makes sense with --stdin.');
  if (base.stdin && paths.length)
    throw new UsageError('--stdin lints standard input: give no paths with it (use --stdin-filename for the path it stands for).');
  if (base.stdin && (base.pin || base.cache || base.userConfigs || base.writeBaseline !== undefined))
    throw new UsageError('--stdin cannot be combined with --pin, --cache, --user-configs or --write-baseline.');
  for (const [flag, value] of [
    ['--output', base.output],
    ['--baseline', base.baseline],
    ['--write-baseline', base.writeBaseline],
    ['--config', base.config],
    ['--cache-location', base.cacheLocation],
    ['--stdin-filename', base.stdinFilename],
  ] as const) {
    if (value !== undefined && value.trim() === '') throw new UsageError(`${flag} needs a file name.`);
  }
  // The same bounds as the ignoredPaths setting: the glob compiler fails obscurely beyond them.
  if (base.exclude.length > MAX_GLOB_COUNT) throw new UsageError(`Too many --exclude patterns (${base.exclude.length}); the limit is ${MAX_GLOB_COUNT}.`);
  const tooLong = base.exclude.find((pattern) => pattern.length > MAX_GLOB_LENGTH);
  if (tooLong !== undefined) throw new UsageError(`An --exclude pattern is ${tooLong.length} characters long; the limit is ${MAX_GLOB_LENGTH}.`);
  if (base.machine && base.stdin) throw new UsageError('--machine and --stdin cannot be combined.');
  // --machine scans no folder unless some are named (the projects checked out on the host).
  return { ...base, paths: paths.length || base.machine ? paths : ['.'] };
}

function parseRuleFlag(text: string): { id: string; level: RuleLevel } {
  const eq = text.lastIndexOf('=');
  if (eq <= 0) throw new UsageError(`Invalid --rule "${text}": expected <rule-id>=<${RULE_LEVELS.join('|')}>.`);
  const id = text.slice(0, eq).trim();
  const level = oneOf(text.slice(eq + 1).trim(), RULE_LEVELS, `--rule ${id}`);
  return { id, level };
}
