import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import type { StringValue } from '../core/model';
import { parseUrlLoosely } from '../core/urls';
import { classifyHost, remoteEndpointsOf } from '../launch/remote';
import { allCommands } from '../launch/effective';
import { valueRange } from '../fixes/nodeEdits';

const URL_IN_TEXT = /\b(?:https?|wss?):\/\/[^\s"'<>]+/gi;

/**
 * URLs aimed at cloud metadata services (169.254.169.254, metadata.google.internal) hand
 * out the machine's cloud credentials to whoever reads the response: a classic SSRF pivot.
 * Remote servers on private ranges or internal names are reported for information: they
 * are fine on a company network, and a sign the config is not portable or was planted.
 */
export const rule: Rule = {
  id: 'private-or-metadata-host',
  meta: {
    category: 'transport',
    scope: 'server',
    defaultSeverity: 'information',
    description: 'A server URL points at a cloud metadata endpoint (error) or a private-network / internal host (information).',
    fixable: false,
    owasp: ['MCP01'],
    threat:
      'Credential theft via SSRF: metadata endpoints return cloud credentials; internal hosts expose services that were never meant to be reachable by an agent.',
  },
  checkServer(context, server) {
    const seen = new Set<number>();
    for (const endpoint of remoteEndpointsOf(server)) {
      const host = classifyHost(endpoint.parsed.host);
      if (!host || (host.kind !== 'metadata' && host.kind !== 'private')) continue;
      if (context.settings.trustedHosts.includes(endpoint.parsed.host)) continue;
      seen.add(endpoint.value.node.offset);
      context.report({
        node: endpoint.value.node,
        server,
        severity: host.kind === 'metadata' ? 'error' : 'information',
        message:
          host.kind === 'metadata'
            ? `URL on ${shortValue(host.label, 60)}: remove it. Server "${server.name}": that endpoint hands out this machine's cloud credentials.`
            : `Remote server on ${shortValue(host.label, 60)}: check this is intended. Server "${server.name}": it only works inside that network, and an agent can reach internal services through it.`,
      });
    }
    // Metadata URLs anywhere else (args, env): the server is being pointed at credentials.
    const values: StringValue[] = allCommands(server).flatMap((c) => c.args);
    for (const entry of server.env)
      if (entry.value !== undefined && entry.valueNode.type === 'string') values.push({ value: entry.value, node: entry.valueNode });
    for (const value of values) {
      if (seen.has(value.node.offset)) continue;
      URL_IN_TEXT.lastIndex = 0;
      for (let m = URL_IN_TEXT.exec(value.value); m; m = URL_IN_TEXT.exec(value.value)) {
        const parsed = parseUrlLoosely(m[0]);
        const host = parsed && classifyHost(parsed.host);
        if (host?.kind !== 'metadata') continue;
        context.report({
          ...valueRange(context.doc, value, m.index, m.index + m[0].length),
          server,
          severity: 'error',
          message: `URL on ${shortValue(host.label, 60)}: remove it. Server "${server.name}" is given an endpoint that hands out this machine's cloud credentials to whoever reads it.`,
        });
      }
    }
  },
};
