/**
 * Identifiers shared by the language server and the VS Code client. Plain constants only:
 * this file is imported by the client bundle, so it must not pull in server code.
 */

/**
 * Names no client uses but that say "MCP config" (`mcp.json` at a repository's root,
 * `mcp-servers.yaml`, `team.mcp.json`): the CLI walk, the workspace scan and the editor read
 * them and lint those whose content holds a servers map as generic configs; the others are
 * dropped without a word (issue 15 class 9). Brace-expanded by case, since VS Code's document
 * filters match case-sensitively.
 */
export const MCP_NAMED_GLOBS = ['**/*{mcp,MCP,Mcp}*.{json,jsonc,yaml,yml,toml}'] as const;

/** `Diagnostic.source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'mcp-hygiene';

/** The settings section (`mcpHygiene.*`) pulled with `workspace/configuration`. */
export const SETTINGS_SECTION = 'mcpHygiene';

/** Code action kind of "fix all safe problems"; `editor.codeActionsOnSave` can name it. */
export const FIX_ALL_KIND = 'source.fixAll.mcpHygiene';

/** Human title of the fix-all action. */
export const FIX_ALL_TITLE = 'Fix all safe MCP Hygiene problems';

/** `Diagnostic.code` of the one information diagnostic on a file too large to lint. */
export const FILE_TOO_LARGE_CODE = 'file-too-large';

/**
 * What rides in `Diagnostic.data`: enough for the code-action handler to build quick fixes
 * without re-linting while the document version is unchanged. Ranges are LSP coordinates
 * in the document version `version`.
 */
export interface DiagnosticData {
  ruleId: string;
  version: number;
  /** The fixes of `ruleId`'s finding, then of each `alsoRules` finding. */
  fixes: DiagnosticFix[];
  /**
   * Rules that flagged the same span less severely: one value gets one diagnostic, the others
   * ride along as related information, and their fixes and suppressions stay on offer.
   */
  alsoRules?: string[];
}

export interface DiagnosticFix {
  title: string;
  safe: boolean;
  preferred?: boolean;
  /**
   * Absent when the fix is deferred (its edits cost a re-parse of the file): the code-action
   * handler takes them from the server's analysis of that same version instead, so
   * publishing diagnostics never computes edits nobody asked for.
   */
  edits?: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>;
  deferred?: boolean;
}

/** Command id of "MCP Hygiene: Scan MCP Configs on This Machine". */
export const SCAN_MACHINE_COMMAND = 'mcpHygiene.scanMachine';

/** Request (client -> server) behind the machine scan; the server reads the files. */
export const SCAN_MACHINE_REQUEST = 'mcpHygiene/scanMachine';

export interface ScanMachineParams {
  /** Home folder to scan instead of the real one (tests; else $MCP_HYGIENE_HOME, else os.homedir()). */
  home?: string;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export interface ScanMachineResult {
  home: string;
  /** User-level config files found and linted (paths only: never contents). */
  files: Array<{ path: string; uri: string; client: string; counts: SeverityCounts }>;
  /** Files that exist but could not be read (permissions, not UTF-8...). */
  unreadable: Array<{ path: string; reason: string }>;
  /** How many candidate paths were checked (missing ones are normal). */
  checked: number;
  perClient: Record<string, SeverityCounts>;
  totals: SeverityCounts;
}

/**
 * Server command (workspace/executeCommand) behind "Pin to the latest safe version" for
 * clients without codeAction/resolve, and behind "Pin to a version…" once the user typed
 * one: looks the version up (network on, trusted workspace) unless `pinTo` is given, then
 * applies the edit with workspace/applyEdit.
 */
export const PIN_VERSION_COMMAND = 'mcpHygiene.pinVersion';

/** Client command: asks for the version in an input box (validated), then runs PIN_VERSION_COMMAND with `pinTo`. */
export const PIN_VERSION_MANUALLY_COMMAND = 'mcpHygiene.pinVersionManually';

/** What the pin actions carry (code action `data.pin`, command arguments). */
export interface PinArguments {
  uri: string;
  /** Document version the range belongs to. */
  version: number;
  ruleId: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** npm | PyPI | Docker | git */
  kind: 'npm' | 'PyPI' | 'Docker' | 'git';
  /** Package, image or git source (for prompts). */
  name: string;
  /** Docker: the tag whose digest is wanted. */
  tag?: string;
  /** The exact version / digest / commit to write (input box); absent = look it up. */
  pinTo?: string;
  /** Why no lookup happened or what went wrong (shown with the input box). */
  error?: string;
}

/** What PIN_VERSION_COMMAND answers. */
export interface PinResult {
  applied: boolean;
  version?: string;
  error?: string;
}

/**
 * Node flags the client starts the language server with (and the benchmark too, so it
 * measures what users run). The server holds little (about 20 MB of live heap with 1 000
 * open configs), but with V8's default 16 MB semi-spaces the young generation alone keeps
 * ~30 MB resident: `--max-semi-space-size=1` caps it at 1 MB per semi-space (1 000 open
 * configs: ~130 MB -> ~105 MB resident) at no measurable cost per lint.
 * `--heap-growing-percent=20` lets the old generation grow by 20 % over what is live
 * before the next full collection instead of up to several times that: 1 000 open configs
 * ~107 MB -> ~86 MB right after opening them (both ~77 MB once idle), a 10 000-server file
 * 360 MB -> 165 MB while it is linted, for ~20 % more time on that file only. Not
 * `--optimize-for-size`: it saves another ~15 MB but makes every lint 3-4x slower.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1', '--heap-growing-percent=20'];

/**
 * Where the client hands the language server the user's `NODE_EXTRA_CA_CERTS`. Node reads
 * and parses that bundle at every process start (~45 ms for a system CA bundle here, a
 * sixth of the server's start-up), yet the server needs it only for a registry lookup the
 * user asked for; the registry client (registry/http.ts) reads it from here on first use.
 */
export const DEFERRED_CA_CERTS_ENV = 'MCP_HYGIENE_EXTRA_CA_CERTS';

/**
 * The environment variables to override when starting the language server: the code
 * cache directory, when there is one, and node's CA bundle, which moves to DEFERRED_CA_CERTS_ENV (an empty NODE_EXTRA_CA_CERTS is how node reads
 * "unset", and vscode-languageclient can only add or override variables, not remove them).
 */
export function serverEnvironmentOverrides(env: Readonly<Record<string, string | undefined>>, codeCacheDir?: string): Record<string, string> {
  const bundle = env.NODE_EXTRA_CA_CERTS;
  return {
    ...(bundle ? { NODE_EXTRA_CA_CERTS: '', [DEFERRED_CA_CERTS_ENV]: bundle } : {}),
    ...(codeCacheDir ? { [CODE_CACHE_DIR_ENV]: codeCacheDir } : {}),
  };
}

/** Where the server keeps V8's code cache of its bundle (server/src/server.ts); the client gives its global storage. */
export const CODE_CACHE_DIR_ENV = 'MCP_HYGIENE_CODE_CACHE_DIR';

/**
 * Request (client -> server) behind the status item for a JSON/YAML/TOML file the client does
 * not send the server (no client reads it at its path): does its content look like an MCP
 * config? The client sends the active editor's text only, never other files.
 */
export const UNCLAIMED_CONFIG_REQUEST = 'mcpHygiene/unclaimedConfig';

export interface UnclaimedConfigParams {
  uri: string;
  text: string;
}

export interface UnclaimedConfigResult {
  /** The format its content has ("MCP config (unknown client)", "Zed"...); absent: not an MCP config. */
  client?: string;
}
