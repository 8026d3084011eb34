import type { Rule } from '../core/rule';

/**
 * Gemini CLI's `trust: true` skips every tool-call confirmation for the server: the
 * equivalent of auto-approving all its tools, present and future.
 */
export const rule: Rule = {
  id: 'trust-all-tools',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A server is marked `trust: true`, so none of its tool calls are confirmed (Gemini CLI).',
    fixable: true,
    owasp: ['MCP02', 'MCP06'],
    threat: 'Missing human review and privilege persistence: every present and future tool runs without confirmation, so prompt injection acts immediately.',
  },
  checkServer(context, server) {
    const trust = server.trust;
    if (!trust || trust.value !== true) return;
    context.report({
      node: trust.node,
      server,
      message: `Every tool call runs without asking ("${trust.key}": true): set it to false. Server "${server.name}": the client runs all its tool calls, including ones added by later updates, without confirmation. If the prompts are too many, limit the tools with includeTools.`,
      fixes: [
        {
          title: `Set ${trust.key} to false for "${server.name}"`,
          safe: true,
          preferred: true,
          edits: [{ offset: trust.node.offset, length: trust.node.length, content: 'false' }],
        },
      ],
    });
  },
};
