/**
 * Pinning against a real npm registry on loopback (Verdaccio): packages with several
 * versions, a pre-release under `next`, a deprecated latest, and an injected advisory.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVerdaccio, type Verdaccio } from './verdaccio';
import { lookupPinVersion, RegistryError } from '../../server/src/registry';
import { parseSettings } from '../../server/src/engine';
import { pinAndCheck, advisoryFor } from './helpers';

let registry: Verdaccio | undefined;
const timings: string[] = [];

before(async () => {
  registry = await startVerdaccio();
  timings.push(`verdaccio up in ${registry.startMs} ms`);
  const t0 = Date.now();
  const r = registry;
  // Two publishing chains side by side (each package's versions in order).
  await Promise.all([
    (async () => {
      for (const version of ['1.0.0', '1.1.0', '1.2.0']) await r.publish({ name: 'pin-demo', version });
      await r.publish({ name: 'pin-demo', version: '2.0.0-beta.1', tag: 'next' });
    })(),
    (async () => {
      await r.publish({ name: '@acme/pin-scoped', version: '0.1.0' });
      await r.publish({ name: '@acme/pin-scoped', version: '0.2.0' });
      await r.deprecate('@acme/pin-scoped@0.2.0', 'broken release, use 0.1.0');
    })(),
  ]);
  timings.push(`published 6 versions + deprecate in ${Date.now() - t0} ms`);
});

after(async () => {
  const t0 = Date.now();
  await registry?.stop();
  timings.push(`stopped in ${Date.now() - t0} ms`);
  console.log(`# verdaccio timings: ${timings.join('; ')}`);
});

const networkOn = parseSettings({ network: true }).settings;

test('npx -y pkg in .vscode/mcp.json is pinned to dist-tags.latest (not the newer pre-release under next); the fix invariants hold', async () => {
  const text = '{\n  // team servers\n  "servers": {\n    "demo": { "command": "npx", "args": ["-y", "pin-demo"] }\n  }\n}\n';
  const { fixed, result } = await pinAndCheck(text, '/p/.vscode/mcp.json', { settings: { ...networkOn, npmRegistry: registry!.url } });
  assert.equal(result.version, '1.2.0');
  assert.equal(fixed, text.replace('"pin-demo"', '"pin-demo@1.2.0"'));
});

test('a deprecated latest is skipped for the newest non-deprecated version (scoped package, @scope%2fname URL)', async () => {
  const text = '{ "mcpServers": { "s": { "command": "npx", "args": ["-y", "@acme/pin-scoped@latest"] } } }';
  const { fixed, result } = await pinAndCheck(text, '/p/.cursor/mcp.json', { settings: { ...networkOn, npmRegistry: registry!.url } });
  assert.equal(result.version, '0.1.0');
  assert.match(result.note ?? '', /0\.2\.0 \(deprecated\)/);
  assert.ok(fixed.includes('"@acme/pin-scoped@0.1.0"'));
});

test('a version inside a known advisory is never proposed (injected advisory list)', async () => {
  const advisories = advisoryFor('npm', 'pin-demo', '>=1.2.0 <1.3.0');
  const text = '{ "mcpServers": { "s": { "command": "npx", "args": ["-y", "pin-demo@^1"] } } }';
  const { fixed, result } = await pinAndCheck(text, '/p/.cursor/mcp.json', { settings: { ...networkOn, npmRegistry: registry!.url }, advisories });
  assert.equal(result.version, '1.1.0');
  assert.match(result.note ?? '', /1\.2\.0 \(in GHSA-test-pin\)/);
  assert.ok(fixed.includes('"pin-demo@1.1.0"'));
});

test('one-string commands, bunx / pnpm dlx / yarn dlx / npm exec, TOML and YAML are pinned in place', async () => {
  const settings = { ...networkOn, npmRegistry: registry!.url };
  const cases: Array<[string, string, string]> = [
    ['{ "mcpServers": { "s": { "command": "npx -y pin-demo --port 3000" } } }', '/p/.cursor/mcp.json', '"npx -y pin-demo@1.2.0 --port 3000"'],
    ['{ "mcpServers": { "s": { "command": "bunx", "args": ["pin-demo"] } } }', '/p/.cursor/mcp.json', '"pin-demo@1.2.0"'],
    ['{ "mcpServers": { "s": { "command": "pnpm", "args": ["dlx", "pin-demo@latest"] } } }', '/p/.cursor/mcp.json', '"pin-demo@1.2.0"'],
    ['{ "mcpServers": { "s": { "command": "yarn", "args": ["dlx", "pin-demo"] } } }', '/p/.cursor/mcp.json', '"pin-demo@1.2.0"'],
    ['{ "mcpServers": { "s": { "command": "npm", "args": ["exec", "--yes", "pin-demo"] } } }', '/p/.cursor/mcp.json', '"pin-demo@1.2.0"'],
    ["# codex\n[mcp_servers.demo]\ncommand = 'npx'\nargs = ['-y', 'pin-demo'] # trailing\n", '/p/.codex/config.toml', "'pin-demo@1.2.0'] # trailing"],
    [
      'name: x\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: demo\n    command: npx\n    args:\n      - -y\n      - pin-demo # comment\n',
      '/p/.continue/mcpServers/demo.yaml',
      '- pin-demo@1.2.0 # comment',
    ],
  ];
  for (const [text, path, expected] of cases) {
    const { fixed } = await pinAndCheck(text, path, { settings });
    assert.ok(fixed.includes(expected), `${path}: ${fixed}`);
  }
});

test('.npmrc registry= (project folder) and @scope:registry= (home) are honoured; the setting is the fallback', async () => {
  const root = mkdtempSync(join(tmpdir(), 'mcp-hygiene-npmrc-'));
  try {
    const project = join(root, 'project');
    const home = join(root, 'home');
    mkdirSync(join(project, '.vscode'), { recursive: true });
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, '.npmrc'), `@acme:registry=${registry!.url}/\n//127.0.0.1:1/:_authToken=never-read\n`);
    // The setting points at a closed port: only .npmrc can make these lookups work.
    const settings = { ...networkOn, npmRegistry: 'http://127.0.0.1:9' };
    const scoped = await lookupPinVersion(
      { kind: 'npm', name: '@acme/pin-scoped' },
      { settings, configFile: join(project, '.vscode', 'mcp.json'), workspaceFolder: project, home },
    );
    assert.equal(scoped.version, '0.1.0');
    await assert.rejects(
      lookupPinVersion(
        { kind: 'npm', name: 'pin-demo' },
        { settings, configFile: join(project, '.vscode', 'mcp.json'), workspaceFolder: project, home, timeoutMs: 2000 },
      ),
      RegistryError,
    );
    writeFileSync(join(project, '.npmrc'), `registry=${registry!.url}\n`);
    const plain = await lookupPinVersion(
      { kind: 'npm', name: 'pin-demo' },
      { settings, configFile: join(project, '.vscode', 'mcp.json'), workspaceFolder: project, home },
    );
    assert.equal(plain.version, '1.2.0');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a package the registry does not have: clear 404 message naming the registry, no edit', async () => {
  const text = '{ "mcpServers": { "s": { "command": "npx", "args": ["-y", "no-such-pin-package"] } } }';
  await assert.rejects(
    pinAndCheck(text, '/p/.cursor/mcp.json', { settings: { ...networkOn, npmRegistry: registry!.url } }),
    (error: unknown) =>
      error instanceof RegistryError && error.reason === 'not-found' && error.message === `Package "no-such-pin-package" was not found in ${registry!.url}.`,
  );
});
