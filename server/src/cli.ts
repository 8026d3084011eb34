/**
 * `dist/cli.js`, the `mcp-hygiene` binary: loads the CLI bundle (`dist/cli-main.js`, built
 * from cli-main.ts) through V8's code cache kept in this user's cache folder, which saves
 * compiling the bundle and the code a scan runs on every invocation (~50 ms on a 2-core
 * machine; pre-commit hooks and CI steps start it often). CODE_CACHE_DIR_ENV names another
 * folder, or `off` for none.
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { CODE_CACHE_DIR_ENV } from './common/protocol';
import { loadWithCodeCache } from './codeCache';

const mainFile = join(__dirname, 'cli-main.js');
const cacheDir = codeCacheDirectory(process.env);

if (cacheDir) loadWithCodeCache(mainFile, cacheDir, module);
else require(mainFile);

/** The per-user cache folder of the platform (XDG on Linux), undefined when there is none. */
function codeCacheDirectory(env: NodeJS.ProcessEnv): string | undefined {
  const chosen = env[CODE_CACHE_DIR_ENV];
  if (chosen) return chosen === 'off' ? undefined : chosen;
  let home: string;
  try {
    home = homedir();
  } catch {
    return undefined;
  }
  if (process.platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'mcp-hygiene', 'code-cache') : undefined;
  if (process.platform === 'darwin') return home ? join(home, 'Library', 'Caches', 'mcp-hygiene', 'code-cache') : undefined;
  const xdg = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : home && join(home, '.cache');
  return xdg ? join(xdg, 'mcp-hygiene', 'code-cache') : undefined;
}
