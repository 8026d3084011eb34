import type { Rule } from './types';
import { knobNode, settingsKindOf } from '../permissions/settingsKnobs';

/**
 * Claude Code's `permissions.defaultMode: "bypassPermissions"` approves every tool call
 * (MCP tools, edits, shell commands) for every session started with these settings, and
 * `skipDangerousModePermissionPrompt: true` removes the warning that goes with it, which
 * also skips the approval prompt for a project's `.mcp.json` servers.
 */
export const rule: Rule = {
  id: 'claude-bypass-permissions',
  meta: {
    category: 'permission',
    defaultSeverity: 'error',
    description: 'Claude Code settings start sessions in bypassPermissions mode, or skip the prompt that warns about it.',
    fixable: true,
    owasp: ['MCP02', 'MCP06'],
    threat: 'Missing human review: every tool call, edit and command runs without confirmation, and project MCP servers start unreviewed.',
  },
  check(context) {
    const kind = settingsKindOf(context);
    if (kind !== 'claude-settings' && kind !== 'claude-user') return;
    const mode = knobNode(context, ['permissions', 'defaultMode']);
    if (mode?.type === 'string' && mode.value === 'bypassPermissions') {
      context.report({
        node: mode,
        server: null,
        message: 'permissions.defaultMode "bypassPermissions" makes Claude Code run every tool call, edit and shell command without asking, including MCP tools and servers a repository adds. Use "default" (or "acceptEdits") and allow specific tools in permissions.allow.',
        fixes: [{ title: 'Use defaultMode "default"', safe: false, preferred: true, edits: [{ offset: mode.offset, length: mode.length, content: context.doc.quote('default') }] }],
      });
    }
    const skip = knobNode(context, ['skipDangerousModePermissionPrompt']);
    if (skip?.type === 'boolean' && skip.value === true) {
      context.report({
        node: skip,
        server: null,
        severity: 'warning',
        message: 'skipDangerousModePermissionPrompt: true hides the warning before bypass-permissions sessions and skips the approval of project MCP servers. Set it to false.',
        fixes: [{ title: 'Set skipDangerousModePermissionPrompt to false', safe: true, preferred: true, edits: [{ offset: skip.offset, length: skip.length, content: 'false' }] }],
      });
    }
  },
};
