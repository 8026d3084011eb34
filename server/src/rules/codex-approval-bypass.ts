import type { Rule } from '../core/rule';
import { settingsKindOf } from '../permissions/settingsKnobs';
import { entries, getValue, type TreeNode } from '../core/tree';

/**
 * Codex config.toml settings that remove confirmation or the sandbox for everything the
 * agent does: `approval_policy = "never"` and `sandbox_mode = "danger-full-access"` (at the
 * root or in a profile). Per-server `approval_mode = "approve"` is read into the model as
 * auto-approval and reported by auto-approve-all-tools / auto-approve-dangerous-tools.
 */
export const rule: Rule = {
  id: 'codex-approval-bypass',
  meta: {
    category: 'permission',
    defaultSeverity: 'warning',
    description: 'Codex config turns off approvals (`approval_policy = "never"`) or the sandbox (`sandbox_mode = "danger-full-access"`).',
    fixable: true,
    owasp: ['MCP02', 'MCP06'],
    threat: 'Missing human review and sandbox escape: commands and tool calls run without confirmation and outside the sandbox.',
  },
  check(context) {
    if (settingsKindOf(context) !== 'codex') return;
    const root = context.doc.root;
    const replace = (node: TreeNode, value: string) => [{ offset: node.offset, length: node.length, content: context.doc.quote(value) }];
    // The root and every [profiles.X] table carry the same two knobs.
    const tables: Array<{ node: TreeNode | undefined; where: string }> = [{ node: root, where: '' }];
    for (const profile of entries(getValue(root, 'profiles'))) tables.push({ node: profile.valueNode, where: ` (profile "${profile.key}")` });
    for (const { node: table, where } of tables) {
      const sandbox = getValue(table, 'sandbox_mode');
      if (sandbox?.type === 'string' && sandbox.value === 'danger-full-access') {
        context.report({
          node: sandbox,
          server: null,
          severity: 'error',
          message: `Codex runs commands without a sandbox (sandbox_mode = "danger-full-access"${where}): use "workspace-write". Every command Codex issues can read and change anything your user can.`,
          fixes: [{ title: 'Use sandbox_mode = "workspace-write"', safe: false, preferred: true, edits: replace(sandbox, 'workspace-write') }],
        });
      }
      const approval = getValue(table, 'approval_policy');
      if (approval?.type === 'string' && approval.value === 'never') {
        const unsandboxed = sandbox?.type === 'string' && sandbox.value === 'danger-full-access';
        context.report({
          node: approval,
          server: null,
          severity: unsandboxed ? 'error' : 'warning',
          message: `Codex never asks before acting (approval_policy = "never"${where}): use "on-request" so risky actions wait for you. If sandbox_mode is also "danger-full-access", nothing contains what it does.`,
          fixes: [{ title: 'Use approval_policy = "on-request"', safe: false, preferred: true, edits: replace(approval, 'on-request') }],
        });
      }
    }
  },
};
