import type { Rule } from '../core/rule';
import { clientName, declaredTransport, presentKey, schemaEntries, shown } from '../dialects/schemaCheck';

/** A local (stdio) server entry with nothing to run: the client cannot start it. */
export const rule: Rule = {
  id: 'schema-missing-command',
  meta: {
    category: 'schema',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A local (stdio) server entry has no command, so the client cannot start it.',
    fixable: false,
    owasp: [],
    threat: 'Silent misconfiguration: a server the user expects (e.g. a security or audit tool) never runs.',
  },
  check(context) {
    const schema = context.dialect.schema;
    if (!schema) return;
    const client = clientName(context.dialect);
    for (const server of schemaEntries(context.config.servers)) {
      if (presentKey(server.node, schema.commandKeys) || schema.builtin?.(server.node)) continue;
      const declared = declaredTransport(schema, server.node);
      const stdio = declared ? declared.transport === 'stdio' : !presentKey(server.node, schema.urlKeys);
      if (!stdio) continue;
      const command = schema.commandKeys[0];
      const remote = schema.remote ? `, or "${schema.urlKeys[0]}" for a remote server` : '';
      context.report({
        node: declared?.node ?? server.nameNode,
        server,
        message: declared
          ? `Server "${server.name}" is a local ("${shown(declared.raw)}") server without "${command}": ${client} has nothing to start. Add "${command}" with the program to run${remote}.`
          : `Server "${server.name}" has neither "${command}" nor ${schema.urlKeys.map((k) => `"${k}"`).join('/')}: ${client} has nothing to start or connect to. Add "${command}" with the program to run${remote}.`,
        fixes: [],
      });
    }
  },
};
