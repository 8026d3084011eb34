/**
 * The binary (dist/cli.js) loads its bundle through V8's code cache (server/src/codeCache.ts):
 * the cache is private to the user, reused by the next run, changes nothing in the output,
 * and `off` writes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fnv1a64 } from '../../server/src/common/fnv';
import { buildCliOnce, REPO_ROOT, tempDir } from './helpers';

function scan(cli: string, cacheDir: string, target = join(REPO_ROOT, 'examples')) {
  const result = spawnSync(process.execPath, [cli, 'scan', target, '--format', 'json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, MCP_HYGIENE_CODE_CACHE_DIR: cacheDir },
  });
  return { status: result.status, stdout: result.stdout.replace(/"durationMs":\s*\d+/g, '') };
}

/** This installed copy's prefix of cache names: the bundle's name and the hash of its path. */
function copyName(cli: string): string {
  return `cli-main.${fnv1a64(join(dirname(cli), 'cli-main.js'))}`;
}

test('the CLI writes a private code cache once, reuses it, and reports the same with or without it', { timeout: 120_000 }, () => {
  const cli = buildCliOnce();
  const { dir, cleanup } = tempDir('mcp-hygiene-code-cache-');
  try {
    const cacheDir = join(dir, 'cache');
    const off = scan(cli, 'off');
    assert.equal(off.status, 1, 'the examples have findings');
    const first = scan(cli, cacheDir);
    const files = readdirSync(cacheDir);
    assert.equal(files.length, 1, `one cache file: ${files.join(', ')}`);
    assert.match(files[0], /^cli-main\.[0-9a-f]{16}\.tree\.v\d+\.\d+\.\d+\.\w+\.\d+\.\d+\.cache$/);
    const written = statSync(join(cacheDir, files[0]));
    if (process.platform !== 'win32') {
      assert.equal(statSync(cacheDir).mode & 0o777, 0o700);
      assert.equal(written.mode & 0o777, 0o600);
    }
    const second = scan(cli, cacheDir);
    assert.equal(statSync(join(cacheDir, files[0])).mtimeMs, written.mtimeMs, 'an accepted cache is not rewritten');
    assert.deepEqual([first, second], [off, off]);

    // A scan of one named file runs far less code: it keeps a cache of its own, and the
    // folder scan's cache stays.
    const file = join(REPO_ROOT, 'examples', 'vscode', '.vscode', 'mcp.json');
    const oneFile = scan(cli, cacheDir, file);
    assert.deepEqual(oneFile, scan(cli, 'off', file));
    const both = readdirSync(cacheDir).sort();
    assert.equal(both.length, 2, `a cache per workload: ${both.join(', ')}`);
    assert.ok(both.includes(files[0]) && both.some((name) => /^cli-main\.[0-9a-f]{16}\.files\.v/.test(name)));
    assert.equal(statSync(join(cacheDir, files[0])).mtimeMs, written.mtimeMs, "the folder scan's cache is left as it was");

    // A folder others could write to is not read from; being ours, it is made private
    // before the cache is written into it.
    if (process.platform !== 'win32') {
      const shared = join(dir, 'shared');
      mkdirSync(shared);
      chmodSync(shared, 0o777);
      const planted = scan(cli, shared);
      assert.deepEqual(planted, off);
      assert.equal(statSync(shared).mode & 0o777, 0o700);
    }
    assert.ok(!existsSync(join(REPO_ROOT, 'off')), '`off` is not a folder name');

    // A relative folder would live in whatever repository the scan runs in: never used.
    const inRepository = spawnSync(process.execPath, [cli, 'scan', join(REPO_ROOT, 'examples'), '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, MCP_HYGIENE_CODE_CACHE_DIR: 'relative-cache' },
    });
    assert.equal(inRepository.status, 1);
    assert.ok(!existsSync(join(dir, 'relative-cache')), 'no cache folder in the working directory');
  } finally {
    cleanup();
  }
});

test('a cache written by a run that compiled little (--version) is replaced by the first scan, then kept', { timeout: 120_000 }, () => {
  const cli = buildCliOnce();
  const { dir, cleanup } = tempDir('mcp-hygiene-code-cache-');
  try {
    const cacheDir = join(dir, 'cache');
    const env = { ...process.env, MCP_HYGIENE_CODE_CACHE_DIR: cacheDir };
    const version = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8', env });
    assert.equal(version.status, 0);
    const [name] = readdirSync(cacheDir);
    assert.match(name, /\.files\.v/, '--version shares the cache of scans of named files');
    const small = statSync(join(cacheDir, name)).size;

    const file = join(REPO_ROOT, 'examples', 'vscode', '.vscode', 'mcp.json');
    const first = scan(cli, cacheDir, file);
    assert.deepEqual(readdirSync(cacheDir), [name]);
    const grown = statSync(join(cacheDir, name));
    assert.ok(grown.size > small * 1.2, `the scan's code was added: ${small} -> ${grown.size} bytes`);

    const second = scan(cli, cacheDir, file);
    assert.equal(statSync(join(cacheDir, name)).mtimeMs, grown.mtimeMs, 'a cache holding the scan is not rewritten');
    assert.deepEqual(second, first);
    assert.deepEqual(first, scan(cli, 'off', file));
  } finally {
    cleanup();
  }
});

test('caches of other installed copies are kept for the seven most recently written, so updates do not pile up', { timeout: 120_000 }, () => {
  const cli = buildCliOnce();
  const { dir, cleanup } = tempDir('mcp-hygiene-code-cache-');
  try {
    const cacheDir = join(dir, 'cache');
    mkdirSync(cacheDir, { mode: 0o700 });
    // Ten other copies (npx versions, global installs), written one day apart, newest first.
    const others = Array.from({ length: 10 }, (_, day) => `cli-main.${String(day).padStart(16, '0')}.v20.0.0.x64.1000.${day}.cache`);
    others.forEach((name, day) => {
      const file = join(cacheDir, name);
      writeFileSync(file, 'old bytecode');
      const written = new Date(Date.now() - (day + 1) * 86_400_000);
      utimesSync(file, written, written);
    });
    // This copy's cache from before caches were kept per workload: replaced.
    const legacy = `${copyName(cli)}.v20.0.0.x64.1000.0.cache`;
    writeFileSync(join(cacheDir, legacy), 'old bytecode of this copy');
    // Not ours to remove: another bundle's cache and anything else in the folder.
    writeFileSync(join(cacheDir, 'server-main.0000000000000000.v20.0.0.x64.1000.0.cache'), 'server bytecode');
    writeFileSync(join(cacheDir, 'notes.txt'), 'kept');

    assert.deepEqual(scan(cli, cacheDir).status, 1);
    const left = readdirSync(cacheDir).sort();
    const own = left.filter((name) => name.startsWith('cli-main.') && !others.includes(name));
    assert.equal(own.length, 1, `this copy's cache was written: ${left.join(', ')}`);
    assert.deepEqual(
      left.filter((name) => others.includes(name)),
      others.slice(0, 7).sort(),
      'the seven most recently written caches of other copies stay',
    );
    assert.ok(left.includes('notes.txt') && left.some((name) => name.startsWith('server-main.')));
    assert.ok(!left.includes(legacy), 'the old-format cache of this copy is gone');
  } finally {
    cleanup();
  }
});
