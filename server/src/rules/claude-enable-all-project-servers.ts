import { applyEdits, modify } from 'jsonc-parser';
import type { Rule } from './types';
import type { OffsetEdit } from '../engine/types';
import { claudeScopes, settingsKindOf } from '../permissions/settingsKnobs';
import { getValue, getProperty } from '../parse/tree';
import { detectFormatting } from '../fixes/formatting';
import { minimalEdit } from '../fixes/nodeEdits';

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
    threat: 'Missing human review and supply-chain injection: any server a repository or pull request adds to .mcp.json starts with your privileges, unreviewed.',
  },
  check(context) {
    const kind = settingsKindOf(context);
    if (kind !== 'claude-settings' && kind !== 'claude-user') return;
    for (const scope of claudeScopes(context)) {
      const node = getValue(scope.node, 'enableAllProjectMcpServers');
      if (!node || node.type !== 'boolean' || node.value !== true) continue;
      let edits: OffsetEdit[] = [{ offset: node.offset, length: node.length, content: 'false' }];
      const hasList = getProperty(scope.node, 'enabledMcpjsonServers') !== undefined;
      if (!hasList && context.doc.syntax === 'json') {
        // Both changes as one edit: jsonc-parser may re-layout the object it inserts into.
        const path = scope.project === undefined ? ['enabledMcpjsonServers'] : ['projects', scope.project, 'enabledMcpjsonServers'];
        const text = context.doc.text;
        const switched = text.slice(0, node.offset) + 'false' + text.slice(node.offset + node.length);
        const inserted = applyEdits(switched, modify(switched, path, [], { formattingOptions: detectFormatting(text) }));
        edits = [minimalEdit(text, inserted)];
      }
      const where = scope.project === undefined ? '' : ` for project ${scope.project}`;
      context.report({
        node,
        server: null,
        message: `Claude Code starts every server in the project's .mcp.json without asking${where} (enableAllProjectMcpServers: true), including servers a cloned repository or pull request adds. Set it to false and list the servers you have reviewed in enabledMcpjsonServers.`,
        fixes: [
          {
            title: hasList
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
