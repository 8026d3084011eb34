import { EnvHttpProxyAgent, request, type Dispatcher } from 'undici';

/**
 * The one place registry lookups touch the network. Every request has a timeout, honours
 * cancellation (AbortSignal), reads at most `maxBytes` of the body, follows a few redirects,
 * goes through HTTP(S)_PROXY / NO_PROXY (undici's EnvHttpProxyAgent: the proxy logic of
 * Node's own fetch, maintained by the Node.js team, no PAC-script evaluation and no extra
 * dependencies, unlike `proxy-agent`), and fails with a message a user can act on.
 * No credentials are ever sent: no cookies, no `.npmrc` tokens, only an anonymous bearer
 * token a registry hands out for public pulls (see oci.ts).
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
  /** Milliseconds for the whole request (connect + headers + body). */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Body bytes read at most (default 20 MB: big npm packuments are ~10 MB). */
  maxBytes?: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'HEAD';
  /** Injected dispatcher (tests); default: the environment's proxy settings. */
  dispatcher?: Dispatcher;
  /** Environment for the proxy variables (default process.env). */
  env?: Record<string, string | undefined>;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  url: string;
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const USER_AGENT = 'mcp-hygiene (pin lookup; https://github.com/mcp-hygiene/mcp-hygiene)';

let sharedAgent: { key: string; agent: Dispatcher } | undefined;

/** One proxy-aware agent per proxy configuration (rebuilt when the variables change). */
export function proxyDispatcher(env: Record<string, string | undefined> = process.env): Dispatcher {
  const pick = (name: string) => env[name] ?? env[name.toLowerCase()];
  const httpProxy = pick('HTTP_PROXY');
  const httpsProxy = pick('HTTPS_PROXY');
  const noProxy = pick('NO_PROXY');
  const key = JSON.stringify([httpProxy, httpsProxy, noProxy]);
  if (!sharedAgent || sharedAgent.key !== key) {
    sharedAgent = { key, agent: new EnvHttpProxyAgent({ ...(httpProxy ? { httpProxy } : {}), ...(httpsProxy ? { httpsProxy } : {}), ...(noProxy !== undefined ? { noProxy } : {}) }) };
  }
  return sharedAgent.agent;
}

/** Host (and port) of a URL for messages; never the path's query or credentials. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Drops user:password@ and the query from a URL before it goes into a message. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

export async function httpRequest(url: string, options: HttpOptions): Promise<HttpResponse> {
  if (options.signal?.aborted) throw new RegistryError('The lookup was cancelled.', 'cancelled');
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const dispatcher = options.dispatcher ?? proxyDispatcher(options.env);
  let current = url;
  try {
    for (let hop = 0; hop < 5; hop++) {
      let parsed: URL;
      try {
        parsed = new URL(current);
      } catch {
        throw new RegistryError(`"${displayUrl(current)}" is not a valid registry URL.`, 'unreachable');
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new RegistryError(`Registry URL ${displayUrl(current)} must use http or https.`, 'unreachable');
      const response = await request(current, {
        method: options.method ?? 'GET',
        headers: { 'user-agent': USER_AGENT, ...options.headers },
        signal,
        dispatcher,
      });
      const headers = flatHeaders(response.headers);
      if (response.statusCode >= 300 && response.statusCode < 400 && headers.location) {
        await response.body.dump();
        current = new URL(headers.location, current).toString();
        continue;
      }
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes && options.method !== 'HEAD') {
        response.body.destroy();
        throw new RegistryError(`${hostOf(current)} answered with ${declared} bytes, more than the ${maxBytes} a lookup reads.`, 'too-large');
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          response.body.destroy();
          throw new RegistryError(`${hostOf(current)} sent more than the ${maxBytes} bytes a lookup reads.`, 'too-large');
        }
        chunks.push(chunk as Buffer);
      }
      return { status: response.statusCode, headers, body: Buffer.concat(chunks), url: current };
    }
    throw new RegistryError(`${hostOf(url)} redirected too many times.`, 'http');
  } catch (error) {
    throw toRegistryError(error, current, options, timeout.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}

function toRegistryError(error: unknown, url: string, options: HttpOptions, timedOut: boolean): RegistryError {
  if (error instanceof RegistryError) return error;
  const host = hostOf(url);
  if (options.signal?.aborted) return new RegistryError('The lookup was cancelled.', 'cancelled');
  if (timedOut) return new RegistryError(`${host} did not answer within ${formatMs(options.timeoutMs)} (mcpHygiene.networkTimeout). Is the registry up, or do you need a proxy (HTTPS_PROXY)?`, 'timeout');
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return new RegistryError(`Cannot reach ${host}: connection refused. Is the registry down, or the URL wrong?`, 'unreachable');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new RegistryError(`Cannot reach ${host}: the host name does not resolve (offline, or a proxy needed: HTTPS_PROXY).`, 'unreachable');
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new RegistryError(`${host} closed the connection before answering.`, 'unreachable');
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new RegistryError(`${host} did not answer within ${formatMs(options.timeoutMs)} (mcpHygiene.networkTimeout).`, 'timeout');
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return new RegistryError(`Cannot reach ${host}: ${code ? `${code} ` : ''}${message}`.slice(0, 300), 'unreachable');
    }
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
    throw new RegistryError(`${what.registry} refused the lookup (HTTP ${response.status}): it needs credentials, and MCP Hygiene sends none. Enter the version by hand.`, 'unauthorized');
  }
  if (response.status < 200 || response.status >= 300) throw new RegistryError(`${what.registry} answered HTTP ${response.status}.`, 'http');
}
