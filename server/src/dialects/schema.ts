import * as z from '../common/zod';
import { matchSuffix, type UserEnvironment } from '../core/dialect';
import { editDistance } from '../common/editDistance';

export type { DialectSchema } from '../core/dialect';

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

/**
 * A client's server-entry schema, built on first use: zod's schema objects take start-up time
 * (a few ms for every client together), and a run usually reads one or two clients' files.
 */
export function entrySchema(shape: () => z.$ZodShape): () => z.ZodMiniObject<z.$ZodShape> {
  let built: z.ZodMiniObject<z.$ZodShape> | undefined;
  return () => (built ??= z.object(shape()));
}

/** Keys other clients use for a server's command, address, environment and transport, as most clients spell them. */
export const STANDARD_RENAMES: Readonly<Record<string, string>> = {
  serverUrl: 'url',
  httpUrl: 'url',
  uri: 'url',
  cmd: 'command',
  envs: 'env',
  environment: 'env',
  transport: 'type',
};

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
