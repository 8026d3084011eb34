/**
 * A small loopback HTTP server (node:http) speaking just enough of the public specs:
 *  - PyPI JSON API: GET /pypi/<name>/json (https://docs.pypi.org/api/json/)
 *  - simple repository API, JSON form (PEP 691): GET /simple/<name>/
 *  - OCI distribution: HEAD/GET /v2/<repo>/manifests/<tag> behind a Bearer token challenge
 *    (https://distribution.github.io/distribution/spec/auth/token/), token from GET /token
 *  - misbehaving endpoints: /slow/... (never answers), malformed JSON for name "malformed"
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackRegistry {
  url: string;
  requests: Array<{ method: string; url: string; authorization?: string; accept?: string }>;
  /** The manifest bodies served, by `<repo>:<tag>`, and their digests. */
  digests: Map<string, string>;
  close(): Promise<void>;
}

const TOKEN = 'anonymous-pull-token';

const PYPI: Record<string, Record<string, Array<{ filename: string; yanked: boolean }>>> = {
  'mcp-server-fetch': {
    '0.9.0': [{ filename: 'mcp_server_fetch-0.9.0-py3-none-any.whl', yanked: false }],
    '1.0.0': [
      { filename: 'mcp_server_fetch-1.0.0-py3-none-any.whl', yanked: false },
      { filename: 'mcp_server_fetch-1.0.0.tar.gz', yanked: false },
    ],
    '1.1.0': [{ filename: 'mcp_server_fetch-1.1.0-py3-none-any.whl', yanked: true }],
    '1.2.0rc1': [{ filename: 'mcp_server_fetch-1.2.0rc1-py3-none-any.whl', yanked: false }],
  },
};

const NPM: Record<string, { 'dist-tags': Record<string, string>; versions: Record<string, { version: string; deprecated?: string }> }> = {
  'lsp-demo': {
    'dist-tags': { latest: '1.5.0', next: '2.0.0-rc.1' },
    versions: { '1.0.0': { version: '1.0.0' }, '1.5.0': { version: '1.5.0' }, '2.0.0-rc.1': { version: '2.0.0-rc.1' } },
  },
};

export async function startLoopbackRegistry(): Promise<LoopbackRegistry> {
  const requests: LoopbackRegistry['requests'] = [];
  const digests = new Map<string, string>();
  const pending = new Set<ServerResponse>();
  let base = '';
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(req.headers.accept ? { accept: req.headers.accept } : {}),
    });
    const url = new URL(req.url ?? '/', base);
    const path = url.pathname;
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (path.startsWith('/slow')) {
      pending.add(res); // never answered: the client's timeout must fire
      return;
    }
    // A minimal npm registry under /npm: packuments as the public registry serves them.
    let match = /^\/npm\/(.+)$/.exec(path);
    if (match) {
      const name = decodeURIComponent(match[1]);
      const packument = NPM[name];
      if (!packument) return json(404, { error: 'Not found' });
      return json(200, { name, ...packument });
    }
    match = /^\/pypi\/([^/]+)\/json$/.exec(path);
    if (match) {
      const name = decodeURIComponent(match[1]);
      if (name === 'malformed') return json(200, '{"info": {"version": "1.0"');
      const releases = PYPI[name];
      if (!releases) return json(404, { message: 'Not Found' });
      return json(200, { info: { name, version: '1.0.0' }, releases });
    }
    match = /^\/simple\/([^/]+)\/$/.exec(path);
    if (match) {
      const releases = PYPI[decodeURIComponent(match[1])];
      if (!releases) return json(404, { message: 'Not Found' });
      const files = Object.values(releases)
        .flat()
        .map((f) => ({ filename: f.filename, url: `${base}/files/${f.filename}`, hashes: {}, yanked: f.yanked }));
      return json(
        200,
        { meta: { 'api-version': '1.1' }, name: decodeURIComponent(match[1]), files, versions: Object.keys(releases) },
        { 'content-type': 'application/vnd.pypi.simple.v1+json' },
      );
    }
    if (path === '/token') {
      const scope = url.searchParams.get('scope') ?? '';
      if (url.searchParams.get('service') !== 'loopback-registry' || !/^repository:[^:]+:pull$/.test(scope))
        return json(400, { errors: [{ code: 'bad request' }] });
      return json(200, { token: TOKEN, access_token: TOKEN, expires_in: 300 });
    }
    match = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(path);
    if (match) {
      const repo = match[1];
      const tag = decodeURIComponent(match[2]);
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(401, {
          'www-authenticate': `Bearer realm="${base}/token",service="loopback-registry",scope="repository:${repo}:pull"`,
          'content-type': 'application/json',
        });
        return res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ errors: [{ code: 'UNAUTHORIZED' }] }));
      }
      if (repo === 'missing/image' || tag === 'nope') {
        res.writeHead(404, { 'content-type': 'application/json' });
        return res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN' }] }));
      }
      const body = JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: `sha256:${'1'.repeat(64)}`,
            size: 1,
            platform: { architecture: 'amd64', os: 'linux' },
          },
        ],
        annotations: { repo, tag },
      });
      const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
      digests.set(`${repo}:${tag}`, digest);
      // "nodigest" images omit the header: the client must hash the GET body.
      const headers: Record<string, string> = { 'content-type': 'application/vnd.oci.image.index.v1+json', 'content-length': String(Buffer.byteLength(body)) };
      if (!repo.includes('nodigest')) headers['docker-content-digest'] = digest;
      res.writeHead(200, headers);
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    json(404, { message: 'Not Found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    digests,
    close: () =>
      new Promise<void>((r) => {
        for (const res of pending) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
