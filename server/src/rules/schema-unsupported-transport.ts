import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { closest } from '../dialects/schema';
import { transportOf } from '../dialects/mcpServersMap';
import { clientName, declaredTransport, presentKey, schemaEntries, shown } from '../dialects/schemaCheck';

/**
 * A transport value this client does not accept (`streamable-http` in Cline, which wants
 * `streamableHttp`; `remote` outside opencode...), or a remote entry in a client that only
 * runs local servers from this file (Claude Desktop).
 */
export const rule: Rule = {
  id: 'schema-unsupported-transport',
  meta: {
    category: 'schema',
    scope: 'server',
    defaultSeverity: 'error',
    description: "A server's transport (type) is not one this client accepts, or the client runs no remote servers from this file.",
    fixable: true,
    owasp: [],
    threat: 'Silent misconfiguration: the server is skipped or connected with the wrong protocol.',
  },
  check(context) {
    const schema = context.dialect.schema;
    if (!schema) return;
    const client = clientName(context.dialect);
    for (const server of schemaEntries(context.config.servers)) {
      if (!schema.remote) {
        const url = presentKey(server.node, schema.urlKeys);
        if (url && !presentKey(server.node, schema.commandKeys)) {
          context.report({
            node: url.property.children?.[0] ?? url.value,
            server,
            message: `Remote server ignored here: add it in the app (Settings > Connectors) or bridge it with mcp-remote. ${client} only starts local (stdio) servers from this file, so "${server.name}" is not loaded.`,
            fixes: [],
          });
          continue;
        }
      }
      const declared = declaredTransport(schema, server.node);
      if (!declared || !schema.transports || schema.transports.includes(declared.raw)) continue;
      const same = schema.transports.filter((t) => transportOf(t, false, false) === declared.transport && declared.transport !== 'unknown');
      const suggestion = same[0] ?? closest(declared.raw, schema.transports);
      const accepted = schema.transports.map((t) => `"${t}"`).join(', ');
      context.report({
        node: declared.node,
        server,
        message: `Unsupported "${schema.typeKey}": "${shortValue(shown(declared.raw), 20)}": ${suggestion ? `use "${suggestion}"` : `use one ${client} accepts`}. It accepts ${accepted}, so server "${server.name}" ${context.dialect.id === 'cline' || context.dialect.id === 'roo-code' ? 'fails validation and is not loaded' : 'is skipped or misread'}.`,
        fixes: suggestion
          ? [
              {
                title: `Use "${suggestion}"`,
                safe: same.length > 0,
                preferred: true,
                edits: [{ offset: declared.node.offset, length: declared.node.length, content: context.doc.quote(suggestion) }],
              },
            ]
          : [],
      });
    }
  },
};
