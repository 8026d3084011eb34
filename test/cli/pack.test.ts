import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, buildCliOnce, runCli, tempDir } from './helpers';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quiet = { encoding: 'utf8' as const, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } };

test('the bundle is an executable script with a shebang that runs outside the repository', () => {
  const cli = buildCliOnce();
  assert.ok(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n'));
  const { dir, cleanup } = tempDir();
  try {
    cpSync(join(REPO_ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
    const run = spawnSync(process.execPath, [cli, 'scan', 'examples', '-f', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), JSON.parse(runCli(['scan', 'examples', '-f', 'json'], { cwd: dir }).stdout));
  } finally {
    cleanup();
  }
});

test('npm pack holds only the bundle, README, LICENSE and the manifest; the installed binary scans examples/', { timeout: 300_000 }, () => {
  buildCliOnce();
  const { dir, cleanup } = tempDir('mcp-hygiene-pack-');
  try {
    const pack = spawnSync(npm, ['pack', '--json', '--pack-destination', dir], { cwd: REPO_ROOT, ...quiet });
    assert.equal(pack.status, 0, pack.stderr);
    const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    assert.deepEqual(info.files.map((f) => f.path).sort(), ['LICENSE', 'README.md', 'dist/cli-main.js', 'dist/cli.js', 'package.json']);
    const tarball = join(dir, info.filename);

    const project = join(dir, 'consumer');
    cpSync(join(REPO_ROOT, 'examples'), join(project, 'examples'), { recursive: true });
    // Its own package.json, so npm does not walk up and install into a parent folder.
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    const install = spawnSync(npm, ['install', '--no-save', '--prefer-offline', tarball], { cwd: project, ...quiet });
    assert.equal(install.status, 0, install.stderr);
    const bin = join(project, 'node_modules', '.bin', process.platform === 'win32' ? 'mcp-hygiene.cmd' : 'mcp-hygiene');
    assert.ok(existsSync(bin));

    const version = spawnSync(bin, ['--version'], { cwd: project, encoding: 'utf8' });
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version);

    const text = spawnSync(bin, ['scan', 'examples'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(text.status, 1, text.stderr);
    const scanned = readdirSync(join(project, 'examples'));
    assert.ok(scanned.length > 0);
    assert.match(text.stdout, /^\d+ files?, \d+ findings? \(/m);
    const json = spawnSync(bin, ['scan', 'examples', '-f', 'json'], { cwd: project, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(json.stdout), JSON.parse(runCli(['scan', 'examples', '-f', 'json'], { cwd: project }).stdout));
    // Scan workers load the installed bundle itself: nothing else needs to ship for them.
    const onWorkers = spawnSync(bin, ['scan', 'examples', '-f', 'json'], { cwd: project, encoding: 'utf8', env: { ...process.env, MCP_HYGIENE_WORKERS: '2' } });
    assert.equal(onWorkers.stderr, '');
    assert.equal(onWorkers.stdout, json.stdout);
    const sarif = spawnSync(bin, ['scan', 'examples', '-f', 'sarif'], { cwd: project, encoding: 'utf8' });
    assert.equal(JSON.parse(sarif.stdout).runs[0].tool.driver.version, version.stdout.trim());
  } finally {
    cleanup();
  }
});
