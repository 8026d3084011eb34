import type { Rule } from '../core/rule';
import { getValue } from '../core/tree';
import { dockerRunOfServer } from '../launch/effective';
import { insertProperty, replaceNode } from '../fixes/nodeEdits';

/**
 * VS Code runs a stdio server from `mcp.json` inside its sandbox (Anthropic's sandbox-runtime)
 * when the entry has `"sandboxEnabled": true`: writes only in the server's working folder and
 * `~/.npm` plus `sandbox.filesystem.allowWrite`, network only to registry.npmjs.org plus
 * `sandbox.network.allowedDomains`. Without it the server has your user's full reach. The
 * sandbox exists on macOS and Linux only; on Windows the flag is ignored.
 * Source: microsoft/vscode src/vs/workbench/contrib/mcp/common/mcpSandboxService.ts
 * (`isEnabled`: false on Windows, else `serverDef.sandboxEnabled`; stdio launches only;
 * `_withDefaultSandboxConfig` adds `~/.npm`, the launch cwd and registry.npmjs.org).
 * Containers are left alone: their isolation is the container's, and a sandboxed `docker`
 * client could no longer reach the daemon.
 */
export const rule: Rule = {
  id: 'vscode-sandbox-off',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'information',
    description: "A local (stdio) server in a VS Code mcp.json runs without VS Code's sandbox (`sandboxEnabled` is off or absent).",
    fixable: true,
    owasp: ['MCP02'],
    threat:
      'Excessive permissions: an unsandboxed server can read and write anything your user can and reach any host, so a compromised or steered server is not contained.',
  },
  check(context) {
    if (context.dialect.id !== 'vscode') return;
    for (const server of context.config.servers) {
      if (server.disabled || server.transport !== 'stdio' || !server.command) continue;
      if (dockerRunOfServer(server)) continue;
      const flag = getValue(server.node, 'sandboxEnabled');
      if (flag?.type === 'boolean' && flag.value === true) continue;
      // Computed when the fix is asked for: an insertion reads the entry's layout, and a file
      // of thousands of servers would pay for every one at each lint.
      const { text } = context.doc;
      const insertable = text.charAt(server.node.offset) === '{' && text.charAt(server.node.offset + server.node.length - 1) === '}';
      const edits = flag ? () => [replaceNode(flag, 'true')] : () => insertProperty(server.node, 'sandboxEnabled', true, context.doc) ?? [];
      context.report({
        node: flag ?? server.nameNode,
        server,
        message: `Local server runs unsandboxed: set "sandboxEnabled": true (macOS and Linux). Server "${server.name}" can read and write anything your user can and reach any host. In the sandbox it writes only in its working folder and ~/.npm and reaches only registry.npmjs.org, plus what the file's "sandbox" allows; when it is blocked, VS Code offers to add the path or host.`,
        fixes: flag || insertable ? [{ title: `Run "${server.name}" in VS Code's sandbox (macOS/Linux; it may need hosts added)`, safe: false, edits }] : [],
      });
    }
  },
};
