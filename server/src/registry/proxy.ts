import { isIP } from 'node:net';

/**
 * Which proxy, if any, a registry lookup goes through: HTTP_PROXY / HTTPS_PROXY / NO_PROXY
 * from the environment. No PAC scripts (a PAC file is JavaScript run with the extension's
 * rights) and no system or VS Code proxy settings: the variables npm, pip, uv and docker's
 * CLI read too.
 *
 * Semantics chosen: those of undici's EnvHttpProxyAgent (the proxy logic of Node's own
 * `fetch`, which MCP Hygiene used before this client), where npm and curl agree with it, with
 * these deliberate differences noted:
 *  - variables: the upper-case name first, then the lower-case one (as MCP Hygiene always
 *    read them; undici and curl prefer lower case — it matters only when both are set and
 *    differ); an empty value is unset. An https:// URL uses HTTPS_PROXY, falling back to
 *    HTTP_PROXY (undici; curl and npm would go direct); an http:// URL uses HTTP_PROXY only.
 *  - a proxy URL without a scheme is http:// (curl's reading); http:// and https:// proxies
 *    are supported, nothing else (no SOCKS).
 *  - NO_PROXY: entries separated by commas and/or white space, compared case-insensitively.
 *    `*` bypasses the proxy for every host (also as one entry of a list, where undici and curl
 *    only honour it as the whole value). An entry matches the host itself and every subdomain,
 *    on a label boundary: `example.com`, `.example.com` and `*.example.com` all match
 *    `example.com` and `a.b.example.com`, never `badexample.com` (undici, npm and curl agree).
 *    `host:port` (`[v6]:port`) matches only that port — the URL's, or 80 / 443 by scheme
 *    (undici; npm ignores such entries). IP addresses match literally, never as a suffix, and
 *    there are no CIDR ranges (neither undici nor npm has them).
 */
export interface ProxyChoice {
  /** The proxy (credentials included: for the Proxy-Authorization header only). */
  url: URL;
  /** The variable it came from, for messages (`HTTPS_PROXY`). */
  variable: string;
}

type Env = Record<string, string | undefined>;

function pick(env: Env, name: string): { value: string; variable: string } | undefined {
  for (const variable of [name, name.toLowerCase()]) {
    const value = env[variable]?.trim();
    if (value) return { value, variable };
  }
  return undefined;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** The proxy for `target`, or undefined for a direct connection. Throws on an unusable proxy URL. */
export function proxyFor(target: URL, env: Env): ProxyChoice | undefined {
  const found = (target.protocol === 'https:' ? pick(env, 'HTTPS_PROXY') : undefined) ?? pick(env, 'HTTP_PROXY');
  if (!found) return undefined;
  const noProxy = pick(env, 'NO_PROXY')?.value ?? '';
  if (noProxyMatches(target.hostname, Number(target.port) || DEFAULT_PORTS[target.protocol] || 0, noProxy)) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(found.value) ? found.value : `http://${found.value}`);
  } catch {
    throw new ProxyConfigError(`${found.variable} is not a valid proxy URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ProxyConfigError(`${found.variable} uses ${url.protocol.slice(0, -1)}://; only http:// and https:// proxies are supported.`);
  return { url, variable: found.variable };
}

export class ProxyConfigError extends Error {}

/** True when NO_PROXY (`noProxy`) says `hostname`:`port` is reached directly. */
export function noProxyMatches(hostname: string, port: number, noProxy: string): boolean {
  const host = stripBrackets(hostname.toLowerCase()).replace(/\.$/, '');
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const { name, port: entryPort } = splitHostPort(entry);
    if (entryPort !== undefined && entryPort !== port) continue;
    const domain = stripBrackets(name)
      .replace(/^\*?\.+/, '')
      .replace(/\.$/, '');
    if (!domain) continue;
    if (host === domain || (!isIP(host) && host.endsWith(`.${domain}`))) return true;
  }
  return false;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** `host`, `host:port`, `[v6]`, `[v6]:port`; a bare IPv6 address (two or more colons) has no port. */
function splitHostPort(entry: string): { name: string; port?: number } {
  const bracketed = /^(\[[^\]]*\])(?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1], ...(bracketed[2] ? { port: Number(bracketed[2]) } : {}) };
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  if (withPort) return { name: withPort[1], port: Number(withPort[2]) };
  return { name: entry };
}
