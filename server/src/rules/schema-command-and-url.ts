import type { Rule } from '../core/rule';
import type { Severity } from '../core/types';
import { clientName, presentKey, schemaEntries } from '../dialects/schemaCheck';

/** What each client does with an entry that has both; default: uses one, the other is dead. */
const BEHAVIOUR: Record<string, { severity: Severity; text: string }> = {
  codex: { severity: 'error', text: 'rejects the entry ("url is not supported for stdio")' },
  'roo-code': { severity: 'error', text: 'rejects the entry (stdio and remote fields cannot be mixed)' },
  'gemini-cli': { severity: 'warning', text: 'connects to the URL and ignores the command' },
};

/** An entry with both a command and a URL: the client picks one (or refuses both). */
export const rule: Rule = {
  id: 'schema-command-and-url',
  meta: {
    category: 'schema',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A server entry has both a command (local) and a URL (remote).',
    fixable: false,
    owasp: [],
    threat: 'Silent misconfiguration: the reviewer reads one server, the client runs the other.',
  },
  check(context) {
    const schema = context.dialect.schema;
    if (!schema) return;
    const client = clientName(context.dialect);
    for (const server of schemaEntries(context.config.servers)) {
      const command = presentKey(server.node, schema.commandKeys);
      const url = presentKey(server.node, schema.urlKeys);
      if (!command || !url) continue;
      const behaviour = BEHAVIOUR[context.dialect.id] ?? { severity: 'warning' as Severity, text: 'uses only one of them, so the other is dead configuration' };
      context.report({
        node: url.property.children?.[0] ?? url.value,
        server,
        severity: behaviour.severity,
        message: `Both "${command.key}" and "${url.key}": keep "${command.key}" for a local process or "${url.key}" for a remote server. Server "${server.name}": ${client} ${behaviour.text}.`,
        fixes: [],
      });
    }
  },
};
