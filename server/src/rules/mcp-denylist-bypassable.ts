import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { mcpPolicyList } from '../permissions/mcpPolicyLists';

/**
 * A deny-list entry by `serverName` blocks a label, not a server: the same server under
 * another name passes. Claude Code's docs say it outright ("A serverName entry, in either
 * list, is not a security control"); deny by `serverUrl` or `serverCommand` instead. (A
 * broader allow entry cannot undermine a deny entry: in Claude Code, Copilot and VS Code a
 * deny match always wins.) Source: code.claude.com/docs/en/managed-mcp.md; microsoft/vscode
 * chat.contribution.ts (ChatDeniedMcpServers: "deny rules always take precedence").
 */
export const rule: Rule = {
  id: 'mcp-denylist-bypassable',
  meta: {
    category: 'permission',
    defaultSeverity: 'information',
    description: 'An MCP deny-list in managed settings blocks a server by name, which a user bypasses by naming it differently.',
    fixable: false,
    owasp: ['MCP09'],
    threat: 'Shadow MCP servers: a blocked server comes back under another name.',
  },
  check(context) {
    const denied = mcpPolicyList(context, 'deniedMcpServers');
    if (!denied) return;
    for (const entry of denied.entries) {
      if (entry.kind !== 'serverName' || entry.valueNode.type !== 'string') continue;
      context.report({
        node: entry.valueNode,
        server: null,
        message: `Deny by name ("${shortValue(String(entry.valueNode.value), 30)}") is bypassed by renaming: also deny its serverUrl or serverCommand. The name is the label a user gives the server; only claude.ai connectors, which users cannot rename, are reliably blocked by name.`,
      });
    }
  },
};
