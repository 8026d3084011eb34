import type { Rule } from '../core/rule';
import type { TreeNode } from '../core/tree';
import { entries, getValueAtPath } from '../core/tree';
import { KNOWN_SERVERS_KEYS } from '../dialects/schema';
import { clientName, keyText } from '../dialects/schemaCheck';
import { lookupTable } from '../core/lookupTable';

/** Which clients use a servers key, for the message. */
const USED_BY = lookupTable<string>({
  mcpServers: 'Claude, Cursor, Windsurf, Cline, Gemini and most others',
  servers: 'VS Code and Visual Studio',
  context_servers: 'Zed',
  mcp_servers: 'Codex',
  mcp: 'opencode (and VS Code settings.json)',
  extensions: 'Goose',
});

/**
 * The servers sit under a key this client does not read (`mcpServers` in `.vscode/mcp.json`,
 * `servers` in `.mcp.json`...). The client loads the file, finds no servers and says nothing.
 */
export const rule: Rule = {
  id: 'schema-wrong-root-key',
  meta: {
    category: 'schema',
    defaultSeverity: 'error',
    description: "The file's servers are under another client's key, so this client silently ignores all of them.",
    fixable: true,
    owasp: [],
    threat: 'Silent misconfiguration: the servers the user reviewed never run, or run from another file nobody reviews.',
  },
  check(context) {
    const schema = context.dialect.schema;
    const root = context.doc.root;
    if (!schema || !root) return;
    const existing = getValueAtPath(root, schema.serversPath);
    const parentPath = schema.serversPath.slice(0, -1);
    const parent = parentPath.length ? getValueAtPath(root, parentPath) : root;
    const expected = schema.serversPath[schema.serversPath.length - 1];
    for (const { key, keyNode, valueNode } of entries(parent)) {
      if (key === expected || !(KNOWN_SERVERS_KEYS as readonly string[]).includes(key)) continue;
      const count = looksLikeServers(key, valueNode);
      if (count === undefined) continue;
      const client = clientName(context.dialect);
      const where = schema.serversPath.map((k) => `"${k}"`).join(' > ');
      if (existing) {
        // Both keys: the right one is read, the other silently ignored.
        if (count === 0) continue;
        context.report({
          node: keyNode,
          server: null,
          message: `Servers under "${key}" are ignored: move ${count === 1 ? 'it' : 'them'} into "${expected}". ${client} reads servers only from ${where}, so ${count === 1 ? 'the 1 server' : `the ${count} servers`} there ${count === 1 ? 'is' : 'are'} not loaded.`,
          fixes: [],
        });
        continue;
      }
      const note =
        context.dialect.id === 'claude-code' && key === 'servers'
          ? ' (VS Code and Visual Studio use "servers" in their own mcp.json; every client that reads .mcp.json expects "mcpServers".)'
          : '';
      const trivial = schema.serversPath.length === 1 && schema.standardEntries && (key === 'mcpServers' || key === 'servers') && context.doc.syntax === 'json';
      context.report({
        node: keyNode,
        server: null,
        message: `Wrong servers key "${key}": rename it to "${expected}". ${client} reads servers from ${where}, not "${key}" (the key ${USED_BY[key]} use${key === 'servers' || key === 'mcpServers' ? '' : 's'}): it ignores ${count === 1 ? 'the 1 server' : `all ${count} servers`} in this file.${note}`,
        fixes: trivial
          ? [
              {
                title: `Rename "${key}" to "${expected}"`,
                safe: true,
                preferred: true,
                edits: [{ offset: keyNode.offset, length: keyNode.length, content: keyText(context.doc, keyNode, expected) }],
              },
            ]
          : [],
      });
      return;
    }
  },
};

/** Number of server-like entries, or undefined when the value is not a servers container. */
function looksLikeServers(key: string, node: TreeNode): number | undefined {
  const serverish = (entry: TreeNode) =>
    entry.type === 'object' && entries(entry).some((e) => ['command', 'url', 'cmd', 'uri', 'serverUrl', 'httpUrl', 'type'].includes(e.key));
  if (node.type === 'array') {
    const items = node.children ?? [];
    return items.length && items.every(serverish) ? items.length : undefined;
  }
  if (node.type !== 'object') return undefined;
  const values = entries(node).map((e) => e.valueNode);
  if (values.length === 0) return ['mcpServers', 'servers', 'context_servers', 'mcp_servers'].includes(key) ? 0 : undefined;
  return values.every(serverish) ? values.length : undefined;
}
