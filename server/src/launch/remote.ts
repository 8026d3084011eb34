import type { ServerEntry, StringValue } from '../core/model';
import { parseUrlLoosely, type LooseUrl } from '../core/urls';
import type { Invocation } from '../core/invocation';
import { allCommands } from './effective';
import { memoizeByObject } from '../core/memo';

/**
 * Every remote endpoint a server talks to: its own `url`, and the URL handed to a
 * stdio-to-remote bridge (`npx mcp-remote https://…`, `supergateway --sse https://…`,
 * `uvx mcp-proxy https://…`). Transport rules check both the same way.
 */
export interface RemoteEndpoint {
  /** The string that holds the URL: the `url` value or the bridge argument. */
  value: StringValue;
  /** The URL text (for `--sse=https://…` the part after `=`). */
  url: string;
  /** Where `url` starts inside `value.value`. */
  start: number;
  parsed: LooseUrl;
  via: 'url' | 'bridge';
  /** The bridge package or program (`mcp-remote`, `supergateway`...), for messages. */
  bridge?: string;
  /** Bridge flags that matter to transport rules (`--allow-http`), when present. */
  allowHttpFlag?: StringValue;
}

const BRIDGE =
  /(?:^|[/@])(mcp-remote|supergateway|mcp-proxy|mcp-remote-client|mcp-streamablehttp-client|mcp-sse-client|mcp-http-bridge|remote-mcp|mcpgateway\.wrapper)(?:(?:@|===?|~=|>=|<=)[^/]*)?$/i;

/** The bridge a stdio server runs, and the command that runs it (a shell string's commands included). */
const bridgeCommand = memoizeByObject(function bridgeCommand(server: ServerEntry): { bridge: string; invocation: Invocation } | undefined {
  for (const invocation of allCommands(server)) {
    for (const word of [invocation.programValue.value.split(/\s+/)[0], ...invocation.args.slice(0, 8).map((a) => a.value)]) {
      const match = BRIDGE.exec(word.replace(/\\/g, '/').replace(/\.(cmd|exe)$/i, ''));
      if (match) return { bridge: match[1].toLowerCase(), invocation };
    }
  }
  return undefined;
});

export const remoteEndpointsOf = memoizeByObject(function remoteEndpointsOf(server: ServerEntry): RemoteEndpoint[] {
  const endpoints: RemoteEndpoint[] = [];
  if (server.url) {
    const parsed = parseUrlLoosely(server.url.value);
    if (parsed) endpoints.push({ value: server.url, url: server.url.value, start: 0, parsed, via: 'url' });
  }
  const found = bridgeCommand(server);
  if (!found) return endpoints;
  const { bridge, invocation } = found;
  const allowHttpFlag = invocation.args.find((a) => a.value === '--allow-http');
  for (const arg of invocation.args) {
    // Whole arguments (or --flag=URL); a piece of a longer string (a command written as one
    // string, a shell line) is a value of its own whose node is the whole string.
    let start = 0;
    if (arg.value.startsWith('-')) {
      const eq = arg.value.indexOf('=');
      if (eq < 0) continue;
      start = eq + 1;
    }
    const url = arg.value.slice(start);
    if (!/^(?:https?|wss?):\/\//i.test(url.trim())) continue;
    const parsed = parseUrlLoosely(url);
    if (!parsed) continue;
    endpoints.push({ value: arg, url, start, parsed, via: 'bridge', bridge, ...(allowHttpFlag ? { allowHttpFlag } : {}) });
  }
  return endpoints;
});

/** IPv4 dotted quad -> four numbers, or undefined. */
export function ipv4Octets(host: string): number[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return undefined;
  const octets = match.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

export type HostClass =
  | { kind: 'metadata'; label: string }
  | { kind: 'private'; label: string }
  | { kind: 'public-ip'; label: string }
  | { kind: 'tunnel'; label: string }
  | { kind: 'onion'; label: string }
  | { kind: 'paste'; label: string };

const METADATA_HOSTS = new Set([
  'metadata.google.internal',
  'metadata.goog',
  'metadata',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.azure.internal',
]);
const TUNNELS: Array<[RegExp, string]> = [
  [/(?:^|\.)ngrok(?:-free)?\.(?:io|app|dev)$|(?:^|\.)ngrok\.pizza$/, 'an ngrok tunnel'],
  [/(?:^|\.)trycloudflare\.com$/, 'a Cloudflare quick tunnel'],
  [/(?:^|\.)loca\.lt$|(?:^|\.)localtunnel\.me$/, 'a localtunnel tunnel'],
  [/(?:^|\.)serveo\.net$|(?:^|\.)serveousercontent\.com$/, 'a serveo tunnel'],
  [/(?:^|\.)localhost\.run$|(?:^|\.)lhr\.life$/, 'a localhost.run tunnel'],
  [/(?:^|\.)pinggy\.(?:io|link|online)$|(?:^|\.)a\.free\.pinggy\.link$/, 'a Pinggy tunnel'],
  [
    /(?:^|\.)tunnelmole\.net$|(?:^|\.)telebit\.io$|(?:^|\.)localxpose\.io$|(?:^|\.)loclx\.io$|(?:^|\.)devtunnels\.ms$|(?:^|\.)bore\.pub$/,
    'a public tunnel service',
  ],
];
const PASTES: Array<[RegExp, string]> = [
  [
    /(?:^|\.)pastebin\.com$|(?:^|\.)paste\.ee$|(?:^|\.)hastebin\.com$|(?:^|\.)ghostbin\.|(?:^|\.)rentry\.(?:co|org)$|(?:^|\.)dpaste\.(?:com|org)$/,
    'a paste site',
  ],
  [/^gist\.githubusercontent\.com$|^gist\.github\.com$/, 'a GitHub gist'],
  [/^raw\.githubusercontent\.com$/, 'raw GitHub file hosting'],
  [
    /(?:^|\.)transfer\.sh$|(?:^|\.)webhook\.site$|(?:^|\.)requestbin\.|(?:^|\.)pipedream\.net$|(?:^|\.)beeceptor\.com$/,
    'a request-capture or file-drop service',
  ],
];

/**
 * What kind of host a URL points at, for the SSRF and untrusted-host rules; undefined for an
 * ordinary public host name (and for loopback, which transport rules accept).
 */
export function classifyHost(rawHost: string): HostClass | undefined {
  const host = rawHost
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (!host || host.includes('$') || host.includes('{')) return undefined;
  // Template text (YOUR_SERVER_IP, <host>, example.com) is not a destination yet.
  if (/your|<|>|example|placeholder|^host$|^hostname$|^server$|xxx/.test(host)) return undefined;
  if (METADATA_HOSTS.has(host)) return { kind: 'metadata', label: `the cloud metadata service (${host})` };
  const v4 = ipv4Octets(host);
  if (v4) {
    const [a, b] = v4;
    if (a === 169 && b === 254) {
      return host === '169.254.169.254' || host === '169.254.170.2'
        ? { kind: 'metadata', label: `the cloud metadata service (${host})` }
        : { kind: 'private', label: `a link-local address (${host})` };
    }
    if (a === 127) return undefined;
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return { kind: 'private', label: `a private network address (${host})` };
    if (a === 100 && b >= 64 && b <= 127) return { kind: 'private', label: `a carrier-grade NAT / Tailscale address (${host})` };
    if (a === 0) return { kind: 'private', label: `the unspecified address (${host})` };
    return { kind: 'public-ip', label: `a raw IP address (${host})` };
  }
  if (host.includes(':')) {
    if (host === '::1' || host === '0:0:0:0:0:0:0:1') return undefined;
    if (host === 'fd00:ec2::254') return { kind: 'metadata', label: `the cloud metadata service (${host})` };
    if (/^f[cd][0-9a-f]{2}:/.test(host)) return { kind: 'private', label: `a private IPv6 address (${host})` };
    if (/^fe[89ab][0-9a-f]:/.test(host)) return { kind: 'private', label: `a link-local IPv6 address (${host})` };
    if (host === '::') return { kind: 'private', label: `the unspecified address (${host})` };
    return { kind: 'public-ip', label: `a raw IP address (${host})` };
  }
  if (host.endsWith('.onion')) return { kind: 'onion', label: `a Tor hidden service (${host})` };
  for (const [pattern, label] of TUNNELS) if (pattern.test(host)) return { kind: 'tunnel', label: `${label} (${host})` };
  for (const [pattern, label] of PASTES) if (pattern.test(host)) return { kind: 'paste', label: `${label} (${host})` };
  if (/\.(?:internal|intranet|corp|lan|home\.arpa|local)$/.test(host) || /\.svc\.cluster\.local$/.test(host) || !host.includes('.')) {
    if (host === 'localhost' || host.endsWith('.localhost')) return undefined;
    return { kind: 'private', label: `an internal host name (${host})` };
  }
  return undefined;
}
