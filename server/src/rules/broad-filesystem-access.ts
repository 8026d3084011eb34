import type { Rule } from './types';
import { invocationOf } from '../launch/command';
import { classifyBroadPath, isFilesystemServer } from '../launch/filesystem';

/**
 * A filesystem server whose allowed directory is `/`, a drive root or a home directory can
 * read and write SSH keys, cloud credentials and every project: far beyond what an agent
 * needs for the task at hand.
 */
export const rule: Rule = {
  id: 'broad-filesystem-access',
  meta: {
    category: 'permission',
    defaultSeverity: 'error',
    description: 'A filesystem server is given the root directory, a drive root or a home directory.',
    fixable: false,
    owasp: ['MCP02'],
    threat: 'Over-broad access and sandbox escape: a prompt-injected agent can read credentials (~/.ssh, ~/.aws) or change any file.',
  },
  check(context) {
    for (const server of context.config.servers) {
      const invocation = invocationOf(server);
      if (!invocation || !isFilesystemServer(invocation)) continue;
      for (const arg of invocation.args) {
        // --allowed-directory=/x style flags carry the path after '='.
        const eq = arg.value.startsWith('-') ? arg.value.indexOf('=') : -1;
        const path = eq >= 0 ? arg.value.slice(eq + 1) : arg.value;
        const kind = classifyBroadPath(path);
        if (!kind) continue;
        context.report({
          node: arg.node,
          server,
          message: `Server "${server.name}" gets filesystem access to ${kind}: the agent can read and change everything below it, including credentials. Give it only the project folder it needs.`,
        });
      }
    }
  },
};
