import type { Rule } from '../core/rule';
import type { TreeNode } from '../core/tree';

/** Option and variable names that set the origins a server's HTTP endpoint accepts. */
const CORS_NAME =
  /^(?:-{1,2})?(?:cors(?:[-_](?:origins?|allow(?:ed)?[-_]origins?))?|allow(?:ed)?[-_]origins?|access[-_]control[-_]allow[-_]origin|cors[-_]allow[-_]origins?)$/i;

/**
 * A server that answers cross-origin requests from any web page (`--cors=*`, `--cors *`,
 * `CORS_ORIGIN=*`, `ALLOWED_ORIGINS=*`): any site open in your browser can call its local
 * HTTP endpoint, and with it every tool it exposes (issue 15 class 5; the DNS-rebinding and
 * drive-by class of the MCP spec's security guidance). Name the origins that need it.
 */
export const rule: Rule = {
  id: 'cors-allow-all',
  meta: {
    category: 'transport',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A server is told to accept cross-origin requests from any origin (`--cors=*`, `CORS_ORIGIN=*`).',
    fixable: false,
    owasp: ['MCP07'],
    threat: 'Drive-by requests: any web page the user opens can call the server and its tools through the browser.',
  },
  checkServer(context, server) {
    const report = (node: TreeNode, setting: string) =>
      context.report({
        node,
        server,
        message: `Server "${server.name}" accepts requests from every web origin (${setting}): name the origins that need it. Any page open in your browser can call its tools.`,
      });
    for (const entry of server.env) {
      if (entry.value !== undefined && CORS_NAME.test(entry.key) && entry.value.trim() === '*') report(entry.valueNode, `${entry.key}=*`);
    }
    server.args.forEach((arg, index) => {
      // `--cors=*`, and `-e CORS_ORIGIN=*` passed to a container.
      const assignment = /^(-{1,2}[\w-]+|[A-Za-z_]\w*)=(.*)$/.exec(arg.value.trim());
      if (assignment && CORS_NAME.test(assignment[1]) && assignment[2].replace(/^["']|["']$/g, '') === '*') report(arg.node, `${assignment[1]}=*`);
      // `--cors *`
      const previous = server.args[index - 1]?.value ?? '';
      if (arg.value.trim() === '*' && previous.startsWith('-') && CORS_NAME.test(previous)) report(arg.node, `${previous} *`);
    });
  },
};
