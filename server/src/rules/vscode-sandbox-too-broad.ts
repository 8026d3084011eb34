import type { Rule, RuleContext } from '../core/rule';
import type { TreeNode } from '../core/tree';
import { getValueAtPath } from '../core/tree';
import { classifyBroadPath, classifySensitivePath } from '../launch/filesystem';
import { removeSiblings } from '../fixes/nodeEdits';
import { shortValue } from '../core/summary';

/**
 * VS Code's MCP sandbox (`"sandboxEnabled": true` servers) is configured by the file's
 * top-level `sandbox` object (older docs put it in the server entry; both are read here):
 * `filesystem.allowWrite` widens where a server may write, `network.allowedDomains` where it
 * may connect (sandbox-runtime: `*.example.com` for subdomains). A sandbox that may write the
 * whole disk, a home folder or a credential folder, or reach every host (`*`), contains little.
 * Source: microsoft/vscode src/vs/workbench/contrib/mcp/common/mcpSandboxService.ts
 * (`IMcpSandboxConfiguration`: network.allowedDomains/deniedDomains,
 * filesystem.allowWrite/denyRead/denyWrite); vscode-docs docs/agents/reference/mcp-configuration.md.
 */
export const rule: Rule = {
  id: 'vscode-sandbox-too-broad',
  meta: {
    category: 'permission',
    defaultSeverity: 'warning',
    description:
      'VS Code\'s MCP sandbox may write the whole disk, a home folder or a credential folder (`sandbox.filesystem.allowWrite`), or reach every host (`sandbox.network.allowedDomains: ["*"]`).',
    fixable: true,
    owasp: ['MCP02'],
    threat:
      'Sandbox escape by configuration: a sandboxed server that may write your home folder can plant code that runs outside the sandbox (shell profiles, git hooks), and one that reaches every host can send your data anywhere.',
  },
  check(context) {
    if (context.dialect.id !== 'vscode') return;
    const scopes: Array<{ node: TreeNode; where: string }> = [];
    const root = getValueAtPath(context.doc.root, ['sandbox']);
    if (root) scopes.push({ node: root, where: "the file's sandbox" });
    for (const server of context.config.servers) {
      const own = getValueAtPath(server.node, ['sandbox']);
      if (own) scopes.push({ node: own, where: `server "${server.name}"'s sandbox` });
    }
    for (const scope of scopes) {
      checkWrites(context, scope.node, scope.where);
      checkDomains(context, scope.node, scope.where);
    }
  },
};

function checkWrites(context: RuleContext, sandbox: TreeNode, where: string): void {
  const list = getValueAtPath(sandbox, ['filesystem', 'allowWrite']);
  for (const item of list?.type === 'array' ? (list.children ?? []) : []) {
    if (item.type !== 'string') continue;
    const path = String(item.value);
    const broad = classifyBroadPath(path);
    const sensitive = broad ? undefined : classifySensitivePath(path);
    if (!broad && !sensitive) continue;
    const what = broad ?? sensitive!.label;
    const removal = removeSiblings([item], context.doc);
    context.report({
      node: item,
      server: null,
      message: `Sandbox may write "${shortValue(path, 40)}": limit allowWrite to the folders the server needs. In ${where}, it covers ${what}, where a server can plant code that runs outside the sandbox (shell profiles, git hooks, keys).`,
      fixes: removal
        ? [{ title: `Remove "${shortValue(path, 40)}" from allowWrite (VS Code offers the paths a server is blocked on)`, safe: false, edits: [removal] }]
        : [],
    });
  }
}

function checkDomains(context: RuleContext, sandbox: TreeNode, where: string): void {
  const list = getValueAtPath(sandbox, ['network', 'allowedDomains']);
  for (const item of list?.type === 'array' ? (list.children ?? []) : []) {
    if (item.type !== 'string' || !/^\s*(?:\*|\*\.\*|https?:\/\/\*)\s*$/.test(String(item.value))) continue;
    const removal = removeSiblings([item], context.doc);
    context.report({
      node: item,
      server: null,
      message: `Sandbox may reach every host ("${String(item.value).trim()}"): list the domains the servers need. In ${where}, a sandboxed server can send what it reads anywhere.`,
      fixes: removal ? [{ title: 'Remove "*" from allowedDomains (VS Code offers the hosts a server is blocked on)', safe: false, edits: [removal] }] : [],
    });
  }
}
