import type { Rule } from '../core/rule';

/**
 * The HTTP+SSE transport was replaced by Streamable HTTP in the 2025-03-26 MCP spec. SSE
 * servers keep a long-lived stream per session, lack the newer transport's session and
 * resumability rules, and clients are dropping support.
 */
export const rule: Rule = {
  id: 'deprecated-sse-transport',
  meta: {
    category: 'transport',
    scope: 'server',
    defaultSeverity: 'information',
    description: 'A remote server uses the deprecated HTTP+SSE transport (type: "sse").',
    fixable: false,
    owasp: ['MCP07'],
    threat:
      'Network-layer attacks and configuration drift: the legacy transport lacks the Streamable HTTP security guidance (Origin checks, session handling) and is being removed from clients.',
  },
  checkServer(context, server) {
    if (server.transport !== 'sse') return;
    const node = server.type?.node ?? server.url?.node ?? server.nameNode;
    context.report({
      node,
      server,
      message: `Deprecated SSE transport: switch to type "http" if the server supports Streamable HTTP. Server "${server.name}": the endpoint is often /mcp instead of /sse; clients are dropping SSE.`,
    });
  },
};
