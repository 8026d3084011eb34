/**
 * `dist/server.js`: loads the language server bundle (`dist/server-main.js`, built from
 * server.ts) through V8's code cache when the client names a cache directory
 * (CODE_CACHE_DIR_ENV). Compiling the ~0.9 MB bundle and the code the first lint runs is
 * about 60 ms of every server start on a 2-core machine; with the cache it is a few ms. The
 * cache is written once, after the first start (on exit, or 3 s in, whichever is first),
 * and again only when V8 rejects it (new node, new flags, new bundle). Nothing here may
 * stop the server from starting: any cache problem falls back to a plain load.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { CODE_CACHE_DIR_ENV } from './common/protocol';

const mainFile = join(__dirname, 'server-main.js');
const cacheDir = process.env[CODE_CACHE_DIR_ENV];

if (cacheDir) loadWithCodeCache(cacheDir);
else require(mainFile);

function loadWithCodeCache(directory: string): void {
  let script: Script;
  let cacheFile: string;
  let needsWrite: boolean;
  try {
    const source = readFileSync(mainFile, 'utf8');
    const { size, mtimeMs } = statSync(mainFile);
    // V8 checks its own version, the flags and the source length; the name adds the bundle's
    // identity, so an updated extension of the same bundle length never reads a stale cache.
    cacheFile = join(directory, `server-main.${process.version}.${process.arch}.${size}.${Math.round(mtimeMs)}.cache`);
    const cachedData = readIfPresent(cacheFile);
    script = new Script(Module.wrap(source), { filename: mainFile, ...(cachedData ? { cachedData } : {}) });
    needsWrite = !cachedData || script.cachedDataRejected === true;
  } catch {
    require(mainFile);
    return;
  }
  if (needsWrite) {
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      writeCache(script, directory, cacheFile);
    };
    process.once('exit', write);
    setTimeout(write, 3000).unref();
  }
  const main = new Module(mainFile, module);
  main.filename = mainFile;
  main.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(mainFile));
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  wrapper.call(main.exports, main.exports, ((id: string) => main.require(id)) as NodeRequire, main, mainFile, dirname(mainFile));
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written atomically (a half-written cache would only be rejected, but why read one); older caches are removed. */
function writeCache(script: Script, directory: string, cacheFile: string): void {
  try {
    mkdirSync(directory, { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
    for (const name of readdirSync(directory)) {
      const file = join(directory, name);
      if (file !== cacheFile && /^server-main\..*\.cache$/.test(name)) unlinkSync(file);
    }
  } catch {
    // A read-only or full disk only costs the next start its cache.
  }
}
