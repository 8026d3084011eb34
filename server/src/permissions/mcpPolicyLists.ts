import type { RuleContext } from '../core/rule';
import { entries, getValue, type TreeNode } from '../core/tree';

/** The managed-settings files that hold an MCP allow-list / deny-list of this shape. */
const POLICY_DIALECTS = new Set(['claude-code-settings', 'copilot-managed-settings']);

export interface PolicyListEntry {
  /** The entry object. */
  node: TreeNode;
  kind: 'serverName' | 'serverUrl' | 'serverCommand';
  /** The value node (a string, or the command array). */
  valueNode: TreeNode;
}

/**
 * The `allowedMcpServers` / `deniedMcpServers` entries of a Claude Code settings file or
 * Copilot managed settings: objects with one of `serverName`, `serverUrl`, `serverCommand`
 * (code.claude.com/docs/en/managed-mcp.md; docs.github.com enterprise-managed-settings).
 * Undefined when the file is neither or the list is absent.
 */
export function mcpPolicyList(context: RuleContext, key: 'allowedMcpServers' | 'deniedMcpServers'): { list: TreeNode; entries: PolicyListEntry[] } | undefined {
  if (!POLICY_DIALECTS.has(context.dialect.id)) return undefined;
  const list = getValue(context.doc.root, key);
  if (!list || list.type !== 'array') return undefined;
  const found: PolicyListEntry[] = [];
  for (const item of list.children ?? []) {
    for (const entry of entries(item)) {
      if (entry.key === 'serverName' || entry.key === 'serverUrl' || entry.key === 'serverCommand')
        found.push({ node: item, kind: entry.key, valueNode: entry.valueNode });
    }
  }
  return { list, entries: found };
}

/** A command entry's words, when every one is a string. */
export function commandWords(entry: PolicyListEntry): TreeNode[] | undefined {
  if (entry.kind !== 'serverCommand' || entry.valueNode.type !== 'array') return undefined;
  const words = entry.valueNode.children ?? [];
  return words.length > 0 && words.every((word) => word.type === 'string') ? words : undefined;
}
