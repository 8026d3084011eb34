import { createHash } from 'node:crypto';
import { checkStatus, displayUrl, httpRequest, RegistryError, type HttpOptions, type HttpResponse } from './http';

/**
 * Resolves an image tag to the digest a `docker pull` of it would get, per the OCI
 * distribution spec: `HEAD /v2/<repo>/manifests/<tag>` accepting the OCI image index and
 * the Docker manifest list first (so the digest covers every platform, as `docker pull`
 * records it), then single-platform manifests; the `Docker-Content-Digest` header is the
 * answer (or the sha256 of a GET's body when a registry omits it). An anonymous pull token
 * is fetched when the registry answers 401 with `WWW-Authenticate: Bearer realm=...,
 * service=...,scope=...` (Docker Hub: auth.docker.io, ghcr.io: ghcr.io/token) — no
 * credentials are sent.
 */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface ImageLocation {
  /** Base URL of the registry API (`https://registry-1.docker.io`). */
  base: string;
  /** Repository path (`library/alpine`, `mcp/fetch`, `github/github-mcp-server`). */
  repository: string;
  /** For messages (`Docker Hub`, `ghcr.io`). */
  display: string;
}

/**
 * Where an image lives: its registry host (`ghcr.io/...`, `localhost:5000/...`), else the
 * `mcpHygiene.containerRegistry` setting, else Docker Hub (with `library/` for official images).
 * Loopback and `localhost` registries are spoken to over http, as docker does; others https.
 */
export function imageLocation(name: string, setting?: string): ImageLocation {
  const slash = name.indexOf('/');
  const first = slash > 0 ? name.slice(0, slash) : '';
  const hasHost = !!first && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasHost && first !== 'docker.io' && first !== 'index.docker.io' && first !== 'registry-1.docker.io') {
    const local = /^(?:localhost|127\.\d+\.\d+\.\d+|\[::1\])(?::\d+)?$/.test(first);
    return { base: `${local ? 'http' : 'https'}://${first}`, repository: name.slice(slash + 1), display: first };
  }
  let repository = hasHost ? name.slice(slash + 1) : name;
  // Docker Hub's official images live under library/ (mirrors of it keep that layout).
  if (!repository.includes('/')) repository = `library/${repository}`;
  if (setting) return { base: setting.replace(/\/+$/, ''), repository, display: displayUrl(setting) };
  return { base: 'https://registry-1.docker.io', repository, display: 'Docker Hub' };
}

export async function resolveImageDigest(name: string, tag: string, location: ImageLocation, http: HttpOptions): Promise<{ digest: string; registry: string }> {
  const url = `${location.base}/v2/${location.repository}/manifests/${encodeURIComponent(tag)}`;
  const what = { notFound: `Image "${name}:${tag}" was not found in ${location.display}.`, registry: location.display };
  const headers: Record<string, string> = { accept: MANIFEST_ACCEPT };
  let response = await httpRequest(url, { ...http, method: 'HEAD', headers });
  if (response.status === 401) {
    const token = await anonymousToken(response, location, http);
    headers.authorization = `Bearer ${token}`;
    response = await httpRequest(url, { ...http, method: 'HEAD', headers });
  }
  if (response.status === 405 || (response.status >= 200 && response.status < 300 && !validDigest(response.headers['docker-content-digest']))) {
    // No HEAD support, or no digest header: GET the manifest and hash it.
    response = await httpRequest(url, { ...http, method: 'GET', headers, maxBytes: 4 * 1024 * 1024 });
    checkStatus(response, what);
    const digest = validDigest(response.headers['docker-content-digest']) ?? `sha256:${createHash('sha256').update(response.body).digest('hex')}`;
    return { digest, registry: location.display };
  }
  checkStatus(response, what);
  return { digest: validDigest(response.headers['docker-content-digest'])!, registry: location.display };
}

function validDigest(value: string | undefined): string | undefined {
  const digest = value?.trim().toLowerCase();
  return digest && /^sha256:[0-9a-f]{64}$/.test(digest) ? digest : undefined;
}

/** `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:x:pull"` */
export function parseBearerChallenge(header: string | undefined): { realm: string; service?: string; scope?: string } | undefined {
  if (!header || !/^\s*bearer\s/i.test(header)) return undefined;
  const params: Record<string, string> = {};
  for (const match of header.replace(/^\s*bearer\s+/i, '').matchAll(/([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g))
    params[match[1].toLowerCase()] = match[2] ?? match[3] ?? '';
  return params.realm
    ? { realm: params.realm, ...(params.service ? { service: params.service } : {}), ...(params.scope ? { scope: params.scope } : {}) }
    : undefined;
}

async function anonymousToken(challengeResponse: HttpResponse, location: ImageLocation, http: HttpOptions): Promise<string> {
  const challenge = parseBearerChallenge(challengeResponse.headers['www-authenticate']);
  if (!challenge) {
    throw new RegistryError(
      `${location.display} wants credentials for "${location.repository}" (no anonymous token offered), and MCP Hygiene sends none. Enter the digest by hand.`,
      'unauthorized',
    );
  }
  let realm: URL;
  try {
    realm = new URL(challenge.realm);
  } catch {
    throw new RegistryError(`${location.display} sent an invalid token realm.`, 'malformed');
  }
  // A registry spoken to over https must not send us to a plain-http token service.
  if (realm.protocol !== 'https:' && !(realm.protocol === 'http:' && location.base.startsWith('http:'))) {
    throw new RegistryError(`${location.display} pointed the token request at ${realm.protocol}//${realm.host}, which is not https.`, 'malformed');
  }
  if (challenge.service) realm.searchParams.set('service', challenge.service);
  realm.searchParams.set('scope', challenge.scope ?? `repository:${location.repository}:pull`);
  const response = await httpRequest(realm.toString(), { ...http, headers: { accept: 'application/json' }, maxBytes: 1024 * 1024 });
  checkStatus(response, {
    notFound: `The token service of ${location.display} was not found (${realm.host}).`,
    registry: `the token service of ${location.display}`,
  });
  let body: { token?: unknown; access_token?: unknown };
  try {
    body = JSON.parse(response.body.toString('utf8'));
  } catch {
    throw new RegistryError(`The token service of ${location.display} answered with malformed JSON.`, 'malformed');
  }
  const token = typeof body.token === 'string' ? body.token : typeof body.access_token === 'string' ? body.access_token : undefined;
  if (!token) throw new RegistryError(`The token service of ${location.display} answered without a token.`, 'malformed');
  return token;
}
