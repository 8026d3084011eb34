import type { Rule } from './types';

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
    threat: 'Network-layer attacks and configuration drift: the legacy transport lacks the Streamable HTTP security guidance (Origin checks, session handling) and is being removed from clients.',
  },
  check(context) {
    for (const server of context.config.servers) {
      if (server.transport !== 'sse') continue;
      const node = server.type?.node ?? server.url?.node ?? server.nameNode;
      context.report({
        node,
        server,
        message: `Server "${server.name}" uses the deprecated SSE transport. If the server supports Streamable HTTP (often a /mcp endpoint instead of /sse), switch to type "http" and its URL; clients are dropping SSE.`,
      });
    }
  },
};
