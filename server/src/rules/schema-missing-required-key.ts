import type { Rule } from '../core/rule';
import { clientName, schemaEntries } from '../dialects/schemaCheck';

/**
 * A key the client requires on this entry (Copilot coding agent `tools`/`type`, Claude Code
 * `type` on remote entries, Continue `name`, opencode `type`).
 */
export const rule: Rule = {
  id: 'schema-missing-required-key',
  meta: {
    category: 'schema',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A server entry lacks a key this client requires, so the client skips or rejects it.',
    fixable: false,
    owasp: [],
    threat: 'Silent misconfiguration: the server is skipped.',
  },
  check(context) {
    const schema = context.dialect.schema;
    if (!schema?.required) return;
    const client = clientName(context.dialect);
    for (const server of schemaEntries(context.config.servers)) {
      for (const { key, why } of schema.required(server.node, server.transport)) {
        context.report({
          node: server.nameNode,
          server,
          message: `Missing "${key}": add it. Server "${server.name}": ${why}. ${client} skips or rejects the entry until "${key}" is added.`,
          fixes: [],
        });
      }
    }
  },
};
