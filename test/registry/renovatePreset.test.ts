/**
 * The Renovate preset (docs/renovate/mcp-hygiene.json, issue 16) is current with the dialects,
 * and Renovate's own extraction finds exactly the pinned launch specs in realistic config files
 * of several clients — run locally (`--platform=local --dry-run=extract`: no platform, no
 * lookup, nothing written). Renovate 39.99.0 (the last line that runs on Node 20) is installed
 * on first use into .cache/ (npm registry only; ~1 minute, ~300 MB).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderRenovatePreset } from '../support/renovatePreset';
import { writeTree } from '../cli/helpers';

const REPO_ROOT = resolve(__dirname, '..', '..');
const PRESET = join(REPO_ROOT, 'docs', 'renovate', 'mcp-hygiene.json');
const RENOVATE_VERSION = '39.99.0';
const RENOVATE_DIR = join(REPO_ROOT, '.cache', `renovate-${RENOVATE_VERSION}`);
const RENOVATE_BIN = join(RENOVATE_DIR, 'node_modules', 'renovate', 'dist', 'renovate.js');

test('the committed preset is generated from the dialects (node --import tsx scripts/renovate-preset.mjs)', () => {
  assert.equal(readFileSync(PRESET, 'utf8'), renderRenovatePreset());
});

/** Renovate, installed once; undefined (with the reason) when npm cannot fetch it. */
function renovate(): string | { skip: string } {
  if (existsSync(RENOVATE_BIN)) return RENOVATE_BIN;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = spawnSync(
    npm,
    ['install', '--prefix', RENOVATE_DIR, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `renovate@${RENOVATE_VERSION}`],
    { encoding: 'utf8', timeout: 600_000 },
  );
  if (install.status !== 0 || !existsSync(RENOVATE_BIN))
    return { skip: `npm could not install renovate@${RENOVATE_VERSION}: ${(install.stderr || String(install.error)).split('\n').slice(-3).join(' ')}` };
  return RENOVATE_BIN;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
const DIGEST = 'sha256:' + 'ab12'.repeat(16);

const FILES: Record<string, string> = {
  '.vscode/mcp.json': `// Team MCP servers\n${json({
    servers: {
      github: { type: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'] },
      'github-docker': { command: 'docker', args: ['run', '-i', '--rm', '-e', 'GITHUB_TOKEN', 'ghcr.io/github/github-mcp-server:v0.5.0'] },
      unpinned: { command: 'npx', args: ['-y', 'left-to-mcp-hygiene'] },
    },
  })}`,
  '.mcp.json': json({
    mcpServers: {
      fetch: { command: 'uvx', args: ['mcp-server-fetch==2025.4.7'] },
      pinned: { command: 'docker', args: ['run', '-i', '--rm', '-p', '8080:8080', `mcp/fetch:1.0@${DIGEST}`] },
    },
  }),
  '.codex/config.toml': 'model = "gpt-5-codex"\n\n[mcp_servers.docs]\ncommand = "npx"\nargs = ["-y", "@acme/docs-mcp@1.4.2"]\n',
  '.continue/mcpServers/team.yaml':
    'name: Team\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: remote\n    command: npx\n    args:\n      - "-y"\n      - "mcp-remote@0.1.18"\n      - "https://mcp.example.com/sse"\n',
  'opencode.json': json({
    $schema: 'https://opencode.ai/config.json',
    mcp: { context7: { type: 'local', command: ['npx', '-y', '@upstash/context7-mcp@1.0.14'] } },
  }),
  'templates/mcp-servers.example.json': json({ mcpServers: { git: { command: 'uvx', args: ['--from', 'mcp-server-git==2025.1.14', 'mcp-server-git'] } } }),
  'package.json': json({ name: 'app', version: '1.0.0', scripts: { mcp: 'npx -y not-a-config@1.0.0' }, command: 'npx', args: ['also-not@2.0.0'] }),
};

const EXPECTED: Record<string, string[]> = {
  '.vscode/mcp.json': ['npm @modelcontextprotocol/server-github 2025.4.8', 'docker ghcr.io/github/github-mcp-server v0.5.0'],
  '.mcp.json': ['pypi mcp-server-fetch 2025.4.7', `docker mcp/fetch 1.0 ${DIGEST}`],
  '.codex/config.toml': ['npm @acme/docs-mcp 1.4.2'],
  '.continue/mcpServers/team.yaml': ['npm mcp-remote 0.1.18'],
  'opencode.json': ['npm @upstash/context7-mcp 1.0.14'],
  'templates/mcp-servers.example.json': ['pypi mcp-server-git 2025.1.14'],
};

test("Renovate's own extraction finds exactly the pinned specs in every client's files", { timeout: 900_000 }, (t) => {
  const bin = renovate();
  if (typeof bin !== 'string') return t.skip(bin.skip);
  const repo = mkdtempSync(join(tmpdir(), 'mcp-hygiene-renovate-'));
  try {
    writeTree(repo, FILES);
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'core.hooksPath=/dev/null', ...args], {
        cwd: repo,
        encoding: 'utf8',
      });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'configs');
    const run = spawnSync(process.execPath, [bin, '--platform=local', '--dry-run=extract', '--onboarding=false', '--require-config=optional'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 300_000,
      env: {
        PATH: process.env.PATH,
        HOME: repo,
        RENOVATE_CONFIG_FILE: PRESET,
        RENOVATE_BASE_DIR: join(repo, '.renovate'),
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'info',
      },
    });
    assert.equal(run.status, 0, run.stderr || run.stdout.slice(-2000));
    const extracted = run.stdout
      .split('\n')
      .filter(Boolean)
      .map(
        (line) =>
          JSON.parse(line) as {
            msg?: string;
            packageFiles?: {
              regex?: Array<{ packageFile: string; deps: Array<{ depName: string; currentValue: string; currentDigest?: string; datasource: string }> }>;
            };
          },
      )
      .find((entry) => entry.packageFiles);
    assert.ok(extracted, 'Renovate logged the extracted package files');
    const found: Record<string, string[]> = {};
    for (const file of extracted.packageFiles!.regex ?? []) {
      (found[file.packageFile] ??= []).push(...file.deps.map((d) => [d.datasource, d.depName, d.currentValue, d.currentDigest].filter(Boolean).join(' ')));
    }
    for (const deps of Object.values(found)) deps.sort();
    assert.deepEqual(found, Object.fromEntries(Object.entries(EXPECTED).map(([file, deps]) => [file, [...deps].sort()])));
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
