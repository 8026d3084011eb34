import * as z from '../common/zod';
import type { Transport } from '../engine/model';
import type { TreeNode } from '../parse/tree';
import { matchSuffix, type UserEnvironment } from './types';
import { editDistance } from '../common/editDistance';

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
  /** Every key the client reads in a server entry, with its type (zod). */
  entry: z.ZodMiniObject<z.$ZodShape>;
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

// Field types shared by many clients. `.optional()` everywhere: presence is checked by
// the missing-* rules, types by schema-invalid-type.
export const str = z.string();
export const strList = z.array(z.string());
export const strMap = z.record(z.string(), z.string());
/** Env maps: most clients stringify numbers/booleans; null unsets (VS Code). */
export const envMap = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export const bool = z.boolean();
export const num = z.number();
export const anyObject = z.record(z.string(), z.unknown());

/** The root keys that hold servers in one client or another. */
export const KNOWN_SERVERS_KEYS = ['mcpServers', 'servers', 'context_servers', 'mcp_servers', 'mcp', 'extensions'] as const;

/** Patterns in their usual spelling: suffix patterns for matchPath, `**` globs for discovery. */
export function filePatterns(patterns: readonly string[]): { matchPath(path: string): number; globs: readonly string[] } {
  return {
    matchPath: (path) => matchSuffix(path, patterns),
    globs: patterns.map((p) => '**/' + p),
  };
}

/** Joins path parts with the platform's separator (no node:path: the engine stays pure). */
export function joinPath(env: UserEnvironment, ...parts: string[]): string {
  const sep = env.platform === 'win32' ? '\\' : '/';
  return parts
    .map((part, i) => (i === 0 ? part.replace(/[\\/]+$/, '') : part.replace(/^[\\/]+|[\\/]+$/g, '')))
    .filter((part) => part !== '')
    .join(sep)
    .replace(/[\\/]/g, sep);
}

/** Per-user application data: macOS Application Support, Windows %APPDATA%, Linux XDG config. */
export function appDataDir(env: UserEnvironment): string {
  if (env.platform === 'darwin') return joinPath(env, env.home, 'Library', 'Application Support');
  if (env.platform === 'win32') return env.appData ?? joinPath(env, env.home, 'AppData', 'Roaming');
  return env.xdgConfigHome ?? joinPath(env, env.home, '.config');
}

/** XDG config dir (also used on macOS by CLI tools such as Zed, opencode, Goose). */
export function xdgConfigDir(env: UserEnvironment): string {
  return env.xdgConfigHome ?? joinPath(env, env.home, '.config');
}

/** The VS Code user folders (stable and Insiders) that hold settings.json / mcp.json. */
export function vscodeUserDirs(env: UserEnvironment): string[] {
  return ['Code', 'Code - Insiders'].map((product) => joinPath(env, appDataDir(env), product, 'User'));
}

/** The closest candidate: case-insensitive/separator-insensitive equality, else edit distance <= 2. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  const folded = fold(word);
  const same = candidates.find((c) => fold(c) === folded);
  if (same) return same;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(folded, fold(candidate), 2);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= (folded.length >= 8 ? 2 : folded.length >= 4 ? 1 : 0) ? best : undefined;
}
