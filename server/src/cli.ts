/**
 * `dist/cli.js`, the `mcp-hygiene` binary: loads the CLI bundle (`dist/cli-main.js`, built
 * from cli-main.ts) through V8's code cache kept in this user's cache folder, which saves
 * compiling the bundle and the code a scan runs on every invocation (~50 ms on a 2-core
 * machine; pre-commit hooks and CI steps start it often). CODE_CACHE_DIR_ENV names another
 * folder, or `off` for none.
 */
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { CODE_CACHE_DIR_ENV } from './common/protocol';
import { loadWithCodeCache } from './codeCache';

const mainFile = join(__dirname, 'cli-main.js');
const cacheDir = codeCacheDirectory(process.env);

if (cacheDir) loadWithCodeCache(mainFile, cacheDir, module, workloadOf(process.argv.slice(2)));
else require(mainFile);

/**
 * Which code cache this run reads: 'tree' for a scan of folders (the working directory by
 * default, or --user-configs), 'files' for anything else (named files, --stdin, the other
 * commands), which runs far less code. Only a guess from the command line before it is
 * parsed (an option's value may look like a path): a wrong guess costs time, never output.
 */
function workloadOf(args: readonly string[]): 'files' | 'tree' {
  if (args[0] !== 'scan' || args.includes('--stdin')) return 'files';
  if (args.includes('--user-configs') || args.includes('--machine')) return 'tree';
  const paths = args.slice(1).filter((arg) => !arg.startsWith('-'));
  if (paths.length === 0) return 'tree';
  return paths.some(isDirectory) ? 'tree' : 'files';
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

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
