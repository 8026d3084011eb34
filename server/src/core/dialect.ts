import type { VariableSyntax } from './interpolation';
import type { McpConfig, Transport } from './model';
import type { ParsedDocument, Syntax, TreeNode } from './tree';
import type * as z from '../common/zod';

/**
 * A client's config format. One file per client under dialects/, registered in index.ts.
 * Paths handed to `matchPath` are normalised by `normalizePath` (forward slashes, lower case,
 * always starting with '/'), so patterns are written once for every OS.
 */
export interface Dialect {
  /** Stable id, used in settings, CLI output and docs. */
  id: string;
  displayName: string;
  syntax: Syntax;
  /** Whether the client's own parser accepts comments (JSONC, TOML, YAML). */
  commentsAllowed: boolean;
  /** Reference syntaxes the client expands; anything else is passed to the server literally. */
  variables: readonly VariableSyntax[];
  /**
   * How specific a path match is: 0 = not this client's file. More specific patterns score
   * higher so `.vscode/mcp.json` beats a generic `mcp.json`.
   */
  matchPath(normalizedPath: string): number;
  /**
   * Glob patterns (`**` / `*`, forward slashes) of this client's files, for the workspace
   * scan, the CLI's directory walk and the extension's document selector. Must agree with
   * `matchPath` (a test checks both on the same paths).
   */
  globs: readonly string[];
  /** For files whose name says nothing: does the content look like this client's file? */
  matchContent?(root: TreeNode): boolean;
  /** Maps the file onto the common server model. Never throws on odd shapes: skips them. */
  read(doc: ParsedDocument): McpConfig;
  /**
   * How a secret moved out of the file is referenced in this client's syntax, given an
   * environment variable name; undefined when the client expands no variables at all.
   */
  envReference?(name: string): string;
  /**
   * Where the value of an `envReference` comes from, as a fix title says it; default "read from
   * your environment". Continue reads `.env` files, the Copilot coding agent repository secrets.
   */
  referenceSource?: string;
  /**
   * The client's user-level (machine-wide) files on this machine, for the machine scan.
   * Absolute paths; files that may not exist are listed too (the caller checks).
   */
  userConfigPaths?(env: UserEnvironment): string[];
  /**
   * How the client gets a value to a server without it being written in the file, and where
   * that is documented: the source column of docs/remediation.md, whose fixes rely on it.
   */
  secretDelivery?: { mechanism: string; source: string };
  /**
   * Other clients that read the file at this path, with the syntaxes each expands
   * (dialects/readers.ts): a secret fix whose syntax one of them cannot use says so in its title.
   */
  sharedReaders?(normalizedPath: string): readonly SharedReader[];
  /** What the client accepts, for the schema-* rules (see dialects/schema.ts); none = no schema checks. */
  schema?: DialectSchema;
}

/** Another client reading the same file (see dialects/readers.ts). */
export interface SharedReader {
  name: string;
  /** Syntaxes that reach the server through this reader; 'unverified' when its docs and source say nothing. */
  expands: readonly VariableSyntax[] | 'unverified';
  /** What happens to a server using another syntax, as a title fragment ("skip servers that need it"). */
  otherwise: string;
  /** Where this behaviour is documented (file or URL). */
  source: string;
}

/** Where user-level files live: home, Windows %APPDATA%, platform, $XDG_CONFIG_HOME. */
export interface UserEnvironment {
  home: string;
  appData?: string;
  platform: NodeJS.Platform;
  xdgConfigHome?: string;
}

/** Forward slashes, lower case, leading '/': one form for macOS, Windows and Linux paths. */
export function normalizePath(filePath: string): string {
  let path = filePath.replace(/\\/g, '/').toLowerCase();
  if (!path.startsWith('/')) path = '/' + path;
  return path;
}

/**
 * Scores a path against suffix patterns such as `.vscode/mcp.json` or `code/user/mcp.json`.
 * A `*` matches one path segment. The score is the number of segments matched, so longer
 * (more specific) patterns win.
 */
export function matchSuffix(normalizedPath: string, patterns: readonly string[]): number {
  const pathSegments = normalizedPath.split('/');
  let best = 0;
  for (const patternSegments of compiledPatterns(patterns)) {
    if (patternSegments.length > pathSegments.length - 1) continue;
    let matches = true;
    for (let i = 1; i <= patternSegments.length; i++) {
      const want = patternSegments[patternSegments.length - i];
      const have = pathSegments[pathSegments.length - i];
      if (!(typeof want === 'string' ? want === have : want.test(have))) {
        matches = false;
        break;
      }
    }
    if (matches) best = Math.max(best, patternSegments.length * 10);
  }
  return best;
}

/** One pattern segment: a literal (compared as is) or a compiled wildcard. */
type SegmentMatcher = string | RegExp;

/** Patterns lower-cased, split and compiled once per pattern list (dialects pass the same array each call). */
const compiledByList = new WeakMap<readonly string[], SegmentMatcher[][]>();

function compiledPatterns(patterns: readonly string[]): SegmentMatcher[][] {
  let compiled = compiledByList.get(patterns);
  if (!compiled) {
    compiled = patterns.map((pattern) => pattern.toLowerCase().split('/').map(compileSegment));
    compiledByList.set(patterns, compiled);
  }
  return compiled;
}

function compileSegment(pattern: string): SegmentMatcher {
  // `*` alone: any non-empty segment.
  if (pattern === '*') return /^./;
  if (!pattern.includes('*')) return pattern;
  return new RegExp('^' + pattern.split('*').map(escapeRegExp).join('[^/]*') + '$');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What a client accepts, declared next to its reader in the dialect file, so that adding a
 * client stays one file. The schema-* rules read this; a dialect without `schema` (generic)
 * gets no schema findings beyond syntax.
 */
export interface DialectSchema {
  /** Keys from the root to the servers container, e.g. ['mcpServers'] or ['mcp', 'servers']. */
  serversPath: readonly string[];
  /** 'map' = name -> entry (most clients); 'array' = list of entries with `name` (Continue). */
  serversShape: 'map' | 'array';
  /** Every key the client reads in a server entry, with its type (zod); built on first call (dialects/schema.ts entrySchema). */
  entry(): z.ZodMiniObject<z.$ZodShape>;
  /** Report keys the client does not read (off for lenient dialects). */
  strictKeys: boolean;
  /** The key naming the transport (`type`; Cline also `transportType`). */
  typeKey?: string;
  /** Accepted transport values, exact spelling; undefined = not checked. */
  transports?: readonly string[];
  /** Entries that run inside the client and need neither command nor url (Goose `builtin`, Zed extensions). */
  builtin?(entry: TreeNode): boolean;
  /** Keys holding the process to run / the remote address. */
  commandKeys: readonly string[];
  urlKeys: readonly string[];
  /** False when the client only runs local servers from this file (Claude Desktop). */
  remote: boolean;
  /** Keys the client requires in this entry besides command/url (Copilot agent `tools`...). */
  required?(entry: TreeNode, transport: Transport): Array<{ key: string; why: string }>;
  /** Where `inputs` are declared, for `${input:id}` checks. */
  inputsPath?: readonly string[];
  /** Keys other clients use, with what this client calls them ('serverUrl' -> 'url'). */
  renames?: Readonly<Record<string, string>>;
  /** Root keys this file may have; others are reported (undefined = not checked). */
  rootKeys?: readonly string[];
  /**
   * Server entries written for another client have this client's entry shape
   * (command/args/env, url/headers), so renaming a wrong root key is a complete fix.
   */
  standardEntries: boolean;
  /**
   * Keys in an entry whose string values the client does not interpolate even though it
   * interpolates others (unexpanded-variable checks skip them), e.g. names, descriptions.
   */
  literalKeys?: readonly string[];
  /** For clients without an env-reference syntax: how to pass a secret or variable instead. */
  expansionHint?: string;
  /**
   * A list in the server entry naming variables the client hands the server from its own
   * environment (Codex `env_vars`, Goose `env_keys`): the one way these clients keep a secret
   * out of the file and still deliver it, so the secret fix moves the name there.
   */
  passthroughListKey?: string;
  /**
   * The client starts stdio servers with its own whole environment plus `env` (Zed), so a
   * variable removed from `env` still reaches the server once it is set where the client runs.
   */
  inheritsEnvironment?: boolean;
  /**
   * Remote headers the client fills from named variables (Codex): `headersKey` holds literal
   * headers, `envHeadersKey` maps a header to the variable holding its value, `bearerKey`
   * names the variable whose value is sent as `Authorization: Bearer <value>`.
   */
  headerIndirection?: { headersKey: string; envHeadersKey: string; bearerKey: string };
}
