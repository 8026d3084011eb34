import type { Rule, RuleContext } from './types';
import { DIALECTS } from '../dialects';
import type { Severity } from '../engine/types';
import { entries } from '../parse/tree';
import { closest } from '../dialects/schema';
import { clientName, keyText, schemaEntries, shown, toValue } from '../dialects/schemaCheck';

/** Clients whose loader rejects the whole entry (or file) on an unknown key. */
const REJECTS_UNKNOWN = new Set(['codex']);

/**
 * A key the client does not read: usually a typo or another client's spelling
 * (`serverUrl` in VS Code, `alwaysAllow` in Cline...), so the setting silently does nothing.
 */
export const rule: Rule = {
  id: 'schema-unknown-key',
  meta: {
    category: 'schema',
    defaultSeverity: 'warning',
    description: 'A server entry (or the file) has a key this client does not read; it is ignored, or rejected by strict clients.',
    fixable: true,
    owasp: [],
    threat: 'Silent misconfiguration: a restriction the user wrote (tool filter, approval list, disabled flag) is not applied.',
  },
  check(context) {
    const schema = context.dialect.schema;
    if (!schema) {
      if (context.dialect.id === 'generic') checkLenient(context);
      return;
    }
    if (!schema.strictKeys) return;
    const client = clientName(context.dialect);
    const known = Object.keys(schema.entry.shape);
    for (const server of schemaEntries(context.config.servers)) {
      for (const { key, keyNode, valueNode } of entries(server.node)) {
        if (known.includes(key) || key.startsWith('$') || key.startsWith('//')) continue;
        const candidate = schema.renames?.[key] ?? closest(key, known);
        // A suggestion the entry already has is no suggestion (`_comment` next to `command`).
        const suggestion = candidate !== undefined && !entries(server.node).some((e) => e.key === candidate) ? candidate : undefined;
        const severity: Severity = REJECTS_UNKNOWN.has(context.dialect.id) ? 'error' : suggestion ? 'warning' : 'information';
        const consequence = REJECTS_UNKNOWN.has(context.dialect.id) ? `; ${client} rejects unknown keys, so it does not load this server` : ', so it has no effect';
        context.report({
          node: keyNode,
          server,
          severity,
          message: `${client} does not read "${shown(key)}" in a server entry${consequence}.${suggestion ? ` Did you mean "${suggestion}"?` : ' Remove it, or check the client documentation for the right key.'}`,
          fixes:
            // Only when the value is valid under the new key: `alwaysAllow: [...]` -> Gemini `trust` is a hint, not a rename.
            suggestion && fits(schema.entry.shape, suggestion, toValue(valueNode))
              ? [{ title: `Rename "${shown(key)}" to "${suggestion}"`, safe: false, preferred: true, edits: [{ offset: keyNode.offset, length: keyNode.length, content: keyText(context.doc, keyNode, suggestion) }] }]
              : [],
        });
      }
    }
    if (schema.rootKeys && context.doc.root?.type === 'object') {
      const servers = schema.serversPath[0];
      for (const { key, keyNode } of entries(context.doc.root)) {
        if (schema.rootKeys.includes(key) || key === servers || ['mcpServers', 'servers', 'context_servers', 'mcp_servers', 'mcp', 'extensions'].includes(key)) continue;
        const suggestion = closest(key, schema.rootKeys);
        context.report({
          node: keyNode,
          server: null,
          message: `${client} does not read "${shown(key)}" at the top of this file; it is ignored.${suggestion ? ` Did you mean "${suggestion}"?` : ` Known keys: ${schema.rootKeys.map((k) => `"${k}"`).join(', ')}.`}`,
          fixes: [],
        });
      }
    }
  },
};

function fits(shape: Record<string, unknown>, key: string, value: unknown): boolean {
  const field = shape[key] as { safeParse?(v: unknown): { success: boolean } } | undefined;
  return !!field?.safeParse && field.safeParse(value).success;
}

let allKnownKeys: string[] | undefined;

/**
 * The generic fallback does not know the client, so only near-misses of a key that no
 * client reads at all are reported ("comand"), as information.
 */
function checkLenient(context: RuleContext): void {
  allKnownKeys ??= [...new Set(DIALECTS.flatMap((d) => (d.schema ? Object.keys(d.schema.entry.shape) : [])))];
  for (const server of schemaEntries(context.config.servers)) {
    for (const { key, keyNode } of entries(server.node)) {
      if (allKnownKeys.includes(key) || key.startsWith('$') || key.startsWith('//')) continue;
      const suggestion = closest(key, allKnownKeys);
      if (!suggestion || entries(server.node).some((e) => e.key === suggestion)) continue;
      context.report({
        node: keyNode,
        server,
        severity: 'information',
        message: `No MCP client reads "${shown(key)}" in a server entry, so it has no effect. Did you mean "${suggestion}"?`,
        fixes: [{ title: `Rename "${shown(key)}" to "${suggestion}"`, safe: false, preferred: true, edits: [{ offset: keyNode.offset, length: keyNode.length, content: keyText(context.doc, keyNode, suggestion) }] }],
      });
    }
  }
}
