import type { Rule } from '../core/rule';
import { clientName, declaredTransport, presentKey, schemaEntries, shown } from '../dialects/schemaCheck';

/** An entry declared remote (`type: "http"`/`"sse"`) with no URL to connect to. */
export const rule: Rule = {
  id: 'schema-missing-url',
  meta: {
    category: 'schema',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A server entry declares a remote transport (http, sse...) but has no URL.',
    fixable: false,
    owasp: [],
    threat: 'Silent misconfiguration: the server never connects.',
  },
  check(context) {
    const schema = context.dialect.schema;
    if (!schema) return;
    const client = clientName(context.dialect);
    for (const server of schemaEntries(context.config.servers)) {
      const declared = declaredTransport(schema, server.node);
      if (!declared || declared.transport === 'stdio' || declared.transport === 'unknown') continue;
      if (presentKey(server.node, schema.urlKeys)) continue;
      const hasCommand = presentKey(server.node, schema.commandKeys);
      context.report({
        node: declared.node,
        server,
        message: `Remote server without "${schema.urlKeys[0]}": ${hasCommand ? 'add the address, or declare it as a local (stdio) server' : `add "${schema.urlKeys[0]}" with the server's https:// address`}. Server "${server.name}" is declared "${shown(declared.raw)}", so ${client} has nowhere to connect.${hasCommand ? ` It has "${hasCommand.key}", which a local server uses.` : ''}`,
        fixes: [],
      });
    }
  },
};
