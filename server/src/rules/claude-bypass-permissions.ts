import type { Rule } from '../core/rule';
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
        message:
          'Claude Code runs everything without asking (defaultMode "bypassPermissions"): use "default" or "acceptEdits". Every tool call, edit and shell command runs unreviewed, including MCP tools and servers a repository adds. Allow specific tools in permissions.allow instead.',
        fixes: [
          {
            title: 'Use defaultMode "default"',
            safe: false,
            preferred: true,
            edits: [{ offset: mode.offset, length: mode.length, content: context.doc.quote('default') }],
          },
        ],
      });
    }
    const skip = knobNode(context, ['skipDangerousModePermissionPrompt']);
    if (skip?.type === 'boolean' && skip.value === true) {
      context.report({
        node: skip,
        server: null,
        severity: 'warning',
        message: 'Bypass-mode warning hidden (skipDangerousModePermissionPrompt: true): set it to false. It also skips the approval of project MCP servers.',
        fixes: [
          {
            title: 'Set skipDangerousModePermissionPrompt to false',
            safe: true,
            preferred: true,
            edits: [{ offset: skip.offset, length: skip.length, content: 'false' }],
          },
        ],
      });
    }
  },
};
