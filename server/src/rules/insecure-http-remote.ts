import type { Rule } from './types';
import { isLoopbackHost } from '../engine/urls';
import { classifyHost, remoteEndpointsOf } from '../launch/remote';
import { replaceInString, spanOf } from '../launch/packages';

/**
 * Template text where a host belongs (`http://your_server_ip:8080`, `http://<host>/mcp`,
 * `http://${HOST}/mcp`, `http://placeholder`): not a destination yet, nothing is sent until
 * someone fills it in, and the variable may well be loopback. The same test as
 * remote-without-auth's (and as classifyHost's template check), except that reserved
 * documentation domains (`example.com`) are still reported: they are real host names, and a
 * copied `http://` scheme is exactly what this rule is about.
 */
const TEMPLATE_HOST = /[${}<>]|your|placeholder|xxx|^(?:host|hostname|server)$/i;

/**
 * Destinations that are this machine although they are not loopback names: the unspecified
 * address (a client connecting to 0.0.0.0 or [::] reaches the local host), the hosts-file
 * names of loopback (`localhost.localdomain`, `ip6-localhost`) and the names
 * Docker and Podman give the host (`host.docker.internal`, `host.containers.internal`,
 * `gateway.docker.internal`), whose traffic stays on the machine's virtual network.
 */
function isLocalDestination(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === '0.0.0.0' || bare === '::' || bare === 'localhost.localdomain' || bare === 'ip6-localhost' || bare === 'ip6-loopback' || /^(?:host\.docker|host\.containers|gateway\.docker|host\.lima|host\.rancher-desktop)\.internal$/.test(bare);
}

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
    description: 'A remote server URL (or the URL given to a bridge such as mcp-remote) uses http:// or ws:// to a host that is not loopback (warning for private-network and internal hosts).',
    fixable: true,
    owasp: ['MCP07'],
    threat: 'Network-layer attacks: tool calls, results and tokens can be read and changed in transit (man in the middle).',
  },
  check(context) {
    for (const server of context.config.servers) {
      for (const endpoint of remoteEndpointsOf(server)) {
        const { parsed, value } = endpoint;
        if (parsed.scheme !== 'http' && parsed.scheme !== 'ws') continue;
        if (!parsed.host || isLoopbackHost(parsed.host) || TEMPLATE_HOST.test(parsed.host)) continue;
        if (context.settings.trustedHosts.includes(parsed.host)) continue;
        if (isLocalDestination(parsed.host)) continue;
        const secure = parsed.scheme === 'http' ? 'https' : 'wss';
        const schemeAt = endpoint.start + (endpoint.url.length - endpoint.url.trimStart().length);
        const fixed = value.value.slice(0, schemeAt) + secure + value.value.slice(schemeAt + parsed.scheme.length);
        // A URL inside a longer string (a command line written as one string, a shell line) is rewritten in place.
        const edit = replaceInString(context.doc, value, value.value, fixed);
        // On a private network or an internal name the path is shorter (LAN, VPN, compose network): still readable, less exposed.
        const internal = classifyHost(parsed.host)?.kind === 'private';
        const via = endpoint.via === 'bridge' ? ` through ${endpoint.bridge}${endpoint.allowHttpFlag ? ' (--allow-http lets it)' : ''}` : '';
        context.report({
          ...spanOf(context.doc, value),
          server,
          severity: internal ? 'warning' : 'error',
          message: `Server "${server.name}" connects to ${internal ? 'internal host ' : ''}${parsed.host} over unencrypted ${parsed.scheme}://${via}: requests, results and any token can be read or altered on the network. Use ${secure}://.`,
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
    }
  },
};
