import type { Rule } from '../core/rule';
import { allSites } from '../secrets/sites';
import { findUrls } from '../secrets/urlSecrets';
import { parseUrlLoosely } from '../core/urls';

/** Public tunnels: whoever has the URL reaches the machine behind it, and the tunnel operator sees the traffic. */
const TUNNELS = [
  'ngrok.io',
  'ngrok.app',
  'ngrok.dev',
  'ngrok-free.app',
  'ngrok-free.dev',
  'trycloudflare.com',
  'loca.lt',
  'localtunnel.me',
  'serveo.net',
  'localhost.run',
  'lhr.life',
  'pinggy.link',
  'pinggy.io',
  'bore.pub',
  'tunnelmole.net',
  'devtunnels.ms',
];
/** Request-capture services: built to record whatever is sent to them (and a favourite exfiltration sink). */
const CAPTURES = [
  'webhook.site',
  'requestbin.com',
  'requestbin.net',
  'pipedream.net',
  'requestcatcher.com',
  'beeceptor.com',
  'hookbin.com',
  'mockbin.org',
  'burpcollaborator.net',
  'oastify.com',
  'interact.sh',
  'oast.fun',
  'oast.pro',
  'canarytokens.com',
  'postb.in',
  'ptsv3.com',
];

function matchHost(host: string, domains: readonly string[]): string | undefined {
  return domains.find((domain) => host === domain || host.endsWith('.' + domain));
}

/**
 * A URL in a server's url, args or env whose host is a public tunnel (ngrok, Cloudflare quick
 * tunnels, localtunnel...) or a request-capture service (webhook.site, RequestBin, Pipedream,
 * interactsh...) (issue 15 class 5). A tunnel is a temporary address anyone can reach and
 * whose operator sees the traffic; a capture host records everything sent to it, and an MCP
 * config pointing tool traffic or a callback at one is how data leaves unnoticed.
 */
export const rule: Rule = {
  id: 'tunnel-or-capture-host',
  meta: {
    category: 'transport',
    scope: 'server',
    defaultSeverity: 'warning',
    description:
      'A server URL, argument or env value points at a public tunnel (ngrok, trycloudflare, loca.lt...) or a request-capture service (webhook.site, RequestBin, Pipedream...).',
    fixable: false,
    owasp: ['MCP07', 'MCP10'],
    threat:
      'Interception and exfiltration: a tunnel operator sees the traffic and the address changes hands; a capture service records whatever the server or agent sends.',
  },
  checkServer(context, server) {
    const seen = new Set<object>();
    for (const site of allSites(server)) {
      if (seen.has(site.node)) continue;
      for (const span of findUrls(site.value)) {
        const host = parseUrlLoosely(site.value.slice(span.start, span.end))?.host;
        if (!host || context.settings.trustedHosts.includes(host)) continue;
        const tunnel = matchHost(host, TUNNELS);
        const capture = tunnel ? undefined : matchHost(host, CAPTURES);
        if (!tunnel && !capture) continue;
        seen.add(site.node);
        context.report({
          node: site.node,
          server,
          message: tunnel
            ? `Server "${server.name}" goes through a public tunnel (${tunnel}): use the service's own address. Anyone with the URL reaches it, and the tunnel operator sees the traffic.`
            : `Server "${server.name}" sends to a request-capture service (${capture}): remove it unless you are debugging. Such hosts record everything sent to them.`,
        });
        break;
      }
    }
  },
};
