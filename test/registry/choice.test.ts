/** Offline parts of the registry module: which registry is asked, and which version is chosen. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npmRegistryFor } from '../../server/src/registry/npm';
import { pythonIndexFor } from '../../server/src/registry/pypi';
import { imageLocation } from '../../server/src/registry/oci';
import { chooseSafeVersion } from '../../server/src/registry/safeVersion';
import { displayUrl } from '../../server/src/registry/http';
import type { Advisory } from '../../server/src/data';

const advisory = (affected: string, id = 'GHSA-x'): Advisory => ({
  id,
  aliases: [],
  ecosystem: 'npm',
  package: 'p',
  affected,
  fixed: null,
  malicious: false,
  severity: 'error',
  summary: '',
  url: '',
});

test('npm: latest unless pre-release/deprecated/vulnerable; never newer than latest; undefined when nothing qualifies', () => {
  const versions = ['1.0.0', '1.1.0', '1.2.0', '2.0.0', '3.0.0-rc.1'].map((version) => ({ version }));
  assert.equal(chooseSafeVersion('npm', versions, [], '1.2.0')?.version, '1.2.0', 'a published 2.0.0 not promoted to latest is not proposed');
  assert.equal(chooseSafeVersion('npm', versions, [advisory('>=1.1.0 <1.3.0')], '1.2.0')?.version, '1.0.0');
  assert.equal(chooseSafeVersion('npm', [...versions.slice(0, 2), { version: '1.2.0', withdrawn: 'bad' }], [], '1.2.0')?.version, '1.1.0');
  assert.equal(chooseSafeVersion('npm', versions, [], '3.0.0-rc.1')?.version, '2.0.0', 'a pre-release latest falls back to the newest final');
  assert.equal(chooseSafeVersion('npm', versions, [advisory('*')], '1.2.0'), undefined);
});

test('PyPI: newest final release outside the advisories (PEP 440 order, pre/dev/local skipped)', () => {
  const versions = ['0.9', '1.0.0', '1.0.post1', '1.1.dev0', '1.1rc1', '1.0.0+local'].map((version) => ({ version }));
  assert.equal(chooseSafeVersion('PyPI', versions, [])?.version, '1.0.post1');
  assert.equal(chooseSafeVersion('PyPI', versions, [advisory('>=1.0 <1.1')])?.version, '0.9');
});

test('npm registry: --registry, project .npmrc (scope first), ~/.npmrc, setting, public default; tokens never read', () => {
  const root = mkdtempSync(join(tmpdir(), 'mcp-hygiene-npmrc-unit-'));
  try {
    const folder = join(root, 'ws');
    mkdirSync(join(folder, 'sub', '.vscode'), { recursive: true });
    const home = join(root, 'home');
    mkdirSync(home);
    const file = join(folder, 'sub', '.vscode', 'mcp.json');
    const base = { configFile: file, workspaceFolder: folder, home, env: { REG: 'https://env.example' } };
    assert.equal(npmRegistryFor('x', base), 'https://registry.npmjs.org');
    assert.equal(npmRegistryFor('x', { ...base, setting: 'https://setting.example/' }), 'https://setting.example');
    writeFileSync(join(home, '.npmrc'), 'registry=https://home.example/\n@acme:registry = "${REG}/acme/"\n');
    assert.equal(npmRegistryFor('x', { ...base, setting: 'https://setting.example' }), 'https://home.example');
    assert.equal(npmRegistryFor('@acme/y', base), 'https://env.example/acme', 'variables expand in ~/.npmrc');
    writeFileSync(join(folder, '.npmrc'), '; comment\nregistry=https://project.example\n//project.example/:_authToken=secret\n');
    assert.equal(npmRegistryFor('x', base), 'https://project.example');
    assert.equal(npmRegistryFor('@acme/y', base), 'https://project.example');
    // A project .npmrc choosing which of the user's variables go into a URL is refused.
    writeFileSync(join(folder, '.npmrc'), '@acme:registry = "${REG}/acme/"\n');
    assert.throws(
      () => npmRegistryFor('@acme/y', base),
      (error: Error) => /sets @acme:registry with an environment variable/.test(error.message) && !error.message.includes('env.example'),
    );
    assert.equal(npmRegistryFor('@acme/y', { ...base, explicit: 'https://cli.example/' }), 'https://cli.example');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('Python index: launch option and UV/PIP env are simple indexes; PyPI always through its JSON API; the setting is a JSON root unless it ends in /simple', () => {
  assert.deepEqual(pythonIndexFor({ env: {} }), { url: 'https://pypi.org', api: 'json' });
  assert.deepEqual(pythonIndexFor({ env: { PIP_INDEX_URL: 'https://pypi.org/simple/' } }), { url: 'https://pypi.org', api: 'json' });
  assert.deepEqual(pythonIndexFor({ env: { UV_INDEX_URL: 'https://mirror.example/simple/' } }), { url: 'https://mirror.example/simple', api: 'simple' });
  assert.deepEqual(pythonIndexFor({ explicit: 'https://idx.example/root/pypi', env: { UV_INDEX_URL: 'https://other.example/simple' } }), {
    url: 'https://idx.example/root/pypi',
    api: 'simple',
  });
  assert.deepEqual(pythonIndexFor({ setting: 'https://devpi.example', env: {} }), { url: 'https://devpi.example', api: 'json' });
  assert.deepEqual(pythonIndexFor({ setting: 'https://devpi.example/simple', env: {} }), { url: 'https://devpi.example/simple', api: 'simple' });
});

test('image locations: Docker Hub (library/ for official images), hosts in the name, loopback over http, the setting for host-less names', () => {
  assert.deepEqual(imageLocation('node'), { base: 'https://registry-1.docker.io', repository: 'library/node', display: 'Docker Hub' });
  assert.deepEqual(imageLocation('mcp/fetch'), { base: 'https://registry-1.docker.io', repository: 'mcp/fetch', display: 'Docker Hub' });
  assert.deepEqual(imageLocation('docker.io/mcp/fetch'), { base: 'https://registry-1.docker.io', repository: 'mcp/fetch', display: 'Docker Hub' });
  assert.deepEqual(imageLocation('ghcr.io/github/github-mcp-server'), { base: 'https://ghcr.io', repository: 'github/github-mcp-server', display: 'ghcr.io' });
  assert.deepEqual(imageLocation('localhost:5000/team/x'), { base: 'http://localhost:5000', repository: 'team/x', display: 'localhost:5000' });
  assert.deepEqual(imageLocation('mcp/fetch', 'https://mirror.example/'), {
    base: 'https://mirror.example',
    repository: 'mcp/fetch',
    display: 'https://mirror.example',
  });
});

test('URLs in messages keep only scheme, host and port', () => {
  assert.equal(displayUrl('https://user:pass@npm.example/path?token=abc'), 'https://npm.example');
  assert.equal(displayUrl('http://127.0.0.1:8765/npm_0123456789abcdef/'), 'http://127.0.0.1:8765');
  assert.equal(displayUrl('not a url /with-a-token'), 'an invalid URL');
});
