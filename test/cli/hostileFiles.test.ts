/**
 * A scanned repository can leave a FIFO or a link to /dev/zero where the CLI expects a file:
 * every file the CLI reads (configs, .gitignore, .mcp-hygiene.json, the policy file, the
 * baseline) is opened without blocking, checked to be a regular file and read with a bound.
 * The runs that meet a FIFO are child processes with a timeout, so a regression fails the
 * test instead of hanging the suite (docs/reliability.md, "Hostile workspaces").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { discover } from '../../server/src/host/discover';
import { scanFiles } from '../../server/src/cli/scan';
import { DEFAULT_SETTINGS } from '../../server/src/engine';
import { REPO_ROOT, runCli, tempDir, writeTree, type CliRun } from './helpers';

const UNPINNED = `{ "mcpServers": { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem"] } } }\n`;

/** tsx resolved from the repository: the child runs in a temporary folder with no node_modules. */
const TSX_LOADER = pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** The CLI as a child process (through tsx: no build needed), killed after 60 s. */
function runCliProcess(args: readonly string[], cwd: string): CliRun {
  const result = spawnSync(process.execPath, ['--import', TSX_LOADER, join(REPO_ROOT, 'server/src/cli-main.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH },
  });
  assert.equal(result.signal, null, `the CLI did not finish (${result.signal}): it blocked on a file`);
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  assert.equal(made.status, 0, `mkfifo ${path}`);
}

function skipped(stdout: string): Array<{ file: string; reason: string }> {
  return (JSON.parse(stdout) as { skipped: Array<{ file: string; reason: string }> }).skipped;
}

const posix = process.platform !== 'win32';

test('FIFOs and device links named like configs are listed as skipped with their kind, never opened', { skip: !posix }, () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { '.mcp.json': UNPINNED, '.vscode/.keep': '', '.cursor/.keep': '' });
    mkfifo(join(dir, '.vscode/mcp.json'));
    symlinkSync('/dev/zero', join(dir, '.cursor/mcp.json'));
    const run = runCliProcess(['scan', '-f', 'json'], dir);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(skipped(run.stdout), [
      { file: '.cursor/mcp.json', reason: 'not a regular file (a device)' },
      { file: '.vscode/mcp.json', reason: 'not a regular file (a FIFO)' },
    ]);
    const named = runCliProcess(['scan', '.vscode/mcp.json', '-f', 'json'], dir);
    assert.deepEqual(skipped(named.stdout), [{ file: '.vscode/mcp.json', reason: 'not a regular file (a FIFO)' }]);
  } finally {
    cleanup();
  }
});

test('a .gitignore that is a FIFO or a link to /dev/zero is not applied and is listed; the scan finishes', { skip: !posix }, () => {
  for (const make of [(path: string) => mkfifo(path), (path: string) => symlinkSync('/dev/zero', path)]) {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { '.mcp.json': UNPINNED, 'sub/.vscode/mcp.json': UNPINNED });
      make(join(dir, '.gitignore'));
      make(join(dir, 'sub/.gitignore'));
      const run = runCliProcess(['scan', '-f', 'json'], dir);
      assert.equal(run.code, 1, run.stderr);
      const reasons = skipped(run.stdout);
      assert.deepEqual(
        reasons.map((s) => s.file),
        ['.gitignore', 'sub/.gitignore'],
      );
      for (const { reason } of reasons) assert.match(reason, /^not a regular file \(a (FIFO|device)\); its ignore rules are not applied$/);
      assert.equal((JSON.parse(run.stdout) as { findings: unknown[] }).findings.length, 2, 'both configs are still linted');
    } finally {
      cleanup();
    }
  }
});

test('a FIFO .mcp-hygiene.json or --config is a one-line error (exit 2), not a hang', { skip: !posix }, () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { '.mcp.json': UNPINNED });
    mkfifo(join(dir, '.mcp-hygiene.json'));
    const run = runCliProcess(['scan'], dir);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'mcp-hygiene: Cannot read the settings file .mcp-hygiene.json: not a regular file (a FIFO).\nRun "mcp-hygiene --help" for usage.\n',
    );
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    const zero = runCliProcess(['scan', '--config', 'zero.json'], dir);
    assert.equal(zero.code, 2);
    assert.match(zero.stderr, /^mcp-hygiene: Cannot read the settings file zero\.json: not a regular file \(a device\)\.\n/);
  } finally {
    cleanup();
  }
});

test('a FIFO policy file gives one warning and no policy; a FIFO baseline is an error (exit 2)', { skip: !posix }, () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { '.mcp.json': UNPINNED, 'settings.json': '{ "policyFile": "policy.json" }' });
    mkfifo(join(dir, 'policy.json'));
    mkfifo(join(dir, 'baseline.json'));
    const run = runCliProcess(['scan', '--config', 'settings.json'], dir);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /^warning: Cannot read the policy file .*policy\.json: not a regular file \(a FIFO\)\. No policy is applied\.$/m);
    const baseline = runCliProcess(['scan', '--baseline', 'baseline.json'], dir);
    assert.equal(baseline.code, 2);
    assert.equal(baseline.stderr, 'mcp-hygiene: Cannot read the baseline baseline.json: not a regular file (a FIFO).\n');
  } finally {
    cleanup();
  }
});

test('a FIFO committed as .mcp-hygiene-cache counts as no cache: --cache finishes and replaces it', { skip: !posix }, () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { '.mcp.json': UNPINNED });
    mkfifo(join(dir, '.mcp-hygiene-cache'));
    const run = runCliProcess(['scan', '--cache'], dir);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, '');
    assert.ok(statSync(join(dir, '.mcp-hygiene-cache')).isFile(), 'the cache was written as a regular file');
  } finally {
    cleanup();
  }
});

test('--write-baseline never writes through a committed link or into a FIFO (exit 2)', { skip: !posix }, () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { 'repo/.mcp.json': UNPINNED, 'victim.txt': 'keep me\n' });
    const repo = join(dir, 'repo');
    symlinkSync('../victim.txt', join(repo, 'baseline.json'));
    mkfifo(join(repo, 'fifo.json'));
    const linked = runCliProcess(['scan', '--write-baseline', 'baseline.json'], repo);
    assert.equal(linked.code, 2);
    assert.match(linked.stderr, /^mcp-hygiene: Cannot write the baseline .*baseline\.json: a symbolic link; not followed\.\n$/);
    assert.equal(readFileSync(join(dir, 'victim.txt'), 'utf8'), 'keep me\n');
    const fifo = runCliProcess(['scan', '--write-baseline', 'fifo.json'], repo);
    assert.equal(fifo.code, 2);
    assert.match(fifo.stderr, /^mcp-hygiene: Cannot write the baseline .*fifo\.json: not a regular file \(a FIFO\)\.\n$/);
    // An ordinary, longer baseline is replaced whole (truncated first).
    writeTree(repo, { 'old.json': 'x'.repeat(10_000) });
    assert.equal(runCliProcess(['scan', '--write-baseline', 'old.json'], repo).code, 0);
    assert.equal(JSON.parse(readFileSync(join(repo, 'old.json'), 'utf8')).findings.length, 1);
  } finally {
    cleanup();
  }
});

test('a config replaced by a FIFO after discovery is skipped with its reason', { skip: !posix }, () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { '.mcp.json': UNPINNED, '.cursor/mcp.json': UNPINNED });
    const discovery = discover({ cwd: dir, paths: ['.'], exclude: [], gitignore: true, userConfigs: false, env: {} });
    assert.equal(discovery.files.length, 2);
    rmSync(join(dir, '.cursor/mcp.json'));
    // O_NONBLOCK on the open: without a writer this FIFO would block a plain open forever.
    mkfifo(join(dir, '.cursor/mcp.json'));
    const outcome = scanFiles(discovery.files, {
      configFor: () => ({ settings: DEFAULT_SETTINGS }),
      fix: true,
      dryRun: false,
      writableRoots: discovery.writableRoots,
      relativeTo: (p) => p,
      fingerprints: false,
    });
    assert.deepEqual(outcome.skipped, [{ file: '.cursor/mcp.json', reason: 'not a regular file (a FIFO)' }]);
    assert.deepEqual(
      outcome.linted.map((f) => f.display),
      ['.mcp.json'],
    );
  } finally {
    cleanup();
  }
});

test('a config larger than maxFileSize is skipped with its size; it is never read whole', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { '.mcp-hygiene.json': '{ "maxFileSize": 1000 }', '.mcp.json': UNPINNED.replace('}\n', '}' + ' '.repeat(5000) + '\n') });
    const run = runCli(['scan', '-f', 'json'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(skipped(run.stdout), [{ file: '.mcp.json', reason: `too large (${UNPINNED.length + 5000} bytes; maxFileSize is 1000)` }]);
  } finally {
    cleanup();
  }
});
