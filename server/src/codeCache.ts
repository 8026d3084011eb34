/**
 * Loads a bundle through V8's code cache: the bytecode of every function the previous run
 * compiled is read back instead of being compiled again. Used by both entry points
 * (server.ts for the language server, cli.ts for the CLI), each in front of its
 * bundle. The cache is written after a run that had none (on exit, or 3 s in, whichever is
 * first), again when V8 rejects it (new node, new flags, new bundle), and again when a run
 * did much more than the run that wrote it (`cachedDataToWrite`). Nothing here may stop the
 * program: any cache problem falls back to a plain load.
 *
 * A cache file is code: it is read only from a directory this user owns and nobody else can
 * write to, so another account cannot plant bytecode for us to run.
 */
import { isAscii } from 'node:buffer';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';
import { fnv1a64 } from './common/fnv';

/**
 * `workload` names the kind of run, when one bundle serves runs that execute very different
 * code: each kind keeps its own cache, since reading a cache costs time in proportion to
 * its size (the CLI: a scan of a few named files reads ~20 ms less from a cache written by
 * such a scan than from one written by a scan of a whole tree, which holds ~1.7x the code).
 */
export function loadWithCodeCache(mainFile: string, directory: string, parent: Module, workload?: string): void {
  // A relative folder would be resolved against the working directory, which may be a
  // checked-out repository: its files are the user's own, so the ownership check cannot tell.
  if (!isAbsolute(directory)) {
    require(mainFile);
    return;
  }
  // One cache per installed copy of the bundle: two installs (a global CLI and a project's)
  // must not replace each other's cache on every run.
  const copy = `${mainFile.split(/[\\/]/).pop()!.replace(/\.js$/, '')}.${fnv1a64(mainFile)}`;
  const name = workload ? `${copy}.${workload}` : copy;
  let script: Script;
  let cacheFile: string;
  let cached: CacheFile | undefined;
  try {
    const source = sourceText(readFileSync(mainFile));
    const { size, mtimeMs } = statSync(mainFile);
    // V8 checks its own version, the flags and the source length; the name adds the bundle's
    // place, size and time, so an updated bundle of the same length never reads a stale cache.
    cacheFile = join(directory, `${name}.${process.version}.${process.arch}.${size}.${Math.round(mtimeMs)}.cache`);
    cached = privateDirectory(directory) ? readCacheFile(cacheFile) : undefined;
    script = new Script(Module.wrap(source), { filename: mainFile, ...(cached ? { cachedData: cached.data } : {}) });
    if (script.cachedDataRejected === true) cached = undefined;
  } catch {
    require(mainFile);
    return;
  }
  // The run's own CPU time: from here, after the cache was read (or the bundle compiled).
  const cpuAtStart = process.cpuUsage();
  let decided = false;
  const decide = () => {
    if (decided) return;
    decided = true;
    const usage = process.cpuUsage(cpuAtStart);
    const cpuMs = Math.round((usage.user + usage.system) / 1000);
    const data = cachedDataToWrite(script, cached, cpuMs);
    if (data) writeCache(data, directory, cacheFile, copy, name, cpuMs);
  };
  process.once('exit', decide);
  setTimeout(decide, 3000).unref();
  const main = new Module(mainFile, parent);
  main.filename = mainFile;
  main.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(mainFile));
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  wrapper.call(main.exports, main.exports, ((id: string) => main.require(id)) as NodeRequire, main, mainFile, dirname(mainFile));
}

/**
 * The bundle's text. A production bundle is pure ASCII (scripts/build.mjs checks), and
 * decoding ASCII as Latin-1 is a plain copy where UTF-8 decoding first validates every byte:
 * ~3 ms less per start here. Anything else is decoded as UTF-8.
 */
function sourceText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** True when the directory is ours alone (POSIX owner and mode; Windows profiles are per-user already). */
function privateDirectory(directory: string): boolean {
  try {
    const stat = lstatSync(directory);
    if (!stat.isDirectory()) return false;
    if (process.platform === 'win32' || !process.getuid) return true;
    return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * A cache file is a header — a format tag and the CPU time (ms, counted from when the bundle
 * was loaded) the run that wrote it had used by then — followed by V8's data. A file without the tag (an
 * older format) counts as no cache and is replaced.
 */
const TAG = Buffer.from('mhc1');
const HEADER_LENGTH = TAG.length + 4;

interface CacheFile {
  data: Buffer;
  writerCpuMs: number;
}

function readCacheFile(file: string): CacheFile | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER_LENGTH || !bytes.subarray(0, TAG.length).equals(TAG)) return undefined;
  return { data: bytes.subarray(HEADER_LENGTH), writerCpuMs: bytes.readUInt32LE(TAG.length) };
}

/**
 * What to write when this run is over: V8's data when there was no cache (or V8 rejected
 * it), or when this run compiled clearly more than the run that wrote it. V8 caches only
 * what a run compiled, so a cache written by `--version`, `--help` or a scan of a file that
 * is not a config left every later one-file scan ~12 ms slower than with its own cache, for
 * as long as that bundle stayed installed. Serialising the cache costs ~1 ms, so only a run
 * that took noticeably more CPU time than the writer did looks: then the cache is replaced
 * when the new data is over a tenth larger, and its writer's time raises the bar.
 */
function cachedDataToWrite(script: Script, cached: CacheFile | undefined, cpuMs: number): Buffer | undefined {
  if (!cached) return script.createCachedData();
  if (cpuMs <= cached.writerCpuMs * 1.25 + 2) return undefined;
  const data = script.createCachedData();
  return data.length > cached.data.length * 1.1 ? data : undefined;
}

/** Written atomically (a half-written cache would only be rejected, but why read one); older caches of this bundle are removed. */
function writeCache(data: Buffer, directory: string, cacheFile: string, copy: string, name: string, cpuMs: number): void {
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') chmodSync(directory, 0o700);
    if (!privateDirectory(directory)) return;
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    const header = Buffer.alloc(HEADER_LENGTH);
    TAG.copy(header);
    header.writeUInt32LE(Math.min(cpuMs, 0xffffffff), TAG.length);
    writeFileSync(temporary, Buffer.concat([header, data]), { mode: 0o600 });
    renameSync(temporary, cacheFile);
    removeStaleCaches(directory, cacheFile, copy, name);
  } catch {
    // A read-only or full disk only costs the next start its cache.
  }
}

/**
 * How many other installed copies of a bundle keep their caches. Each npx version, global
 * install or extension update is another copy with its own caches (~1 MB each): without a
 * bound they would pile up in the user's cache folder forever. A copy whose cache was
 * removed writes it again on its next run.
 */
const OTHER_COPIES_KEPT = 7;

/**
 * Removes this copy's older caches of the same workload (`name`; its caches for other
 * workloads stay), and the caches of other copies past the OTHER_COPIES_KEPT most recently
 * written. File names: `<bundle>.<copy hash>[.<workload>].v<node>....cache`.
 */
function removeStaleCaches(directory: string, cacheFile: string, copy: string, name: string): void {
  const bundle = copy.slice(0, copy.lastIndexOf('.'));
  const others = new Map<string, { files: string[]; written: number }>();
  for (const entry of readdirSync(directory)) {
    const file = join(directory, entry);
    if (file === cacheFile || !entry.endsWith('.cache') || !entry.startsWith(`${bundle}.`)) continue;
    if (entry.startsWith(`${copy}.`)) {
      // Ours: an older cache of this workload, or one written before workloads had names.
      if (entry.startsWith(`${name}.`) || entry.startsWith(`${copy}.v`)) unlinkSync(file);
      continue;
    }
    const other = entry.split('.', 2).join('.');
    const seen = others.get(other) ?? { files: [], written: 0 };
    seen.files.push(file);
    seen.written = Math.max(seen.written, statSync(file).mtimeMs);
    others.set(other, seen);
  }
  const byRecency = [...others.values()].sort((a, b) => b.written - a.written);
  for (const { files } of byRecency.slice(OTHER_COPIES_KEPT)) files.forEach((file) => unlinkSync(file));
}
