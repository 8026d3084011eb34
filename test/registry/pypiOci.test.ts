/**
 * uvx / pipx pins against a loopback PyPI (JSON API and PEP 691 simple API), docker pins
 * against a loopback OCI registry behind the Bearer token challenge, git commit pins, and
 * every failure mode (down, slow, 404, malformed): a clear message and no edit.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startLoopbackRegistry, type LoopbackRegistry } from './loopbackServers';
import { freePort } from './verdaccio';
import { analyze, parseSettings } from '../../server/src/engine';
import { pinTargets, pinVersionProblem } from '../../server/src/launch/pinnable';
import { lookupPinVersion, RegistryError } from '../../server/src/registry';
import { parseBearerChallenge } from '../../server/src/registry/oci';
import { advisoryFor, checkInvariants, pinAndCheck } from './helpers';

let registry: LoopbackRegistry;
before(async () => {
  registry = await startLoopbackRegistry();
});
after(async () => {
  await registry.close();
});

const on = (extra: Record<string, unknown> = {}) => parseSettings({ network: true, ...extra }).settings;
const mcp = (command: string, args: string[]) => JSON.stringify({ mcpServers: { s: { command, args } } }, null, 2) + '\n';

test('uvx pkg is pinned to the newest final, un-yanked release from the PyPI JSON API, in the form uvx documents (pkg@1.0.0)', async () => {
  const text = mcp('uvx', ['mcp-server-fetch']);
  const { fixed, result } = await pinAndCheck(text, '/p/.cursor/mcp.json', { settings: on({ pythonIndex: registry.url }), context: { env: {} } });
  assert.equal(result.version, '1.0.0', '1.1.0 is yanked and 1.2.0rc1 a pre-release');
  assert.ok(fixed.includes('"mcp-server-fetch@1.0.0"'), fixed);
  assert.ok(registry.requests.some((r) => r.url === '/pypi/mcp-server-fetch/json'));
});

test('pipx run and uvx --from take a PEP 508 requirement: pkg==1.0.0', async () => {
  const settings = on({ pythonIndex: registry.url });
  const pipx = await pinAndCheck(mcp('pipx', ['run', 'mcp-server-fetch']), '/p/.cursor/mcp.json', { settings, context: { env: {} } });
  assert.ok(pipx.fixed.includes('"mcp-server-fetch==1.0.0"'), pipx.fixed);
  const from = await pinAndCheck(mcp('uvx', ['--from', 'mcp-server-fetch', 'mcp-server-fetch']), '/p/.cursor/mcp.json', { settings, context: { env: {} } });
  assert.ok(from.fixed.includes('"--from", "mcp-server-fetch==1.0.0", "mcp-server-fetch"') || from.fixed.includes('"mcp-server-fetch==1.0.0",\n'), from.fixed);
});

test('UV_INDEX_URL (a simple-API index) is asked with the PEP 691 JSON form; an advisory pushes the pin below the vulnerable range', async () => {
  const settings = on();
  const env = { UV_INDEX_URL: `${registry.url}/simple` };
  const before = registry.requests.length;
  const { fixed, result } = await pinAndCheck(mcp('uvx', ['mcp-server-fetch']), '/p/.cursor/mcp.json', {
    settings,
    advisories: advisoryFor('PyPI', 'mcp-server-fetch', '>=1.0.0 <1.1.0'),
    context: { env },
  });
  assert.equal(result.version, '0.9.0');
  assert.ok(fixed.includes('"mcp-server-fetch@0.9.0"'));
  const request = registry.requests.slice(before).find((r) => r.url === '/simple/mcp-server-fetch/');
  assert.ok(request, 'the simple API was asked');
  assert.match(request.accept ?? '', /application\/vnd\.pypi\.simple\.v1\+json/);
});

test('docker: the tag is resolved to its digest through the Bearer challenge (realm/service/scope from WWW-Authenticate) and written as image:tag@sha256:…', async () => {
  const host = new URL(registry.url).host;
  const before = registry.requests.length;
  const text = mcp('docker', ['run', '-i', '--rm', `${host}/team/server:latest`]);
  const { fixed, result } = await pinAndCheck(text, '/p/.cursor/mcp.json', { settings: on() });
  const digest = registry.digests.get('team/server:latest')!;
  assert.equal(result.version, digest);
  assert.ok(fixed.includes(`"${host}/team/server:latest@${digest}"`), fixed);
  const seen = registry.requests.slice(before).map((r) => `${r.method} ${r.url.replace(/\?.*/, '')} ${r.authorization ? 'auth' : ''}`.trim());
  assert.deepEqual(seen, ['HEAD /v2/team/server/manifests/latest', 'GET /token', 'HEAD /v2/team/server/manifests/latest auth']);
  const token = registry.requests.slice(before).find((r) => r.url.startsWith('/token'))!;
  assert.equal(new URL(token.url, registry.url).searchParams.get('scope'), 'repository:team/server:pull');
  assert.match(registry.requests.slice(before)[0].accept ?? '', /application\/vnd\.oci\.image\.index\.v1\+json.*manifest\.list\.v2/);
});

test('docker: images without a host use mcpHygiene.containerRegistry (Docker Hub layout: library/ for official images); no tag pins :latest; a missing digest header is computed from the manifest', async () => {
  const settings = on({ containerRegistry: registry.url });
  const plain = await pinAndCheck(mcp('docker', ['run', '-i', '--rm', 'node']), '/p/.cursor/mcp.json', { settings });
  assert.ok(plain.fixed.includes(`"node:latest@${registry.digests.get('library/node:latest')}"`), plain.fixed);
  const podman = await pinAndCheck(mcp('podman', ['run', '-i', 'acme/nodigest-server:1.4']), '/p/.cursor/mcp.json', { settings });
  assert.equal(podman.result.version, registry.digests.get('acme/nodigest-server:1.4'));
  assert.ok(podman.fixed.includes(`"acme/nodigest-server:1.4@${podman.result.version}"`));
});

test('git sources take the commit the user enters (no network): npm #ref and uvx @ref forms, other refs refused', () => {
  const sha = 'a'.repeat(40);
  const cases: Array<[string, string]> = [
    [mcp('npx', ['-y', 'github:acme/mcp-server#main']), `"github:acme/mcp-server#${sha}"`],
    [
      mcp('uvx', ['--from', 'git+https://github.com/acme/mcp-server@v1.2#egg=mcp-server', 'mcp-server']),
      `"git+https://github.com/acme/mcp-server@${sha}#egg=mcp-server"`,
    ],
    [mcp('uvx', ['--from', 'git+https://github.com/acme/mcp-server', 'mcp-server']), `"git+https://github.com/acme/mcp-server@${sha}"`],
  ];
  const settings = on();
  for (const [text, expected] of cases) {
    const analysis = analyze(text, '/p/.cursor/mcp.json', settings)!;
    const target = pinTargets(analysis.doc, analysis.config).find((t) => t.kind === 'git')!;
    assert.ok(target, text);
    assert.equal(target.edit('main'), undefined, 'a branch name is not a commit');
    const edit = target.edit(sha)!;
    const fixed = text.slice(0, edit.offset) + edit.content + text.slice(edit.offset + edit.length);
    assert.ok(fixed.includes(expected), fixed);
    checkInvariants(text, fixed, '/p/.cursor/mcp.json', settings, edit, 'unpinned-git-source', 's');
  }
  assert.match(pinVersionProblem('git', 'main')!, /not a full commit id/);
  assert.equal(pinVersionProblem('npm', '1.2.3'), undefined);
  assert.match(pinVersionProblem('npm', '^1.2.3')!, /not an exact npm version/);
  assert.match(pinVersionProblem('PyPI', '>=1.0')!, /not an exact Python version/);
  assert.match(pinVersionProblem('Docker', 'latest')!, /not an image digest/);
});

test('the Bearer challenge parser reads realm, service and scope (quoted, any order)', () => {
  assert.deepEqual(parseBearerChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:mcp/fetch:pull"'), {
    realm: 'https://auth.docker.io/token',
    service: 'registry.docker.io',
    scope: 'repository:mcp/fetch:pull',
  });
  assert.deepEqual(parseBearerChallenge('Bearer scope="repository:user/image:pull", realm="https://ghcr.io/token"'), {
    realm: 'https://ghcr.io/token',
    scope: 'repository:user/image:pull',
  });
  assert.equal(parseBearerChallenge('Basic realm="x"'), undefined);
});

async function failure(
  target: Parameters<typeof lookupPinVersion>[0],
  settings: ReturnType<typeof on>,
  extra: Partial<Parameters<typeof lookupPinVersion>[1]> = {},
): Promise<RegistryError> {
  const started = Date.now();
  try {
    await lookupPinVersion(target, { settings, env: {}, ...extra });
  } catch (error) {
    assert.ok(error instanceof RegistryError, String(error));
    assert.ok(Date.now() - started < 5000, 'failed within a bounded time');
    return error;
  }
  assert.fail('expected the lookup to fail');
}

test('registry down (closed port): "connection refused", names the host', async () => {
  const port = await freePort();
  const error = await failure({ kind: 'npm', name: 'pin-demo' }, on({ npmRegistry: `http://127.0.0.1:${port}` }), { home: '/nonexistent' });
  assert.equal(error.reason, 'unreachable');
  assert.equal(error.message, `Cannot reach 127.0.0.1:${port}: connection refused. Is the registry down, or the URL wrong?`);
});

test('slow registry: abandoned after the timeout with a message naming it and the setting', async () => {
  const error = await failure({ kind: 'npm', name: 'pin-demo' }, on({ npmRegistry: `${registry.url}/slow` }), { timeoutMs: 300, home: '/nonexistent' });
  assert.equal(error.reason, 'timeout');
  assert.match(error.message, /^127\.0\.0\.1:\d+ did not answer within 300 ms \(mcpHygiene\.networkTimeout\)/);
});

test('cancellation aborts a lookup in flight', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  const error = await failure({ kind: 'npm', name: 'pin-demo' }, on({ npmRegistry: `${registry.url}/slow` }), {
    signal: controller.signal,
    home: '/nonexistent',
  });
  assert.equal(error.reason, 'cancelled');
});

test('404s: a package or image the registry does not have', async () => {
  const pypi = await failure({ kind: 'PyPI', name: 'no-such-package' }, on({ pythonIndex: registry.url }));
  assert.equal(pypi.message, `Package "no-such-package" was not found in ${registry.url}.`);
  const host = new URL(registry.url).host;
  const image = await failure({ kind: 'Docker', name: `${host}/team/server`, tag: 'nope' }, on());
  assert.equal(image.message, `Image "${host}/team/server:nope" was not found in ${host}.`);
});

test('malformed JSON and a non-registry answer: clear message, no edit', async () => {
  const malformed = await failure({ kind: 'PyPI', name: 'malformed' }, on({ pythonIndex: registry.url }));
  assert.equal(malformed.reason, 'malformed');
  assert.equal(malformed.message, `${registry.url} answered with malformed JSON (not a registry response?).`);
  // The loopback server's 404 JSON for an npm URL: not a packument.
  const notNpm = await failure({ kind: 'npm', name: 'pin-demo' }, on({ npmRegistry: `${registry.url}/pypi` }), { home: '/nonexistent' });
  assert.equal(notNpm.reason, 'not-found');
});

test('network off: no lookup at all', async () => {
  const before = registry.requests.length;
  await assert.rejects(
    lookupPinVersion({ kind: 'PyPI', name: 'mcp-server-fetch' }, { settings: parseSettings({ pythonIndex: registry.url }).settings }),
    /Network lookups are off/,
  );
  assert.equal(registry.requests.length, before);
});

test('HTTP_PROXY is honoured (the lookup goes through the proxy), NO_PROXY bypasses it', async () => {
  const { createServer, request } = await import('node:http');
  const { connect } = await import('node:net');
  const seen: string[] = [];
  // A forward proxy: absolute-form requests (an http:// registry) are relayed, CONNECT tunnels opened.
  const proxy = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const upstream = request(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  proxy.on('connect', (req, socket, head) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
  try {
    const settings = on({ pythonIndex: registry.url });
    const through = await lookupPinVersion({ kind: 'PyPI', name: 'mcp-server-fetch' }, { settings, env: { HTTP_PROXY: proxyUrl } });
    assert.equal(through.version, '1.0.0');
    assert.ok(
      seen.some((line) => line.includes(new URL(registry.url).host)),
      `the proxy saw the request: ${seen.join(', ')}`,
    );
    const count = seen.length;
    const direct = await lookupPinVersion({ kind: 'PyPI', name: 'mcp-server-fetch' }, { settings, env: { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' } });
    assert.equal(direct.version, '1.0.0');
    assert.equal(seen.length, count, 'NO_PROXY bypassed the proxy');
  } finally {
    proxy.closeAllConnections();
    await new Promise<void>((r) => proxy.close(() => r()));
  }
});
