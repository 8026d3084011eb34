/**
 * The registry HTTP client (server/src/registry/http.ts, on node:net / node:tls / node:http):
 * proxy selection and NO_PROXY matching (proxy.ts), an http:// registry through a forward
 * proxy (absolute-form request, Proxy-Authorization for the proxy only), an https:// registry
 * through a CONNECT tunnel with TLS to the registry (a self-signed certificate made with the
 * `openssl` CLI when the machine has it; skipped otherwise), redirects, the body limits,
 * failures (refused, closed, stalled body, unknown host, 407) and that the process exits
 * promptly after lookups.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, type Server as HttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { serverEnvironmentOverrides } from '../../server/src/common/protocol';
import { httpRequest, RegistryError, type HttpOptions } from '../../server/src/registry/http';
import { noProxyMatches, proxyFor } from '../../server/src/registry/proxy';
import { freePort } from './verdaccio';

// ---------------------------------------------------------------------------------------------
// Proxy selection (no network)

test('NO_PROXY: *, comma/space lists, leading dot and plain domains match the domain and its subdomains on a label boundary, host:port, IPs literally', () => {
  const cases: Array<[string, number, string, boolean]> = [
    ['registry.npmjs.org', 443, '', false],
    ['registry.npmjs.org', 443, '*', true],
    ['registry.npmjs.org', 443, 'localhost, *', true],
    ['registry.npmjs.org', 443, 'npmjs.org', true],
    ['npmjs.org', 443, 'npmjs.org', true],
    ['registry.npmjs.org', 443, '.npmjs.org', true],
    ['npmjs.org', 443, '.npmjs.org', true],
    ['registry.npmjs.org', 443, '*.npmjs.org', true],
    ['notnpmjs.org', 443, 'npmjs.org', false],
    ['notnpmjs.org', 443, '.npmjs.org', false],
    ['REGISTRY.NPMJS.ORG', 443, 'Registry.NpmJS.org', true],
    ['registry.npmjs.org', 443, 'registry.npmjs.org.', true],
    ['pypi.org', 443, 'localhost,127.0.0.1  pypi.org', true],
    ['pypi.org', 443, 'localhost\tpypi.org', true],
    ['pypi.org', 443, ',, ,', false],
    ['ghcr.io', 443, 'ghcr.io:443', true],
    ['ghcr.io', 443, 'ghcr.io:8443', false],
    ['ghcr.io', 8443, 'ghcr.io:8443', true],
    ['127.0.0.1', 4873, '127.0.0.1', true],
    ['127.0.0.1', 4873, '0.0.1', false],
    ['10.0.0.1', 80, '0.0.1', false],
    ['[::1]', 5000, '::1', true],
    ['[::1]', 5000, '[::1]:5000', true],
    ['[::1]', 5000, '[::1]:5001', false],
    ['[::1]', 5000, '[::2]', false],
  ];
  for (const [host, port, noProxy, expected] of cases)
    assert.equal(noProxyMatches(host, port, noProxy), expected, `${host}:${port} against NO_PROXY=${JSON.stringify(noProxy)}`);
});

test('proxy variables: upper case first then lower case, empty is unset, https falls back to HTTP_PROXY, http never uses HTTPS_PROXY, only the env given', () => {
  const https = new URL('https://registry.npmjs.org/x');
  const http = new URL('http://verdaccio.internal:4873/x');
  const pick = (url: URL, env: Record<string, string | undefined>) => {
    const choice = proxyFor(url, env);
    return choice && `${choice.variable} ${choice.url.href}`;
  };
  assert.equal(pick(https, {}), undefined);
  assert.equal(pick(https, { HTTPS_PROXY: 'http://a:3128', https_proxy: 'http://b:3128' }), 'HTTPS_PROXY http://a:3128/');
  assert.equal(pick(https, { https_proxy: 'http://b:3128' }), 'https_proxy http://b:3128/');
  assert.equal(pick(https, { HTTPS_PROXY: '', https_proxy: 'http://b:3128' }), 'https_proxy http://b:3128/');
  assert.equal(pick(https, { HTTP_PROXY: 'http://c:3128' }), 'HTTP_PROXY http://c:3128/');
  assert.equal(pick(http, { HTTPS_PROXY: 'http://a:3128' }), undefined);
  assert.equal(pick(http, { http_proxy: 'http://c:3128', HTTPS_PROXY: 'http://a:3128' }), 'http_proxy http://c:3128/');
  assert.equal(pick(https, { HTTPS_PROXY: 'proxy.corp:8080' }), 'HTTPS_PROXY http://proxy.corp:8080/', 'no scheme: http://');
  assert.equal(pick(https, { HTTPS_PROXY: 'https://u:p@proxy.corp' }), 'HTTPS_PROXY https://u:p@proxy.corp/');
  assert.equal(pick(https, { HTTPS_PROXY: 'http://a:3128', NO_PROXY: 'npmjs.org' }), undefined);
  assert.equal(pick(https, { HTTPS_PROXY: 'http://a:3128', no_proxy: '.npmjs.org' }), undefined);
  assert.equal(pick(http, { HTTP_PROXY: 'http://a:3128', NO_PROXY: 'verdaccio.internal:4873' }), undefined);
  assert.equal(pick(http, { HTTP_PROXY: 'http://a:3128', NO_PROXY: 'verdaccio.internal:80' }), 'HTTP_PROXY http://a:3128/');
  assert.throws(() => proxyFor(https, { HTTPS_PROXY: 'socks5://a:1080' }), /only http:\/\/ and https:\/\/ proxies/);
});

// ---------------------------------------------------------------------------------------------
// Loopback registry, second origin, forward proxy

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  servername?: string;
}

let registry: { server: Server; url: string; seen: Seen[] };
let other: { server: Server; url: string; seen: Seen[] };
let proxy: { server: Server; url: string; seen: Seen[]; requireAuth?: string };
const stalled = new Set<ServerResponse>();

function echo(req: IncomingMessage, res: ServerResponse): void {
  const body = JSON.stringify({ method: req.method, url: req.url, host: req.headers.host });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function routes(otherUrl: () => string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    let match = /^\/hop\/(\d+)$/.exec(path);
    if (match) {
      const left = Number(match[1]);
      if (left === 0) return echo(req, res);
      res.writeHead(302, { location: `../hop/${left - 1}` }); // relative to the current URL
      return res.end('moved');
    }
    if (path === '/cross') {
      res.writeHead(301, { location: `${otherUrl()}/echo` });
      return res.end();
    }
    if (path === '/same') {
      res.writeHead(307, { location: '/echo?after=redirect' });
      return res.end();
    }
    if (path === '/big-declared') {
      res.writeHead(200, { 'content-length': '1000' });
      return res.end('x'.repeat(1000));
    }
    if (path === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 10; i++) res.write('y'.repeat(100));
      return res.end();
    }
    if (path === '/hangup') return req.socket.destroy();
    if (path === '/stall-body') {
      stalled.add(res);
      res.writeHead(200, { 'content-length': '10' });
      return res.write('12345');
    }
    echo(req, res);
  };
}

/** Every socket a test server accepted or (the proxy) opened: CONNECT tunnels and TLS handshakes that failed are not HTTP connections, so closeAllConnections() misses them. */
const sockets = new WeakMap<Server, Set<Socket>>();

function own(server: Server, socket: Socket): void {
  const set = sockets.get(server) ?? new Set<Socket>();
  sockets.set(server, set);
  set.add(socket);
  socket.once('close', () => set.delete(socket));
}

async function closeServer(server: Server): Promise<void> {
  for (const socket of sockets.get(server) ?? []) socket.destroy();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
}

async function listen<T extends Server | HttpsServer>(server: T): Promise<number> {
  server.on('connection', (socket: Socket) => own(server, socket));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as AddressInfo).port;
}

function recording(seen: Seen[], handler: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const servername = (req.socket as TLSSocket & { servername?: string | false }).servername;
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, ...(typeof servername === 'string' ? { servername } : {}) });
    handler(req, res);
  };
}

/** A forward proxy: relays absolute-form requests, opens CONNECT tunnels; optionally demands Basic credentials. */
function startProxy(seen: Seen[], state: { requireAuth?: string }, resolveHost: (host: string) => string = (h) => h): Server {
  const authorized = (req: IncomingMessage) => !state.requireAuth || req.headers['proxy-authorization'] === state.requireAuth;
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (!authorized(req)) return res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = request(req.url ?? '', { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    seen.push({ method: 'CONNECT', url: req.url ?? '', headers: req.headers });
    if (!authorized(req))
      return socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
    const at = (req.url ?? '').lastIndexOf(':');
    const upstream = connect(Number((req.url ?? '').slice(at + 1)), resolveHost((req.url ?? '').slice(0, at)), () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    own(server, upstream);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return server;
}

before(async () => {
  const otherSeen: Seen[] = [];
  const otherServer = createServer(
    recording(
      otherSeen,
      routes(() => other.url),
    ),
  );
  other = { server: otherServer, seen: otherSeen, url: `http://127.0.0.1:${await listen(otherServer)}` };
  const seen: Seen[] = [];
  const server = createServer(
    recording(
      seen,
      routes(() => other.url),
    ),
  );
  registry = { server, seen, url: `http://127.0.0.1:${await listen(server)}` };
  const proxySeen: Seen[] = [];
  const state: { requireAuth?: string } = {};
  const proxyServer = startProxy(proxySeen, state);
  proxy = Object.assign(state, { server: proxyServer, seen: proxySeen, url: `http://127.0.0.1:${await listen(proxyServer)}` });
});

after(async () => {
  for (const res of stalled) res.destroy();
  for (const { server } of [registry, other, proxy]) await closeServer(server);
});

const options = (extra: Partial<HttpOptions> = {}): HttpOptions => ({ timeoutMs: 5000, env: {}, ...extra });

async function fails(url: string, extra: Partial<HttpOptions> = {}): Promise<RegistryError> {
  const started = Date.now();
  try {
    await httpRequest(url, options(extra));
  } catch (error) {
    assert.ok(error instanceof RegistryError, String(error));
    assert.ok(Date.now() - started < 4000, 'failed within a bounded time');
    return error;
  }
  assert.fail(`expected ${url} to fail`);
}

test('an http:// registry through HTTP_PROXY: absolute-form request, Proxy-Authorization (decoded user:password) for the proxy only, never in messages', async () => {
  const before = { proxy: proxy.seen.length, registry: registry.seen.length };
  const credentials = `Basic ${Buffer.from('proxy user:s3cr3t@x').toString('base64')}`;
  proxy.requireAuth = credentials;
  try {
    const proxyUrl = proxy.url.replace('http://', 'http://proxy%20user:s3cr3t%40x@');
    const response = await httpRequest(`${registry.url}/echo?q=1`, options({ env: { HTTP_PROXY: proxyUrl }, headers: { Accept: 'application/json' } }));
    assert.equal(response.status, 200);
    assert.deepEqual(JSON.parse(response.body.toString()), { method: 'GET', url: '/echo?q=1', host: new URL(registry.url).host });
    const atProxy = proxy.seen.slice(before.proxy);
    assert.deepEqual(
      atProxy.map((s) => `${s.method} ${s.url}`),
      [`GET ${registry.url}/echo?q=1`],
    );
    assert.equal(atProxy[0].headers['proxy-authorization'], credentials);
    assert.equal(atProxy[0].headers.accept, 'application/json');
    assert.match(atProxy[0].headers['user-agent'] ?? '', /^mcp-hygiene /);
    const atRegistry = registry.seen.slice(before.registry);
    assert.equal(atRegistry.length, 1);
    assert.equal(atRegistry[0].headers.authorization, undefined);
    // Wrong credentials: a 407 in words, the password nowhere in it.
    const wrong = await fails(`${registry.url}/echo`, { env: { HTTP_PROXY: proxy.url.replace('http://', 'http://u:wrong-pass@') } });
    assert.equal(wrong.message, `The proxy ${proxy.url} (HTTP_PROXY) refused the credentials in HTTP_PROXY (HTTP 407).`);
    const none = await fails(`${registry.url}/echo`, { env: { http_proxy: proxy.url } });
    assert.equal(
      none.message,
      `The proxy ${proxy.url} (http_proxy) asks for credentials (HTTP 407): put them in http_proxy as http://user:password@host:port.`,
    );
  } finally {
    delete proxy.requireAuth;
  }
});

test('NO_PROXY bypasses the proxy; a proxy that is down is named (without its credentials), not the registry', async () => {
  const count = proxy.seen.length;
  const direct = await httpRequest(`${registry.url}/echo`, options({ env: { HTTP_PROXY: proxy.url, NO_PROXY: 'example.com, 127.0.0.1' } }));
  assert.equal(direct.status, 200);
  assert.equal(proxy.seen.length, count, 'not through the proxy');
  const port = await freePort();
  const down = await fails(`${registry.url}/echo`, { env: { HTTP_PROXY: `http://me:hunter2@127.0.0.1:${port}` } });
  assert.equal(down.reason, 'unreachable');
  assert.equal(down.message, `Cannot reach the proxy http://127.0.0.1:${port} (HTTP_PROXY): connection refused. Is the proxy down, or HTTP_PROXY wrong?`);
  const https = await fails('https://registry.npmjs.org/x', { env: { HTTPS_PROXY: `http://me:hunter2@127.0.0.1:${port}` } });
  assert.match(https.message, /^Cannot reach the proxy http:\/\/127\.0\.0\.1:\d+ \(HTTPS_PROXY\): connection refused/);
  assert.ok(!https.message.includes('hunter2'));
  const socks = await fails(`${registry.url}/echo`, { env: { HTTP_PROXY: 'socks5://127.0.0.1:1080' } });
  assert.match(socks.message, /HTTP_PROXY uses socks5:\/\/; only http:\/\/ and https:\/\/ proxies are supported/);
});

test('redirects: relative Location resolved, 5 followed, the 6th refused; Authorization kept on the same origin, dropped across origins', async () => {
  const five = await httpRequest(`${registry.url}/hop/5`, options());
  assert.equal(five.status, 200);
  assert.equal(five.url, `${registry.url}/hop/0`);
  assert.equal(JSON.parse(five.body.toString()).url, '/hop/0');
  const six = await fails(`${registry.url}/hop/6`);
  assert.equal(six.message, `${new URL(registry.url).host} redirected too many times.`);
  assert.equal(six.reason, 'http');
  const before = { registry: registry.seen.length, other: other.seen.length };
  const same = await httpRequest(`${registry.url}/same`, options({ headers: { authorization: 'Bearer anonymous' } }));
  assert.equal(JSON.parse(same.body.toString()).url, '/echo?after=redirect');
  assert.deepEqual(
    registry.seen.slice(before.registry).map((s) => s.headers.authorization),
    ['Bearer anonymous', 'Bearer anonymous'],
  );
  const cross = await httpRequest(`${registry.url}/cross`, options({ headers: { authorization: 'Bearer anonymous' } }));
  assert.equal(cross.url, `${other.url}/echo`);
  assert.equal(other.seen.length, before.other + 1);
  assert.equal(other.seen.at(-1)!.headers.authorization, undefined, 'the token stays with the registry that issued it');
});

test('GET and HEAD; credentials in a registry URL are never sent', async () => {
  const head = await httpRequest(`${registry.url}/echo`, options({ method: 'HEAD' }));
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.ok(Number(head.headers['content-length']) > 0);
  assert.equal(registry.seen.at(-1)!.method, 'HEAD');
  const withUser = registry.url.replace('http://', 'http://npmuser:npmtoken@');
  await httpRequest(`${withUser}/echo`, options());
  assert.equal(registry.seen.at(-1)!.headers.authorization, undefined);
});

test('body limits: a declared Content-Length over maxBytes is refused before reading, a longer chunked body is cut off', async () => {
  const declared = await fails(`${registry.url}/big-declared`, { maxBytes: 100 });
  assert.equal(declared.reason, 'too-large');
  assert.equal(declared.message, `${new URL(registry.url).host} answered with 1000 bytes, more than the 100 a lookup reads.`);
  const chunked = await fails(`${registry.url}/big-chunked`, { maxBytes: 100 });
  assert.equal(chunked.reason, 'too-large');
  assert.equal(chunked.message, `${new URL(registry.url).host} sent more than the 100 bytes a lookup reads.`);
  assert.equal((await httpRequest(`${registry.url}/big-chunked`, options({ maxBytes: 1000 }))).body.length, 1000);
});

test('failures in words: closed connection, a body that stalls (the deadline covers the body), cancellation mid-body, a host that does not resolve', async () => {
  const host = new URL(registry.url).host;
  const closed = await fails(`${registry.url}/hangup`);
  assert.equal(closed.message, `${host} closed the connection before answering.`);
  const stalledBody = await fails(`${registry.url}/stall-body`, { timeoutMs: 300 });
  assert.equal(stalledBody.reason, 'timeout');
  assert.match(stalledBody.message, /^127\.0\.0\.1:\d+ did not answer within 300 ms \(mcpHygiene\.networkTimeout\)/);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const cancelled = await fails(`${registry.url}/stall-body`, { signal: controller.signal });
  assert.deepEqual([cancelled.reason, cancelled.message], ['cancelled', 'The lookup was cancelled.']);
  const already = new AbortController();
  already.abort();
  assert.equal((await fails(`${registry.url}/echo`, { signal: already.signal })).reason, 'cancelled');
  const unknown = await fails('http://no-such-registry.invalid/x');
  assert.equal(unknown.message, 'Cannot reach no-such-registry.invalid: the host name does not resolve (offline, or a proxy needed: HTTPS_PROXY).');
});

// ---------------------------------------------------------------------------------------------
// https:// through a CONNECT tunnel, in a child process that must exit by itself

const opensslOk = spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;

interface ChildResult {
  lines: Array<Record<string, unknown>>;
  /** Milliseconds between the child's last line and its exit. */
  exitLagMs: number;
  code: number | null;
}

function runChild(jobs: unknown[], env: Record<string, string>): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'httpChild.ts'), JSON.stringify(jobs)], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(kill);
      const exitedAt = Date.now();
      const lines = stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const done = lines.at(-1)?.done;
      if (typeof done !== 'number') return reject(new Error(`the child did not finish: ${stdout}\n${stderr}`));
      resolve({ lines: lines.slice(0, -1), exitLagMs: exitedAt - done, code });
    });
  });
}

test(
  'an https:// registry through a CONNECT tunnel: TLS to the registry (SNI and certificate for its name), credentials for the proxy only; the process exits promptly after lookups',
  { skip: opensslOk ? false : 'no openssl CLI on this machine to make a test certificate' },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-hygiene-tls-'));
    const seen: Seen[] = [];
    const proxySeen: Seen[] = [];
    const tunnelProxy = startProxy(proxySeen, { requireAuth: `Basic ${Buffer.from('u:p@ss').toString('base64')}` }, (h) =>
      h === 'localhost' ? '127.0.0.1' : h,
    );
    let tls: HttpsServer | undefined;
    try {
      const made = spawnSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=DNS:localhost',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { encoding: 'utf8' },
      );
      assert.equal(made.status, 0, made.stderr);
      tls = createTlsServer(
        { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
        recording(
          seen,
          routes(() => other.url),
        ),
      );
      const tlsPort = await listen(tls);
      const proxyPort = await listen(tunnelProxy);
      const target = `https://localhost:${tlsPort}`;
      const env = { HTTPS_PROXY: `http://u:p%40ss@127.0.0.1:${proxyPort}` };
      const slowPort = await freePort();
      const jobs = [
        { url: `${target}/echo?x=1`, options: { timeoutMs: 5000, env, headers: { accept: 'application/json' } } },
        { url: `${target}/hop/2`, options: { timeoutMs: 5000, env, method: 'HEAD' } },
        // Without the proxy credentials: the CONNECT is refused in words.
        { url: `${target}/echo`, options: { timeoutMs: 5000, env: { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` } } },
        // A stalled body and a cancelled lookup leave nothing open either.
        { url: `${registry.url}/stall-body`, options: { timeoutMs: 300, env: {} } },
        { url: `${registry.url}/stall-body`, options: { timeoutMs: 5000, env: {}, cancelAfterMs: 100 } },
        { url: `http://127.0.0.1:${slowPort}/refused`, options: { timeoutMs: 5000, env: {} } },
      ];
      const trusted = await runChild(jobs, { NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') });
      assert.equal(trusted.code, 0);
      const [first, redirected, refused, timeout, cancelled, down] = trusted.lines;
      assert.equal(first.status, 200, JSON.stringify(first));
      assert.deepEqual(JSON.parse(first.body as string), { method: 'GET', url: '/echo?x=1', host: `localhost:${tlsPort}` });
      assert.deepEqual(redirected, { status: 200, body: '' });
      assert.equal(
        refused.message,
        `The proxy http://127.0.0.1:${proxyPort} (HTTPS_PROXY) asks for credentials (HTTP 407): put them in HTTPS_PROXY as http://user:password@host:port.`,
      );
      assert.equal(timeout.reason, 'timeout');
      assert.equal(cancelled.reason, 'cancelled');
      assert.equal(down.reason, 'unreachable');
      assert.ok(trusted.exitLagMs < 1500, `the process exited ${trusted.exitLagMs} ms after its last lookup`);
      // The proxy saw only CONNECTs (with the credentials), never a request line of the registry.
      assert.deepEqual([...new Set(proxySeen.map((s) => `${s.method} ${s.url}`))], [`CONNECT localhost:${tlsPort}`]);
      assert.equal(proxySeen[0].headers['proxy-authorization'], `Basic ${Buffer.from('u:p@ss').toString('base64')}`);
      // The registry saw TLS with SNI for its name, and no proxy credentials.
      assert.deepEqual(
        seen.map((s) => `${s.method} ${s.url} ${s.servername}`),
        [`GET /echo?x=1 localhost`, 'HEAD /hop/2 localhost', 'HEAD /hop/1 localhost', 'HEAD /hop/0 localhost'],
      );
      assert.ok(seen.every((s) => s.headers['proxy-authorization'] === undefined && s.headers.authorization === undefined));
      // The language server gets the CA bundle through the client's environment overrides
      // (NODE_EXTRA_CA_CERTS emptied for a faster start, the bundle passed on): still trusted.
      const overrides = serverEnvironmentOverrides({ NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') });
      assert.equal(overrides.NODE_EXTRA_CA_CERTS, '');
      const deferred = await runChild([jobs[0]], overrides);
      assert.equal(deferred.lines[0].status, 200, JSON.stringify(deferred.lines[0]));
      // Certificates are checked: without the test CA the same lookup fails (and names no password).
      const untrusted = await runChild([jobs[0]], {});
      assert.equal(untrusted.lines[0].reason, 'unreachable');
      assert.match(untrusted.lines[0].message as string, new RegExp(`^Cannot reach localhost:${tlsPort}: .*(SELF_SIGNED|self-signed|unable to verify)`, 'i'));
      assert.ok(!(untrusted.lines[0].message as string).includes('p@ss'));
    } finally {
      for (const server of [tls, tunnelProxy]) if (server) await closeServer(server);
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
