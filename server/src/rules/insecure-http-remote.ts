import type { Rule } from './types';
import { isLoopbackHost, parseUrlLoosely } from '../engine/urls';

/**
 * A remote MCP server reached over plain http:// (or ws://) sends every tool call, result
 * and credential in clear text to anyone on the path. Loopback is fine: it never leaves
 * the machine.
 */
export const rule: Rule = {
  id: 'insecure-http-remote',
  meta: {
    category: 'transport',
    defaultSeverity: 'error',
    description: 'A remote server URL uses http:// or ws:// to a host that is not loopback.',
    fixable: true,
    owasp: ['MCP07'],
    threat: 'Network-layer attacks: tool calls, results and tokens can be read and changed in transit (man in the middle).',
  },
  check(context) {
    for (const server of context.config.servers) {
      const url = server.url;
      if (!url) continue;
      const parsed = parseUrlLoosely(url.value);
      if (!parsed || (parsed.scheme !== 'http' && parsed.scheme !== 'ws')) continue;
      if (!parsed.host || isLoopbackHost(parsed.host)) continue;
      if (context.settings.trustedHosts.includes(parsed.host)) continue;
      const secure = parsed.scheme === 'http' ? 'https' : 'wss';
      const fixed = secure + url.value.slice(parsed.scheme.length);
      context.report({
        node: url.node,
        server,
        message: `Server "${server.name}" connects to ${parsed.host} over unencrypted ${parsed.scheme}://: requests, results and any token can be read or altered on the network. Use ${secure}://.`,
        fixes: [
          {
            title: `Use ${secure}:// for "${server.name}"`,
            // Not safe for fix-all: the server may not serve TLS on that port.
            safe: false,
            preferred: true,
            edits: [{ offset: url.node.offset, length: url.node.length, content: context.doc.quote(fixed) }],
          },
        ],
      });
    }
  },
};
