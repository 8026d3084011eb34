import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { isLocalDestination, isLoopbackHost } from '../core/urls';
import { classifyHost, remoteEndpointsOf } from '../launch/remote';
import { replaceInString, spanOf } from '../launch/packages';

/**
 * Template text where a host belongs (`http://your_server_ip:8080`, `http://<host>/mcp`,
 * `http://placeholder`) is a warning (issue 15 class 5): nothing is sent yet, but whoever fills
 * it in keeps the plaintext scheme. A variable there (`http://${HOST}/mcp`) is not reported:
 * it may well be loopback. Reserved documentation domains (`example.com`) are real host names
 * and reported like any other.
 */
const TEMPLATE_HOST = /[<>]|your|placeholder|xxx|^(?:host|hostname|server)$/i;
/** A variable where the host belongs (`${HOST}`, `{env:HOST}`): it may well be loopback, so nothing is said. */
const VARIABLE_HOST = /[${}]/;

/**
 * A remote MCP server reached over plain http:// (or ws://) sends every tool call, result
 * and credential in clear text to anyone on the path. Loopback is fine: it never leaves
 * the machine. The URL a stdio bridge (mcp-remote, supergateway, mcp-proxy) connects to is
 * checked the same way.
 */
export const rule: Rule = {
  id: 'insecure-http-remote',
  meta: {
    category: 'transport',
    scope: 'server',
    defaultSeverity: 'error',
    description:
      'A remote server URL (or the URL given to a bridge such as mcp-remote) uses http:// or ws:// to a host that is not loopback (warning for private-network and internal hosts).',
    fixable: true,
    owasp: ['MCP07'],
    threat: 'Network-layer attacks: tool calls, results and tokens can be read and changed in transit (man in the middle).',
  },
  checkServer(context, server) {
    for (const endpoint of remoteEndpointsOf(server)) {
      const { parsed, value } = endpoint;
      if (parsed.scheme !== 'http' && parsed.scheme !== 'ws') continue;
      if (!parsed.host || isLoopbackHost(parsed.host) || VARIABLE_HOST.test(parsed.host)) continue;
      // A template host ("your-host", "<host>") is filled in later, and keeps the plaintext scheme it came with (issue 15 class 5).
      const template = TEMPLATE_HOST.test(parsed.host);
      if (context.settings.trustedHosts.includes(parsed.host)) continue;
      if (isLocalDestination(parsed.host)) continue;
      const secure = parsed.scheme === 'http' ? 'https' : 'wss';
      const schemeAt = endpoint.start + (endpoint.url.length - endpoint.url.trimStart().length);
      const fixed = value.value.slice(0, schemeAt) + secure + value.value.slice(schemeAt + parsed.scheme.length);
      // A URL inside a longer string (a command line written as one string, a shell line) is rewritten in place.
      const edit = replaceInString(context.doc, value, value.value, fixed);
      // On a private network or an internal name the path is shorter (LAN, VPN, compose network): still readable, less exposed.
      const internal = template || classifyHost(parsed.host)?.kind === 'private';
      const via = endpoint.via === 'bridge' ? ` through ${endpoint.bridge}${endpoint.allowHttpFlag ? ' (--allow-http lets it)' : ''}` : '';
      context.report({
        ...spanOf(context.doc, value),
        server,
        severity: internal ? 'warning' : 'error',
        message: template
          ? `Placeholder host (${shortValue(parsed.host, 40)}) with plain ${parsed.scheme}://: write ${secure}:// in the template. Server "${server.name}": whoever fills it in keeps the unencrypted scheme.`
          : `Unencrypted ${parsed.scheme}:// to ${internal ? 'internal host ' : ''}${shortValue(parsed.host, 50)}: use ${secure}://. Server "${server.name}"${via}: requests, results and any token can be read or altered on the network.`,
        fixes: edit
          ? [
              {
                title: `Use ${secure}:// for "${server.name}"`,
                // Not safe for fix-all: the server may not serve TLS on that port.
                safe: false,
                preferred: true,
                edits: [edit],
              },
            ]
          : [],
      });
    }
  },
};
