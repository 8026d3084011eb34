import { request as rawRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { connect as netConnect, isIP } from 'node:net';
import { readFileSync } from 'node:fs';
import { connect as tlsConnect, createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import type { Duplex } from 'node:stream';
import { proxyFor, ProxyConfigError, type ProxyChoice } from './proxy';
import { DEFERRED_CA_CERTS_ENV } from '../common/protocol';

/**
 * The one place registry lookups touch the network, on Node's own `node:net` / `node:tls` /
 * `node:http` (no dependency: undici was a third of each bundle). Every request has one
 * deadline for the whole lookup (connect, proxy tunnel, TLS, headers, body, redirects),
 * honours cancellation (AbortSignal), reads at most `maxBytes` of the body, follows at most 5
 * redirects, goes through HTTP(S)_PROXY / NO_PROXY (see proxy.ts for the exact semantics: an
 * http:// registry through the proxy in absolute-URL form, an https:// one through a CONNECT
 * tunnel with TLS to the registry end to end), and fails with a message a user can act on.
 * One connection per request, closed at the end (no keep-alive, no pool): nothing is left
 * to keep the CLI's process alive after a lookup.
 * No credentials are ever sent: no cookies, no `.npmrc` tokens, no user:password from a
 * registry URL, only the headers callers pass (an anonymous bearer token a registry hands out
 * for public pulls, see oci.ts — and not across origins on a redirect); proxy credentials go
 * to the proxy alone, in Proxy-Authorization.
 */
export class RegistryError extends Error {
  constructor(
    message: string,
    readonly reason: 'unreachable' | 'timeout' | 'cancelled' | 'not-found' | 'http' | 'malformed' | 'too-large' | 'no-safe-version' | 'unauthorized',
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface HttpOptions {
  /** Milliseconds for the whole request (connect + headers + body, redirects included). */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Body bytes read at most (default 20 MB: big npm packuments are ~10 MB). */
  maxBytes?: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'HEAD';
  /** Environment for the proxy variables (default process.env; when given, the only source). */
  env?: Record<string, string | undefined>;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  url: string;
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const MAX_REDIRECTS = 5;
/** A proxy's answer to CONNECT is a status line and a few headers. */
const MAX_TUNNEL_HEADER_BYTES = 64 * 1024;
const USER_AGENT = 'mcp-hygiene (pin lookup; https://github.com/mcp-hygiene/mcp-hygiene)';

/** Host (and port) of a URL for messages; never its path, query or credentials. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the registry';
  }
}

/**
 * A URL as messages show it: scheme, host and port only. User, password, path and query
 * may each hold a token (`registry=https://host/<token>/` in an `.npmrc`).
 */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an invalid URL';
  }
}

/** Where a failure happened, for the message: on the way to the proxy, or to the registry. */
interface Progress {
  proxy?: ProxyChoice;
  stage: 'proxy' | 'registry';
}

class Aborted extends Error {}

/**
 * The sockets of one lookup. Aborting (deadline or cancellation) destroys them, which makes
 * whatever step is pending fail, and rejects `aborted`, which every step is raced against.
 */
class Connections {
  private readonly sockets = new Set<Duplex>();
  private rejectAborted!: (error: Error) => void;
  readonly aborted = new Promise<never>((_, reject) => (this.rejectAborted = reject));
  private fired = false;

  constructor() {
    this.aborted.catch(() => undefined);
  }

  track<T extends Duplex>(socket: T): T {
    // Errors are reported by the step waiting on the socket; this listener only keeps a late
    // one (after the step settled) from becoming an uncaught exception.
    socket.on('error', () => undefined);
    if (this.fired) socket.destroy();
    else this.sockets.add(socket);
    return socket;
  }

  race<T>(step: Promise<T>): Promise<T> {
    return Promise.race([step, this.aborted]);
  }

  closeAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  abort(): void {
    if (this.fired) return;
    this.fired = true;
    this.closeAll();
    this.rejectAborted(new Aborted('aborted'));
  }
}

export async function httpRequest(url: string, options: HttpOptions): Promise<HttpResponse> {
  if (options.signal?.aborted) throw new RegistryError('The lookup was cancelled.', 'cancelled');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const method = options.method ?? 'GET';
  const env = options.env ?? process.env;
  const connections = new Connections();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    connections.abort();
  }, options.timeoutMs);
  const onCancel = () => connections.abort();
  options.signal?.addEventListener('abort', onCancel, { once: true });
  const headers: Record<string, string> = { 'user-agent': USER_AGENT };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  const progress: Progress = { stage: 'registry' };
  let current = url;
  try {
    for (let redirects = 0; ; redirects++) {
      let target: URL;
      try {
        target = new URL(current);
      } catch {
        throw new RegistryError('The registry URL is not a valid URL. Check the registry in the settings, the .npmrc or the launch arguments.', 'unreachable');
      }
      if (target.protocol !== 'https:' && target.protocol !== 'http:')
        throw new RegistryError(`Registry URL ${displayUrl(current)} must use http or https.`, 'unreachable');
      const proxy = proxyFor(target, env);
      progress.proxy = proxy;
      const response = await exchange(target, method, headers, proxy, maxBytes, connections, progress);
      connections.closeAll();
      if (proxy && response.status === 407) throw proxyNeedsCredentials(proxy);
      const location = response.headers.location;
      if (response.status >= 300 && response.status < 400 && location) {
        if (redirects === MAX_REDIRECTS) throw new RegistryError(`${hostOf(url)} redirected too many times.`, 'http');
        const next = new URL(location, target);
        // A bearer token is for the registry that asked for it, not for where it redirects.
        if (next.origin !== target.origin) delete headers.authorization;
        current = next.toString();
        continue;
      }
      return { ...response, url: current };
    }
  } catch (error) {
    throw toRegistryError(error, current, options, timedOut, progress);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
    connections.closeAll();
  }
}

/** One request on a fresh connection: direct, through the proxy (absolute URL), or through a CONNECT tunnel. */
async function exchange(
  target: URL,
  method: 'GET' | 'HEAD',
  headers: Record<string, string>,
  proxy: ProxyChoice | undefined,
  maxBytes: number,
  connections: Connections,
  progress: Progress,
): Promise<Omit<HttpResponse, 'url'>> {
  const secure = target.protocol === 'https:';
  const port = Number(target.port) || (secure ? 443 : 80);
  const requestHeaders: OutgoingHttpHeaders = { ...headers, host: target.host, connection: 'close' };
  progress.stage = 'registry';
  let socket: Duplex;
  let path = `${target.pathname}${target.search}`;
  if (proxy) {
    progress.stage = 'proxy';
    const proxySecure = proxy.url.protocol === 'https:';
    const toProxy = await connections.race(open(proxy.url.hostname, Number(proxy.url.port) || (proxySecure ? 443 : 80), proxySecure, connections));
    const authorization = proxyAuthorization(proxy.url);
    if (secure) {
      const tunnel = await connections.race(connectTunnel(toProxy, target, port, authorization, proxy, connections));
      progress.stage = 'registry';
      socket = await connections.race(open(target.hostname, port, true, connections, tunnel));
    } else {
      progress.stage = 'registry';
      socket = toProxy;
      // Absolute-form request target (RFC 9112 §3.2.2), without the URL's user:password.
      path = `${target.origin}${path}`;
      if (authorization) requestHeaders['proxy-authorization'] = authorization;
    }
  } else {
    socket = await connections.race(open(target.hostname, port, secure, connections));
  }
  const response = await connections.race(send(socket, method, path, requestHeaders));
  const responseHeaders = flatHeaders(response.headers);
  const status = response.statusCode ?? 0;
  if (status >= 300 && status < 400 && responseHeaders.location) return { status, headers: responseHeaders, body: Buffer.alloc(0) };
  const declared = Number(responseHeaders['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes && method !== 'HEAD') {
    throw new RegistryError(`${target.host} answered with ${declared} bytes, more than the ${maxBytes} a lookup reads.`, 'too-large');
  }
  const body = await connections.race(readBody(response, maxBytes, target.host));
  return { status, headers: responseHeaders, body };
}

/** A TCP connection, or TLS (certificate checked against the host name) over TCP or over `over`. */
function open(hostname: string, port: number, secure: boolean, connections: Connections, over?: Duplex): Promise<Duplex> {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return new Promise((resolve, reject) => {
    const socket = connections.track(
      secure
        ? // With `socket`, host only names the peer whose certificate is checked; SNI only for names.
          tlsConnect({ host, port, ...(over ? { socket: over } : {}), ...(isIP(host) ? {} : { servername: host }), ...deferredCaContext() })
        : netConnect({ host, port }),
    );
    const onClose = () => reject(closedError());
    socket.once('error', reject);
    socket.once('close', onClose);
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      socket.off('error', reject);
      socket.off('close', onClose);
      resolve(socket);
    });
  });
}

/**
 * The language server is started without node's own NODE_EXTRA_CA_CERTS (parsed at every
 * process start; see DEFERRED_CA_CERTS_ENV): the same bundle is trusted here, on top of
 * node's root certificates, from the first TLS connection on. Like node, an unreadable
 * bundle leaves the default roots in place (the certificate error then says what to set).
 */
let deferredCa: { secureContext?: SecureContext } | undefined;
function deferredCaContext(): { secureContext?: SecureContext } {
  if (deferredCa) return deferredCa;
  const bundlePath = process.env[DEFERRED_CA_CERTS_ENV];
  deferredCa = {};
  if (bundlePath) {
    try {
      deferredCa = { secureContext: createSecureContext({ ca: [...rootCertificates, readFileSync(bundlePath, 'utf8')] }) };
    } catch {
      // As node does with an unreadable NODE_EXTRA_CA_CERTS: keep the default roots.
    }
  }
  return deferredCa;
}

/** `CONNECT host:port` on the proxy connection; resolves with the tunnel once the proxy answers 2xx. */
function connectTunnel(
  toProxy: Duplex,
  target: URL,
  port: number,
  authorization: string | undefined,
  proxy: ProxyChoice,
  connections: Connections,
): Promise<Duplex> {
  const authority = `${target.hostname}:${port}`;
  return new Promise((resolve, reject) => {
    const request = rawRequest({
      method: 'CONNECT',
      path: authority,
      setHost: false,
      headers: { host: authority, 'user-agent': USER_AGENT, ...(authorization ? { 'proxy-authorization': authorization } : {}) },
      createConnection: () => toProxy as never,
      maxHeaderSize: MAX_TUNNEL_HEADER_BYTES,
    });
    request.on('connect', (response: IncomingMessage, tunnel: Duplex, head: Buffer) => {
      const status = response.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        tunnel.destroy();
        reject(
          status === 407
            ? proxyNeedsCredentials(proxy)
            : new RegistryError(
                `The proxy ${displayUrl(proxy.url.href)} (${proxy.variable}) refused the tunnel to ${target.host} (HTTP ${status}).`,
                'unreachable',
              ),
        );
        return;
      }
      connections.track(tunnel);
      if (head.length) tunnel.unshift(head);
      resolve(tunnel);
    });
    request.on('error', reject);
    request.on('close', () => reject(closedError()));
    request.end();
  });
}

function send(socket: Duplex, method: string, path: string, headers: OutgoingHttpHeaders): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = rawRequest({ method, path, headers, setHost: false, createConnection: () => socket as never });
    request.on('response', resolve);
    request.on('error', reject);
    request.on('close', () => reject(closedError()));
    request.end();
  });
}

async function readBody(response: IncomingMessage, maxBytes: number, host: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.destroy();
      throw new RegistryError(`${host} sent more than the ${maxBytes} bytes a lookup reads.`, 'too-large');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username && !proxy.password) return undefined;
  return `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`;
}

function proxyNeedsCredentials(proxy: ProxyChoice): RegistryError {
  const named = `The proxy ${displayUrl(proxy.url.href)} (${proxy.variable})`;
  return proxyAuthorization(proxy.url)
    ? new RegistryError(`${named} refused the credentials in ${proxy.variable} (HTTP 407).`, 'unreachable')
    : new RegistryError(`${named} asks for credentials (HTTP 407): put them in ${proxy.variable} as http://user:password@host:port.`, 'unreachable');
}

function closedError(): Error {
  return Object.assign(new Error('the connection closed'), { code: 'ECONNRESET' });
}

function toRegistryError(error: unknown, url: string, options: HttpOptions, timedOut: boolean, progress: Progress): RegistryError {
  if (error instanceof RegistryError) return error;
  const host = hostOf(url);
  if (options.signal?.aborted) return new RegistryError('The lookup was cancelled.', 'cancelled');
  if (timedOut)
    return new RegistryError(
      `${host} did not answer within ${formatMs(options.timeoutMs)} (mcpHygiene.networkTimeout). Is the registry up, or do you need a proxy (HTTPS_PROXY)?`,
      'timeout',
    );
  if (error instanceof ProxyConfigError) return new RegistryError(error.message, 'unreachable');
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (progress.stage === 'proxy' && progress.proxy) {
    const proxy = `proxy ${displayUrl(progress.proxy.url.href)} (${progress.proxy.variable})`;
    switch (code) {
      case 'ECONNREFUSED':
        return new RegistryError(`Cannot reach the ${proxy}: connection refused. Is the proxy down, or ${progress.proxy.variable} wrong?`, 'unreachable');
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return new RegistryError(`Cannot reach the ${proxy}: the host name does not resolve.`, 'unreachable');
      case 'ECONNRESET':
      case 'EPIPE':
        return new RegistryError(`The ${proxy} closed the connection before answering.`, 'unreachable');
      default:
        return new RegistryError(`Cannot reach the ${proxy}: ${code ? `${code} ` : ''}${message}`.slice(0, 300), 'unreachable');
    }
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new RegistryError(`Cannot reach ${host}: connection refused. Is the registry down, or the URL wrong?`, 'unreachable');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new RegistryError(`Cannot reach ${host}: the host name does not resolve (offline, or a proxy needed: HTTPS_PROXY).`, 'unreachable');
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return new RegistryError(`${host} closed the connection before answering.`, 'unreachable');
    case 'ETIMEDOUT':
      return new RegistryError(`${host} did not accept the connection (ETIMEDOUT). Is the registry up, or do you need a proxy (HTTPS_PROXY)?`, 'timeout');
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return new RegistryError(
        `Cannot reach ${host}: its certificate is not trusted (${code}: ${message}). Behind a TLS-inspecting proxy, set NODE_EXTRA_CA_CERTS to its CA certificate file.`.slice(
          0,
          300,
        ),
        'unreachable',
      );
    default:
      return new RegistryError(`Cannot reach ${host}: ${code ? `${code} ` : ''}${message}`.slice(0, 300), 'unreachable');
  }
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (value !== undefined) out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** GET + JSON.parse with the clear errors (404 -> not found in <registry>, malformed JSON). */
export async function getJson(url: string, options: HttpOptions, what: { notFound: string; registry: string }): Promise<unknown> {
  const response = await httpRequest(url, { ...options, headers: { accept: 'application/json', ...options.headers } });
  checkStatus(response, what);
  try {
    return JSON.parse(response.body.toString('utf8'));
  } catch {
    throw new RegistryError(`${what.registry} answered with malformed JSON (not a registry response?).`, 'malformed');
  }
}

export function checkStatus(response: HttpResponse, what: { notFound: string; registry: string }): void {
  if (response.status === 404 || response.status === 410) throw new RegistryError(what.notFound, 'not-found');
  if (response.status === 401 || response.status === 403) {
    throw new RegistryError(
      `${what.registry} refused the lookup (HTTP ${response.status}): it needs credentials, and MCP Hygiene sends none. Enter the version by hand.`,
      'unauthorized',
    );
  }
  if (response.status < 200 || response.status >= 300) throw new RegistryError(`${what.registry} answered HTTP ${response.status}.`, 'http');
}
