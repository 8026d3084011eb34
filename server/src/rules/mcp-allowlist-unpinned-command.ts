import type { Rule } from '../core/rule';
import type { ServerEntry } from '../core/model';
import { pinTargets } from '../launch/pinnable';
import { shortValue } from '../core/summary';
import { commandWords, mcpPolicyList } from '../permissions/mcpPolicyLists';

/**
 * An approved command (`serverCommand` in an MCP allow-list) that launches a package without
 * an exact version: Claude Code and Copilot match commands word for word, so every user's
 * config must carry the same unpinned spec, and the approval covers whatever is published
 * next. The launch is read as the unpinned-* rules read a server's command.
 */
export const rule: Rule = {
  id: 'mcp-allowlist-unpinned-command',
  meta: {
    category: 'supply-chain',
    defaultSeverity: 'warning',
    description:
      'An MCP allow-list in managed settings approves a command that runs a package without an exact version (`npx -y pkg`, `@latest`, `uvx pkg`, an untagged image).',
    fixable: false,
    owasp: ['MCP04'],
    threat: 'Supply-chain compromise: the organisation approves a name, and every machine runs whatever version is published under it next.',
  },
  check(context) {
    const allowed = mcpPolicyList(context, 'allowedMcpServers');
    if (!allowed) return;
    allowed.entries.forEach((entry, index) => {
      const words = commandWords(entry);
      if (!words) return;
      const [command, ...args] = words.map((node) => ({ value: String(node.value), node }));
      const approved: ServerEntry = {
        name: `allowedMcpServers[${index}]`,
        nameNode: entry.node,
        node: entry.node,
        transport: 'stdio',
        command,
        args,
        env: [],
        headers: [],
        disabled: false,
      };
      for (const target of pinTargets(context.doc, { servers: [approved] })) {
        context.report({
          offset: target.offset,
          length: target.length,
          server: null,
          message: `Approved command runs "${shortValue(target.name, 40)}" unpinned: pin an exact version in the entry. Every user's config must match it word for word, so the whole organisation runs whatever version is published next; update the entry and the configs together when you upgrade.`,
        });
      }
    });
  },
};
