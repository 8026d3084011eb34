import type { Rule } from '../core/rule';
import { settingsKindOf } from '../permissions/settingsKnobs';
import { isWildcardToolName, riskyToolWord } from '../permissions/toolNames';
import { entries, getValueAtPath, type TreeNode } from '../core/tree';
import { stringList } from '../core/model';
import { shortValue } from '../core/summary';

/**
 * Zed settings that let the agent act without confirmation: `agent.tool_permissions.default
 * = "allow"`, the legacy `agent.always_allow_tool_actions: true`, per-tool `"allow"` for MCP
 * tools that write or run things, match-everything `always_allow` patterns, and
 * `session.trust_all_worktrees: true` (project MCP servers start in any folder you open).
 */
export const rule: Rule = {
  id: 'zed-tool-permissions',
  meta: {
    category: 'permission',
    defaultSeverity: 'warning',
    description: 'Zed settings allow tool calls without confirmation or trust every worktree.',
    fixable: true,
    owasp: ['MCP02', 'MCP06'],
    threat: 'Missing human review: tool calls run without confirmation, and project servers from any opened folder start unreviewed.',
  },
  check(context) {
    if (settingsKindOf(context) !== 'zed') return;
    const root = context.doc.root;
    const quote = (node: TreeNode, value: string) => [{ offset: node.offset, length: node.length, content: context.doc.quote(value) }];
    const literal = (node: TreeNode, value: string) => [{ offset: node.offset, length: node.length, content: value }];

    const globalDefault = getValueAtPath(root, ['agent', 'tool_permissions', 'default']);
    if (globalDefault?.type === 'string' && globalDefault.value === 'allow') {
      context.report({
        node: globalDefault,
        server: null,
        severity: 'error',
        message:
          'Zed runs every tool call without asking (tool_permissions.default = "allow"): use "confirm". MCP tools, edits and terminal commands all run unreviewed; allow trusted read-only tools one by one.',
        fixes: [{ title: 'Use "confirm" as the default tool permission', safe: true, preferred: true, edits: quote(globalDefault, 'confirm') }],
      });
    }
    const legacy = getValueAtPath(root, ['agent', 'always_allow_tool_actions']);
    if (legacy?.type === 'boolean' && legacy.value === true) {
      context.report({
        node: legacy,
        server: null,
        severity: 'error',
        message: 'Zed runs every tool call without asking (agent.always_allow_tool_actions): set it to false.',
        fixes: [{ title: 'Set always_allow_tool_actions to false', safe: true, preferred: true, edits: literal(legacy, 'false') }],
      });
    }
    const trustAll = getValueAtPath(root, ['session', 'trust_all_worktrees']);
    if (trustAll?.type === 'boolean' && trustAll.value === true) {
      context.report({
        node: trustAll,
        server: null,
        message:
          "Every project's MCP servers start without asking (session.trust_all_worktrees): set it to false. Zed starts them in every folder you open, including repositories you just cloned; trust worktrees one by one.",
        fixes: [{ title: 'Set trust_all_worktrees to false', safe: true, preferred: true, edits: literal(trustAll, 'false') }],
      });
    }
    for (const tool of entries(getValueAtPath(root, ['agent', 'tool_permissions', 'tools']))) {
      const match = /^mcp:([^:]+):(.+)$/.exec(tool.key);
      if (!match) continue;
      const [, server, name] = match;
      const toolDefault = getValueAtPath(tool.valueNode, ['default']);
      const risky = isWildcardToolName(name) || riskyToolWord(name);
      if (toolDefault?.type === 'string' && toolDefault.value === 'allow' && risky) {
        context.report({
          node: toolDefault,
          server: null,
          message: `Tool "${shortValue(name, 40)}" is always allowed: use "confirm". By its name this tool of server "${server}" changes things or runs code, and it runs without asking.`,
          fixes: [{ title: `Confirm "${name}" before each call`, safe: false, preferred: true, edits: quote(toolDefault, 'confirm') }],
        });
      }
      for (const pattern of stringList(getValueAtPath(tool.valueNode, ['always_allow']))) {
        if (!/^\^?\.[*+]\$?$/.test(pattern.value.trim()) && pattern.value.trim() !== '') continue;
        context.report({
          node: pattern.node,
          server: null,
          message: `always_allow pattern "${shortValue(pattern.value, 30)}" matches every call: narrow the pattern or remove it. MCP tool "${name}" of server "${server}" never asks.`,
        });
      }
    }
  },
};
