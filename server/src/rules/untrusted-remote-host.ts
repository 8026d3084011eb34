import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { classifyHost, remoteEndpointsOf } from '../launch/remote';

/**
 * Remote servers behind a raw public IP, a throw-away tunnel (ngrok, trycloudflare,
 * localtunnel), a Tor hidden service or a paste/file-drop site have no stable, accountable
 * owner: the address can change hands or be someone's laptop, and TLS (if any) proves
 * nothing about who runs it.
 */
export const rule: Rule = {
  id: 'untrusted-remote-host',
  meta: {
    category: 'transport',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A remote server is reached through a raw IP address, a tunnel service (ngrok, trycloudflare...), a .onion address or a paste site.',
    fixable: false,
    owasp: ['MCP09', 'MCP04'],
    threat: 'Spoofing and rug pull: the endpoint has no accountable owner and can be swapped for a malicious server at any time.',
  },
  checkServer(context, server) {
    for (const endpoint of remoteEndpointsOf(server)) {
      const host = classifyHost(endpoint.parsed.host);
      if (!host || host.kind === 'metadata' || host.kind === 'private') continue;
      if (context.settings.trustedHosts.includes(endpoint.parsed.host)) continue;
      const why =
        host.kind === 'public-ip'
          ? 'an IP address has no name to verify, so a certificate cannot prove who runs it'
          : host.kind === 'tunnel'
            ? "tunnel addresses are temporary and get reassigned, and the other end is someone's machine"
            : host.kind === 'onion'
              ? 'nobody accountable runs it and traffic leaves through Tor'
              : 'anyone can publish there';
      context.report({
        node: endpoint.value.node,
        server,
        message: `Remote server at ${shortValue(host.label, 60)}: use its official, named HTTPS endpoint. Server "${server.name}": ${why}.`,
      });
    }
  },
};
