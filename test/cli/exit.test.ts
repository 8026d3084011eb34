/**
 * The binary writes its output straight to file descriptors 1 and 2 and exits as soon as the
 * run ends (cli-main.ts, cli/io.ts), not when node's event loop empties: a reader slower than
 * the scan must still receive the whole report, and one that leaves early ends it quietly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateConfig } from '../../bench/generate';
import { buildCliOnce, tempDir } from './helpers';

/** Runs `check` on the built CLI and a folder whose 400-server config makes a report larger than a pipe holds. */
async function withLargeReport(check: (cli: string, dir: string) => Promise<void>): Promise<void> {
  const { dir, cleanup } = tempDir('mcp-hygiene-exit-');
  try {
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode', 'mcp.json'), generateConfig(400));
    await check(buildCliOnce(), dir);
  } finally {
    cleanup();
  }
}

test('a reader that waits before reading still gets every byte of a report larger than a pipe holds', { timeout: 120_000 }, () =>
  withLargeReport(async (cli, dir) => {
    const args = [cli, 'scan', dir, '--format', 'json'];
    const expected = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
    assert.ok(expected.length > 4 * 65536, `a report of ${expected.length} bytes is larger than a pipe's buffer`);

    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Nothing is read for a while: the pipe fills and the rest waits in the CLI.
    await sleep(500);
    const chunks: Buffer[] = [];
    for await (const chunk of child.stdout) chunks.push(chunk as Buffer);
    assert.equal(await exited, 1, 'findings: exit code 1');
    const received = Buffer.concat(chunks).toString('utf8');
    assert.equal(received.replace(/"durationMs":\s*\d+/, ''), expected.replace(/"durationMs":\s*\d+/, ''));
    assert.ok(JSON.parse(received).findings.length > 400);
  }),
);

test('a reader that goes away early (`scan | head`) ends the scan quietly: no stack trace, exit code 0', { timeout: 120_000 }, () =>
  withLargeReport(async (cli, dir) => {
    const child = spawn(process.execPath, [cli, 'scan', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Like `head -1`: read the first chunk, then close the pipe while the report is still coming.
    const [first] = (await once(child.stdout, 'data')) as [Buffer];
    assert.ok(first.length > 0);
    child.stdout.destroy();
    assert.equal(await exited, 0);
    assert.equal(stderr, '');
  }),
);
