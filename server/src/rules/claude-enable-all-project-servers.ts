import type { Rule } from '../core/rule';
import type { OffsetEdit } from '../core/types';
import { claudeScopes, settingsKindOf } from '../permissions/settingsKnobs';
import { getValue, getProperty } from '../core/tree';
import { insertProperty } from '../fixes/nodeEdits';

/**
 * `enableAllProjectMcpServers: true` makes Claude Code start every server in a project's
 * `.mcp.json` without asking, including servers a pull request or a cloned repository adds
 * (CVE-2026-47751: claude-code-action ran a PR's `.mcp.json` this way).
 */
export const rule: Rule = {
  id: 'claude-enable-all-project-servers',
  meta: {
    category: 'permission',
    defaultSeverity: 'error',
    description: 'Claude Code settings approve every project MCP server (`enableAllProjectMcpServers: true`).',
    fixable: true,
    owasp: ['MCP09', 'MCP02'],
    threat:
      'Missing human review and supply-chain injection: any server a repository or pull request adds to .mcp.json starts with your privileges, unreviewed.',
  },
  check(context) {
    const kind = settingsKindOf(context);
    if (kind !== 'claude-settings' && kind !== 'claude-user') return;
    for (const scope of claudeScopes(context)) {
      const node = getValue(scope.node, 'enableAllProjectMcpServers');
      if (!node || node.type !== 'boolean' || node.value !== true) continue;
      const switchOff: OffsetEdit = { offset: node.offset, length: node.length, content: 'false' };
      const hasList = getProperty(scope.node, 'enabledMcpjsonServers') !== undefined;
      const insertion = !hasList && context.doc.syntax === 'json' ? insertProperty(scope.node, 'enabledMcpjsonServers', [], context.doc) : undefined;
      const edits = [switchOff, ...(insertion ?? [])];
      const where = scope.project === undefined ? '' : ` for project ${scope.project}`;
      context.report({
        node,
        server: null,
        message: `Every project MCP server starts without asking (enableAllProjectMcpServers): set it to false. Claude Code starts every server in the project's .mcp.json${where}, including servers a cloned repository or pull request adds. List the servers you have reviewed in enabledMcpjsonServers.`,
        fixes: [
          {
            title: !insertion
              ? 'Set enableAllProjectMcpServers to false (approve servers through enabledMcpjsonServers)'
              : 'Set enableAllProjectMcpServers to false and add an empty enabledMcpjsonServers list (the .mcp.json server names are not in this file: add the ones you trust)',
            // Not safe: project servers stop starting until they are listed or approved.
            safe: false,
            preferred: true,
            edits,
          },
        ],
      });
    }
  },
};
