import type { Rule } from '../core/rule';
import { knobNode, settingsKindOf } from '../permissions/settingsKnobs';
import { getValue, getValueAtPath, type TreeNode } from '../core/tree';
import { normalizePath } from '../core/dialect';

const KEYS = ['chat.tools.global.autoApprove', 'chat.tools.autoApprove'];

/**
 * VS Code's `chat.tools.global.autoApprove` (older name `chat.tools.autoApprove`) approves
 * every tool call of every MCP server and built-in tool: the agent edits files, runs
 * terminal commands and calls remote services without a single confirmation ("YOLO mode").
 */
export const rule: Rule = {
  id: 'vscode-global-auto-approve',
  meta: {
    category: 'permission',
    defaultSeverity: 'error',
    description: 'VS Code settings turn on global tool auto-approval (`chat.tools.global.autoApprove` / `chat.tools.autoApprove`).',
    fixable: true,
    owasp: ['MCP02', 'MCP06'],
    threat: 'Missing human review: every tool call of every server (and terminal commands) runs without confirmation, so prompt injection acts immediately.',
  },
  check(context) {
    const path = normalizePath(context.filePath);
    const scopes: TreeNode[] = [];
    if (settingsKindOf(context) === 'vscode-settings') {
      if (context.doc.root) scopes.push(context.doc.root);
      const workspaceSettings = getValue(context.doc.root, 'settings'); // .code-workspace
      if (workspaceSettings) scopes.push(workspaceSettings);
    } else if (/devcontainer\.json$/.test(path)) {
      const settings = getValueAtPath(context.doc.root, ['customizations', 'vscode', 'settings']);
      if (settings) scopes.push(settings);
    }
    for (const scope of scopes) {
      for (const key of KEYS) {
        // The dialect lists the knob (flat `"chat.tools.autoApprove"` or nested objects); other scopes are read raw.
        const node = scope === context.doc.root ? knobNode(context, [key]) : getValue(scope, key);
        if (!node || node.type !== 'boolean' || node.value !== true) continue;
        context.report({
          node,
          server: null,
          message: `Every chat tool call is auto-approved ("${key}"): set it to false. MCP tools, file edits and terminal commands all run unreviewed in VS Code chat, so one injected instruction is enough. Approve trusted tools individually instead.`,
          fixes: [{ title: `Set ${key} to false`, safe: true, preferred: true, edits: [{ offset: node.offset, length: node.length, content: 'false' }] }],
        });
      }
    }
  },
};
