import type { Rule } from '../core/rule';
import { getValue } from '../core/tree';
import { insertProperty } from '../fixes/nodeEdits';
import { shortValue } from '../core/summary';
import { mcpPolicyList } from '../permissions/mcpPolicyLists';

/**
 * An organisation's MCP allow-list (Claude Code settings, Copilot managed settings) that
 * limits nothing: a `serverUrl` pattern whose host is only wildcards (`*`, `https://*` with any path),
 * `serverName` entries (the label users choose) standing in for what a server runs, or, in
 * Claude Code's managed settings, a list users can widen because `allowManagedMcpServersOnly`
 * is not set. Claude Code: a name counts for a stdio (remote) server only when the list has
 * no `serverCommand` (`serverUrl`) entry; with both, a name entry matches nothing.
 * Source: code.claude.com/docs/en/managed-mcp.md ("Match servers by URL, command, or name",
 * "How a server is evaluated", "Restrict the allowlist to managed settings only").
 */
export const rule: Rule = {
  id: 'mcp-allowlist-too-broad',
  meta: {
    category: 'permission',
    defaultSeverity: 'warning',
    description: 'An MCP allow-list in managed settings allows every remote host, admits servers by the name users give them, or can be widened by users.',
    fixable: true,
    owasp: ['MCP09'],
    threat:
      "Shadow MCP servers: an allow-list that matches any host, any command under an approved name, or users' own additions does not keep unvetted servers out.",
  },
  check(context) {
    const allowed = mcpPolicyList(context, 'allowedMcpServers');
    if (!allowed) return;
    const claude = context.dialect.id === 'claude-code-settings';
    for (const entry of allowed.entries) {
      if (entry.kind !== 'serverUrl' || entry.valueNode.type !== 'string') continue;
      const url = String(entry.valueNode.value);
      if (!matchesEveryHost(url)) continue;
      context.report({
        node: entry.valueNode,
        server: null,
        message: `Allow-list entry "${shortValue(url, 30)}" allows every remote server: list the hosts you approve. Any URL matches it, so the allow-list no longer limits remote servers; write patterns such as "https://mcp.example.com/*".`,
      });
    }
    const hasUrl = allowed.entries.some((e) => e.kind === 'serverUrl');
    const hasCommand = allowed.entries.some((e) => e.kind === 'serverCommand');
    for (const entry of allowed.entries) {
      if (entry.kind !== 'serverName' || entry.valueNode.type !== 'string') continue;
      const name = shortValue(String(entry.valueNode.value), 30);
      if (claude && hasUrl && hasCommand) {
        context.report({
          node: entry.valueNode,
          server: null,
          severity: 'information',
          message: `Allow-list name "${name}" matches nothing here: remove it. With serverUrl and serverCommand entries present, Claude Code checks every server by its URL or command, never by name.`,
        });
        continue;
      }
      const admits = !claude || (!hasUrl && !hasCommand) ? 'any server' : hasUrl ? 'any local server' : 'any remote server';
      context.report({
        node: entry.valueNode,
        server: null,
        severity: 'information',
        message: `Allow-list admits ${admits} named "${name}": add serverCommand or serverUrl entries for what may run. A name is the label users give a server, so it says nothing about the program or host behind it.`,
      });
    }
    if (claude && /(^|[\\/])managed-settings\.json$/i.test(context.filePath)) {
      const only = getValue(context.doc.root, 'allowManagedMcpServersOnly');
      if (only?.type === 'boolean' && only.value === true) return;
      const edits = only
        ? [{ offset: only.offset, length: only.length, content: 'true' }]
        : context.doc.root
          ? insertProperty(context.doc.root, 'allowManagedMcpServersOnly', true, context.doc, getValue(context.doc.root, 'allowedMcpServers')?.parent)
          : undefined;
      context.report({
        node: only ?? allowed.list.parent?.children?.[0] ?? allowed.list,
        server: null,
        message:
          'Users can widen this allow-list: set "allowManagedMcpServersOnly": true. Without it Claude Code merges the allow-lists of every settings file, including a user\'s own ~/.claude/settings.json.',
        fixes: edits ? [{ title: 'Set allowManagedMcpServersOnly to true', safe: true, preferred: true, edits }] : [],
      });
    }
  },
};

/** A URL pattern whose host part is nothing but wildcards (and dots): it matches every host. */
export function matchesEveryHost(pattern: string): boolean {
  const rest = pattern.trim().replace(/^[a-z*][a-z0-9+.*-]*:\/\//i, '');
  const host = rest.split(/[/?#]/)[0].replace(/:[^:]*$/, '');
  return /^[*.]+$/.test(host) && host.includes('*');
}
