/**
 * `scan` on worker threads (scanWorkers.ts) reports exactly what a scan in one thread does:
 * the bundle is run over the corpus laid out at its repository paths with
 * MCP_HYGIENE_WORKERS=0 and =2. A preload script (`node --require`, which workers inherit)
 * tells which threads ran, or makes a worker crash.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCliOnce, corpusManifest, layOutCorpus, tempDir } from './helpers';
import { UsageError } from '../../server/src/host/usageError';
import { MIN_FILES_PER_WORKER, scanWorkerCount } from '../../server/src/cli/scanWorkers';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** How many worker threads loaded the bundle. */
  workers: number;
}

/** In a worker thread: records that it started; with CRASH_AFTER set, throws once it has posted that many files. */
const PRELOAD = `
const { isMainThread, parentPort } = require('node:worker_threads');
if (!isMainThread) {
  require('node:fs').appendFileSync(process.env.WORKER_LOG, 'worker\\n');
  const crashAfter = Number(process.env.CRASH_AFTER);
  if (crashAfter > 0) {
    const post = parentPort.postMessage.bind(parentPort);
    let posted = 0;
    parentPort.postMessage = (message) => {
      post(message);
      if (++posted === crashAfter) throw new Error('crash for the test');
    };
  }
}
`;

function setUp(): { dir: string; cleanup: () => void; scan: (args: string[], env?: Record<string, string>, input?: string) => Run } {
  const cli = buildCliOnce();
  const { dir, cleanup } = tempDir();
  const corpus = join(dir, 'corpus');
  layOutCorpus(corpus);
  const preload = join(dir, 'preload.cjs');
  writeFileSync(preload, PRELOAD);
  const log = join(dir, 'workers.log');
  const scan = (args: string[], env: Record<string, string> = {}, input?: string): Run => {
    writeFileSync(log, '');
    const run = spawnSync(process.execPath, ['--require', preload, cli, 'scan', '--no-gitignore', ...args], {
      cwd: corpus,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, WORKER_LOG: log, ...env },
      timeout: 120_000,
      ...(input === undefined ? {} : { input }),
    });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr, workers: readFileSync(log, 'utf8').split('\n').filter(Boolean).length };
  };
  return { dir, cleanup, scan };
}

test('by default, one worker per two cores with MIN_FILES_PER_WORKER files each, and never just one; MCP_HYGIENE_WORKERS decides otherwise', () => {
  const auto = (files: number, cores: number) => scanWorkerCount(files, {}, cores);
  assert.equal(auto(195, 2), 0, 'the corpus on 2 cores: measured slower with workers');
  assert.equal(auto(100_000, 3), 0, 'one worker alone only adds its start-up');
  assert.equal(auto(2 * MIN_FILES_PER_WORKER - 1, 4), 0);
  assert.equal(auto(2 * MIN_FILES_PER_WORKER, 4), 2);
  assert.equal(auto(100_000, 4), 2);
  assert.equal(auto(5 * MIN_FILES_PER_WORKER, 16), 5);
  assert.equal(auto(100_000, 16), 8);
  assert.equal(scanWorkerCount(100_000, { MCP_HYGIENE_WORKERS: '' }, 16), 8);
  assert.equal(scanWorkerCount(100_000, { MCP_HYGIENE_WORKERS: 'auto' }, 16), 8);
  assert.equal(scanWorkerCount(100_000, { MCP_HYGIENE_WORKERS: '0' }, 16), 0);
  assert.equal(scanWorkerCount(10, { MCP_HYGIENE_WORKERS: '3' }, 1), 3, 'as many as asked, whatever the cores');
  assert.equal(scanWorkerCount(2, { MCP_HYGIENE_WORKERS: '3' }, 16), 2, 'never more than the files');
  for (const bad of ['-1', '1.5', 'two', ' 2']) assert.throws(() => scanWorkerCount(10, { MCP_HYGIENE_WORKERS: bad }), UsageError, bad);
});

test('two workers report the corpus byte for byte as one thread does: json, sarif, text, github', { timeout: 300_000 }, () => {
  const { cleanup, scan } = setUp();
  try {
    for (const format of ['json', 'sarif', 'text', 'github']) {
      const sequential = scan(['.', '--format', format], { MCP_HYGIENE_WORKERS: '0' });
      const parallel = scan(['.', '--format', format], { MCP_HYGIENE_WORKERS: '2' });
      assert.equal(sequential.workers, 0, 'MCP_HYGIENE_WORKERS=0 starts no worker');
      assert.equal(parallel.workers, 2, format);
      assert.equal(sequential.code, 1, sequential.stderr);
      assert.equal(parallel.code, sequential.code, format);
      assert.equal(parallel.stderr, sequential.stderr, format);
      assert.equal(parallel.stdout, sequential.stdout, format);
    }
    const failOnNone = scan(['.', '--format', 'json', '--fail-on', 'none'], { MCP_HYGIENE_WORKERS: '2' });
    assert.equal(failOnNone.code, 0);
  } finally {
    cleanup();
  }
});
test('--cache: the same cache file, cold and warm, and the same report from it', { timeout: 300_000 }, () => {
  const { dir, cleanup, scan } = setUp();
  try {
    const cacheOf = (name: string) => join(dir, name);
    const cached = (name: string, workers: string) =>
      scan(['.', '--format', 'sarif', '--cache', '--cache-location', cacheOf(name)], { MCP_HYGIENE_WORKERS: workers });
    const uncached = scan(['.', '--format', 'sarif'], { MCP_HYGIENE_WORKERS: '0' });

    const coldSequential = cached('sequential', '0');
    const coldParallel = cached('parallel', '2');
    assert.equal(coldSequential.workers, 0);
    assert.equal(coldParallel.workers, 2);
    assert.equal(coldParallel.stdout, uncached.stdout);
    assert.equal(coldSequential.stdout, uncached.stdout);
    assert.equal(readFileSync(cacheOf('parallel'), 'utf8'), readFileSync(cacheOf('sequential'), 'utf8'));

    // Warm, with one file changed: the others come from the cache, the changed one is linted and stored.
    const changed = join(dir, 'corpus', corpusManifest()[0].repo, corpusManifest()[0].path);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/\n*$/, '\n\n'));
    const changedUncached = scan(['.', '--format', 'sarif'], { MCP_HYGIENE_WORKERS: '0' });
    copyFileSync(cacheOf('sequential'), cacheOf('parallel'));
    const warmSequential = cached('sequential', '0');
    const warmParallel = cached('parallel', '2');
    assert.equal(warmParallel.workers, 2);
    assert.equal(warmSequential.stdout, changedUncached.stdout);
    assert.equal(warmParallel.stdout, changedUncached.stdout);
    assert.equal(warmParallel.code, changedUncached.code);
    assert.equal(readFileSync(cacheOf('parallel'), 'utf8'), readFileSync(cacheOf('sequential'), 'utf8'));
  } finally {
    cleanup();
  }
});

test('a worker that crashes loses no result: its remaining files are scanned in the main thread, with a warning', { timeout: 300_000 }, () => {
  const { cleanup, scan } = setUp();
  try {
    const sequential = scan(['.', '--format', 'json'], { MCP_HYGIENE_WORKERS: '0' });
    const crashed = scan(['.', '--format', 'json'], { MCP_HYGIENE_WORKERS: '2', CRASH_AFTER: '5' });
    assert.equal(crashed.workers, 2);
    assert.equal(crashed.code, sequential.code);
    assert.equal(crashed.stdout, sequential.stdout);
    const warnings = crashed.stderr.split('\n').filter((line) => line.includes('scan worker thread stopped'));
    assert.equal(warnings.length, 2, crashed.stderr);
    assert.match(warnings[0], /^warning: A scan worker thread stopped \(crash for the test\); the files it had not scanned were scanned in the main thread\./);
  } finally {
    cleanup();
  }
});

test('the bundle starts the default number of workers, none for --fix or --stdin; a bad MCP_HYGIENE_WORKERS is a usage error', { timeout: 300_000 }, () => {
  const { cleanup, scan } = setUp();
  try {
    const auto = scanWorkerCount(corpusManifest().length, {});
    assert.equal(scan(['.', '--format', 'json']).workers, auto);
    assert.equal(scan(['.', '--format', 'json'], { MCP_HYGIENE_WORKERS: 'auto' }).workers, auto);
    assert.equal(scan(['.', '--format', 'json', '--fix', '--dry-run'], { MCP_HYGIENE_WORKERS: '2' }).workers, 0);
    const stdin = scan(
      ['--stdin', '--stdin-filename', '.cursor/mcp.json', '--format', 'json'],
      { MCP_HYGIENE_WORKERS: '2' },
      '{ "mcpServers": { "fs": { "command": "npx", "args": ["-y", "some-mcp-server"] } } }\n',
    );
    assert.equal(stdin.code, 1, stdin.stderr);
    assert.equal(stdin.workers, 0);
    const bad = scan(['.', '--format', 'json'], { MCP_HYGIENE_WORKERS: 'many' });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /MCP_HYGIENE_WORKERS must be "auto", 0 \(no worker threads\) or a number of worker threads, not "many"/);
  } finally {
    cleanup();
  }
});
