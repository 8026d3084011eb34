import type { Rule } from '../core/rule';
import { settingsKindOf, knobNode } from '../permissions/settingsKnobs';
import { riskyToolWord } from '../permissions/toolNames';
import { removeSiblings } from '../fixes/nodeEdits';
import { stringList } from '../core/model';
import { shortValue } from '../core/summary';

/**
 * Claude Code `permissions.allow` entries that approve whole MCP servers (`mcp__github`,
 * `mcp__github__*`), every MCP tool (`mcp__*`, `*`), or a wildcard over write tools
 * (`mcp__github__create_*`) run those tools without a prompt.
 */
export const rule: Rule = {
  id: 'claude-wildcard-mcp-permission',
  meta: {
    category: 'permission',
    defaultSeverity: 'warning',
    description: 'Claude Code `permissions.allow` approves all MCP tools, a whole server, or a wildcard over write tools.',
    fixable: true,
    owasp: ['MCP02', 'MCP06'],
    threat: 'Missing human review and privilege persistence: the allowed tools, including ones a server adds later, run without confirmation.',
  },
  check(context) {
    const kind = settingsKindOf(context);
    if (kind !== 'claude-settings' && kind !== 'claude-user') return;
    const allow = knobNode(context, ['permissions', 'allow']);
    for (const entry of stringList(allow)) {
      const text = entry.value.trim();
      let what: string | undefined;
      if (text === '*' || /^mcp__\*/.test(text)) {
        what = 'every tool of every MCP server (current Claude Code ignores this entry with a warning; older versions honour it)';
      } else {
        const match = /^mcp__([^_*]+(?:_[^_*]+)*)(?:__(.*))?$/.exec(text);
        if (!match) continue;
        const tool = match[2];
        if (tool === undefined || tool === '' || tool === '*') what = `every tool of the "${match[1]}" server, including tools it adds later`;
        else if (tool.includes('*') && riskyToolWord(tool.replace(/\*/g, ''))) what = `every "${match[1]}" tool matching ${tool}, which by name change things`;
        else continue;
      }
      const edit = removeSiblings([entry.node], context.doc);
      context.report({
        node: entry.node,
        server: null,
        message: `Permission "${shortValue(text, 40)}" approves many MCP tools: allow single read-only tools (mcp__server__tool). Claude Code runs ${what} without asking.`,
        fixes: edit
          ? [
              {
                title: `Remove "${text}" from permissions.allow`,
                // Safe: Claude Code asks again for those tools; nothing stops working.
                safe: true,
                preferred: true,
                edits: [edit],
              },
            ]
          : [],
      });
    }
  },
};
