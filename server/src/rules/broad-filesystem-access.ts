import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import type { FixSpec } from '../core/types';
import { allCommands } from '../launch/effective';
import { classifyBroadPath, classifyPathPattern, isFilesystemServer, looksLikePath } from '../launch/filesystem';
import { dockerRunOf } from '../launch/docker';
import type { ServerEntry, StringValue } from '../core/model';
import type { TreeNode } from '../core/tree';

/**
 * A filesystem server whose allowed directory is `/`, a drive root or a home directory can
 * read and write SSH keys, cloud credentials and every project: far beyond what an agent
 * needs for the task at hand. Wildcards and `..` in an allowed path are reported too: the
 * server either expands them (broader than meant) or takes them literally (a broken path),
 * and `..` climbs out of the project. Container mounts are docker-host-mount's.
 *
 * Any other server handed the whole disk, a drive or a home directory as an argument
 * (`node server.js ~`, `npx -y some-server /`, `--root C:\\`) is a warning (issue 15
 * class 3): what it does with the path is its own business, but a path argument is how
 * servers learn where to read and write. A `/` after a URL or route option is a route.
 */
export const rule: Rule = {
  id: 'broad-filesystem-access',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A filesystem server is given the root directory, a drive root, a home directory, or an allowed path with wildcards or `..`.',
    fixable: true,
    owasp: ['MCP02'],
    threat: 'Over-broad access and sandbox escape: a prompt-injected agent can read credentials (~/.ssh, ~/.aws) or change any file.',
  },
  check(context) {
    // Clients that expand ${workspaceFolder} in args can be narrowed to the project folder.
    const workspace = context.dialect.id !== 'generic' && context.dialect.variables.includes('vscode-builtin');
    for (const server of context.config.servers) {
      for (const invocation of allCommands(server)) {
        if (!invocation || dockerRunOf(invocation)) continue;
        if (!isFilesystemServer(invocation)) {
          reportPathArguments(invocation.args, server);
          continue;
        }
        // How many words each argument node holds (a shell line is many words of one node),
        // counted once when first needed: counting per argument was quadratic.
        let wordsPerNode: Map<TreeNode, number> | undefined;
        for (const arg of invocation.args) {
          // --allowed-directory=/x style flags carry the path after '='.
          const eq = arg.value.startsWith('-') ? arg.value.indexOf('=') : -1;
          const path = eq >= 0 ? arg.value.slice(eq + 1) : arg.value;
          const kind = classifyBroadPath(path);
          if (kind) {
            wordsPerNode ??= countByNode(invocation.args);
            const standalone = arg.node.parent?.type === 'array' && wordsPerNode.get(arg.node) === 1;
            const fixes: FixSpec[] = [];
            if (workspace && standalone) {
              fixes.push({
                title: `Limit "${server.name}" to the workspace folder (\${workspaceFolder})`,
                // Not safe: the server loses access to everything outside the project.
                safe: false,
                preferred: true,
                edits: [
                  {
                    offset: arg.node.offset,
                    length: arg.node.length,
                    content: context.doc.quote((eq >= 0 ? arg.value.slice(0, eq + 1) : '') + '${workspaceFolder}'),
                  },
                ],
              });
            }
            context.report({
              node: arg.node,
              server,
              message: `Filesystem access to ${shortValue(kind, 60)}: give it only the project folder it needs. Server "${server.name}": the agent can read and change everything below it, including credentials.`,
              fixes,
            });
            continue;
          }
          if (!looksLikePath(path)) continue;
          const pattern = classifyPathPattern(path);
          if (!pattern) continue;
          context.report({
            node: arg.node,
            server,
            severity: 'warning',
            message: `Allowed path with ${pattern} (${shortValue(path, 40)}): write the exact directory instead. Server "${server.name}": ${pattern.startsWith('a wildcard') ? 'depending on the server it matches far more than meant or does not match at all' : 'it reaches outside the project folder'}.`,
          });
        }
      }
    }

    function reportPathArguments(args: readonly StringValue[], server: ServerEntry): void {
      args.forEach((arg, index) => {
        const eq = arg.value.startsWith('-') ? arg.value.indexOf('=') : -1;
        const option = eq >= 0 ? arg.value.slice(0, eq) : args[index - 1]?.value.startsWith('-') ? args[index - 1].value : '';
        const path = eq >= 0 ? arg.value.slice(eq + 1) : arg.value;
        if (path.trim() === '/' && ROUTE_OPTION.test(option)) return;
        const kind = classifyBroadPath(path);
        if (!kind) return;
        context.report({
          node: arg.node,
          server,
          severity: 'warning',
          message: `${capitalise(shortValue(kind, 60))} handed to a server: pass only the folder it needs. Server "${server.name}": if it reads or writes files there, the agent reaches everything below it.`,
        });
      });
    }
  },
};

/** Options whose value is a URL route, where `/` is the site root, not the disk. */
const ROUTE_OPTION = /url|route|prefix|endpoint|base|mount|http|path-prefix/i;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function countByNode(values: readonly StringValue[]): Map<TreeNode, number> {
  const counts = new Map<TreeNode, number>();
  for (const value of values) counts.set(value.node, (counts.get(value.node) ?? 0) + 1);
  return counts;
}
