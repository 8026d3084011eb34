/**
 * --fix never loses a byte: a failed write (full disk, concurrent edit, a symbolic link out
 * of the scanned tree) leaves the original file exactly as it was, no temporary file behind,
 * the findings still reported, and exit code 2 (docs/reliability.md, "Hostile workspaces").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scanHooks } from '../../server/src/cli/scan';
import { writeFileAtomic, fileVersion } from '../../server/src/host/atomicWrite';
import { REPO_ROOT, runCli, tempDir, writeTree } from './helpers';

/** A VS Code config under the Claude key: its one safe fix renames the root key. */
const WRONG_ROOT_KEY = '{\n  "mcpServers": {\n    "docs": { "url": "https://mcp.docs.example.com/mcp" }\n  }\n}\n';
const FIXED = WRONG_ROOT_KEY.replace('"mcpServers"', '"servers"');
const CONFIG = '.vscode/mcp.json';

function findingIds(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId);
}

/** Installs a write hook for the duration of `body`. */
function withWriteHook<T>(hook: typeof scanHooks.write, body: () => T): T {
  scanHooks.write = hook;
  try {
    return body();
  } finally {
    delete scanHooks.write;
  }
}

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

test('a full disk part-way through the write: the file is unchanged, no temp file is left, the finding stays, exit 2', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { [CONFIG]: WRONG_ROOT_KEY });
    let calls = 0;
    const run = withWriteHook(
      (fd, buffer, offset, length) => {
        // Half the bytes land, then the disk is full.
        if (++calls === 1) return writeSync(fd, buffer, offset, Math.ceil(length / 2));
        throw enospc();
      },
      () => runCli(['scan', '--fix', '-f', 'json'], { cwd: dir }),
    );
    assert.equal(calls, 2, 'the hook saw the first half and the failing second write');
    assert.equal(run.code, 2);
    assert.equal(readFileSync(join(dir, CONFIG), 'utf8'), WRONG_ROOT_KEY);
    assert.deepEqual(readdirSync(join(dir, '.vscode')), ['mcp.json']);
    assert.match(run.stderr, /^error: Cannot write \.vscode\/mcp\.json \(the disk is full\); it is unchanged\.$/m);
    assert.doesNotMatch(run.stderr, /Fixed/);
    assert.deepEqual(findingIds(run.stdout), ['schema-wrong-root-key'], 'the report keeps the unfixed finding');
  } finally {
    cleanup();
  }
});

test('the original is never touched while the new content is written: a kill at any write leaves it whole', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { [CONFIG]: WRONG_ROOT_KEY });
    const seen: string[] = [];
    const run = withWriteHook(
      (fd, buffer, offset, length) => {
        seen.push(readFileSync(join(dir, CONFIG), 'utf8'));
        return writeSync(fd, buffer, offset, Math.min(length, 16)); // small writes: many points to be killed at
      },
      () => runCli(['scan', '--fix'], { cwd: dir }),
    );
    assert.equal(run.code, 0, run.stderr);
    assert.ok(seen.length >= 4, `${seen.length} writes`);
    for (const text of seen) assert.equal(text, WRONG_ROOT_KEY);
    assert.equal(readFileSync(join(dir, CONFIG), 'utf8'), FIXED);
    assert.deepEqual(readdirSync(join(dir, '.vscode')), ['mcp.json']);
  } finally {
    cleanup();
  }
});

test('a file edited while --fix runs is not overwritten: the edit survives, the message says to run again, exit 2', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { [CONFIG]: WRONG_ROOT_KEY });
    const edited = WRONG_ROOT_KEY.replace('"docs"', '"docs-v2"');
    let edits = 0;
    const run = withWriteHook(
      (fd, buffer, offset, length) => {
        // An editor saves the file between our read and our rename.
        if (edits++ === 0) writeFileSync(join(dir, CONFIG), edited);
        return writeSync(fd, buffer, offset, length);
      },
      () => runCli(['scan', '--fix'], { cwd: dir }),
    );
    assert.equal(run.code, 2);
    assert.equal(readFileSync(join(dir, CONFIG), 'utf8'), edited);
    assert.deepEqual(readdirSync(join(dir, '.vscode')), ['mcp.json']);
    assert.match(run.stderr, /^error: \.vscode\/mcp\.json changed while mcp-hygiene was fixing it; not written\. Run again\.$/m);
    assert.doesNotMatch(run.stdout, /Fixed/);
  } finally {
    cleanup();
  }
});

test('a same-size edit with the same mtime is still caught (the check hashes the bytes)', () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'mcp.json');
    writeFileSync(path, WRONG_ROOT_KEY);
    const bytes = readFileSync(path);
    const stat = statSync(path);
    const swapped = Buffer.from(WRONG_ROOT_KEY.replace('docs', 'DOCS'));
    assert.throws(
      () =>
        writeFileAtomic(path, Buffer.from(FIXED), {
          display: 'mcp.json',
          expected: fileVersion(bytes, stat),
          roots: [realpathSync(dir)],
          write: (fd, buffer, offset, length) => {
            writeFileSync(path, swapped);
            // The same size, and the mtime put back: only the content tells.
            utimesSync(path, stat.atime, stat.mtime);
            return writeSync(fd, buffer, offset, length);
          },
        }),
      { reason: 'changed' },
    );
    assert.ok(readFileSync(path).equals(swapped));
    assert.deepEqual(readdirSync(dir), ['mcp.json']);
  } finally {
    cleanup();
  }
});

test('the fixed file keeps its mode and its owner', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { [CONFIG]: WRONG_ROOT_KEY });
    const path = join(dir, CONFIG);
    chmodSync(path, 0o640);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(path, 1234, 5678);
    const run = runCli(['scan', '--fix'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const after = statSync(path);
    assert.equal(readFileSync(path, 'utf8'), FIXED);
    assert.equal(after.mode & 0o7777, 0o640);
    if (asRoot) assert.deepEqual([after.uid, after.gid], [1234, 5678]);
  } finally {
    cleanup();
  }
});

test('a symbolic link to a file outside the scanned folders is not written through, walked or named: target and link stay, exit 2', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { 'outside/mcp.json': WRONG_ROOT_KEY, 'repo/.vscode/.keep': '' });
    symlinkSync('../../outside/mcp.json', join(dir, 'repo', CONFIG));
    for (const args of [['scan'], ['scan', CONFIG]]) {
      const run = runCli([...args, '--fix', '-f', 'json'], { cwd: join(dir, 'repo') });
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(readFileSync(join(dir, 'outside/mcp.json'), 'utf8'), WRONG_ROOT_KEY);
      assert.ok(lstatSync(join(dir, 'repo', CONFIG)).isSymbolicLink());
      assert.match(
        run.stderr,
        /^error: \.vscode\/mcp\.json leads through a symbolic link to .*outside\/mcp\.json, outside the scanned folders; not written\./m,
      );
      assert.deepEqual(findingIds(run.stdout), ['schema-wrong-root-key']);
    }
    // Scanning the folder that holds the target too makes it part of the scan: then it is fixed.
    const both = runCli(['scan', 'repo', 'outside', '--fix'], { cwd: dir });
    assert.equal(both.code, 0, both.stderr);
    assert.equal(readFileSync(join(dir, 'outside/mcp.json'), 'utf8'), FIXED);
  } finally {
    cleanup();
  }
});

test('a symbolic link inside the scanned folder: its target is fixed and the link is kept', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { 'shared/mcp.json': WRONG_ROOT_KEY, '.vscode/.keep': '' });
    symlinkSync('../shared/mcp.json', join(dir, CONFIG));
    const walked = runCli(['scan', '--fix'], { cwd: dir });
    assert.equal(walked.code, 0, walked.stderr);
    assert.ok(lstatSync(join(dir, CONFIG)).isSymbolicLink(), 'the link is not replaced by a copy');
    assert.equal(readFileSync(join(dir, 'shared/mcp.json'), 'utf8'), FIXED);
    assert.deepEqual(readdirSync(join(dir, 'shared')), ['mcp.json']);
  } finally {
    cleanup();
  }
});

test('a real full file system (64 KB tmpfs): the write fails cleanly and the original is intact', (t) => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return t.skip('needs root on Linux to mount a tmpfs');
  const { dir, cleanup } = tempDir();
  const mount = join(dir, 'small');
  mkdirSync(mount);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    cleanup();
    return t.skip(`cannot mount a tmpfs here: ${(mounted.stderr || mounted.error?.message || '').trim()}`);
  }
  try {
    // 40 KB: the original fits, a second copy of it (the temporary file) does not.
    const big = WRONG_ROOT_KEY.replace('}\n}\n', `}\n}\n${' '.repeat(40 * 1024)}\n`);
    writeTree(mount, { [CONFIG]: big });
    const run = runCli(['scan', '--fix', '-f', 'json'], { cwd: mount });
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /Cannot write \.vscode\/mcp\.json \(the disk is full\); it is unchanged\./);
    assert.equal(readFileSync(join(mount, CONFIG), 'utf8'), big);
    assert.deepEqual(readdirSync(join(mount, '.vscode')), ['mcp.json']);
    assert.deepEqual(findingIds(run.stdout), ['schema-wrong-root-key']);
  } finally {
    spawnSync('umount', [mount]);
    cleanup();
  }
});

test('as an ordinary user: a read-only config and one owned by someone else are not replaced (exit 2)', (t) => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return t.skip('needs root to run the CLI as another user');
  const nobody = 65534;
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { 'ro/.vscode/mcp.json': WRONG_ROOT_KEY, 'theirs/.vscode/mcp.json': WRONG_ROOT_KEY });
    for (const folder of ['ro', 'ro/.vscode', 'ro/.vscode/mcp.json', 'theirs', 'theirs/.vscode']) chownSync(join(dir, folder), nobody, nobody);
    chmodSync(join(dir, 'ro/.vscode/mcp.json'), 0o444);
    // Root's file, writable by all: an in-place write would keep root as its owner, a rename would not.
    chmodSync(join(dir, 'theirs/.vscode/mcp.json'), 0o666);
    chmodSync(dir, 0o755);
    const runAsNobody = (cwd: string) =>
      spawnSync(
        process.execPath,
        ['--import', pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href, join(REPO_ROOT, 'server/src/cli-main.ts'), 'scan', '--fix'],
        { cwd, uid: nobody, gid: nobody, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH } },
      );
    const readOnly = runAsNobody(join(dir, 'ro'));
    assert.equal(readOnly.status, 2, readOnly.stderr);
    assert.match(readOnly.stderr, /^error: Cannot write \.vscode\/mcp\.json \(permission denied\); it is unchanged\.$/m);
    const theirs = runAsNobody(join(dir, 'theirs'));
    assert.equal(theirs.status, 2, theirs.stderr);
    assert.match(
      theirs.stderr,
      /^error: \.vscode\/mcp\.json belongs to another user; replacing it would change its owner, so it is not written\. Run as its owner\.$/m,
    );
    for (const folder of ['ro', 'theirs']) {
      assert.equal(readFileSync(join(dir, folder, CONFIG), 'utf8'), WRONG_ROOT_KEY);
      assert.deepEqual(readdirSync(join(dir, folder, '.vscode')), ['mcp.json']);
    }
    assert.equal(statSync(join(dir, 'theirs', CONFIG)).uid, 0);
  } finally {
    cleanup();
  }
});
