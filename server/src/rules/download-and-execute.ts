import type { Rule } from './types';
import { shellScriptOf } from '../launch/shell';
import { downloadAndExecute } from '../launch/downloadExec';

/**
 * `curl … | sh` and its PowerShell cousin `iex (iwr …)` run whatever a web server returns,
 * unreviewed and unpinned, every time the MCP client starts the server.
 */
export const rule: Rule = {
  id: 'download-and-execute',
  meta: {
    category: 'supply-chain',
    defaultSeverity: 'error',
    description: 'A server command that downloads code and runs it (curl | sh, iex (iwr …), bash <(curl …)).',
    fixable: false,
    owasp: ['MCP04', 'MCP05'],
    threat: 'Installer spoofing and rug pull: whoever controls the URL (or the network path to it) runs code with your rights at every start.',
  },
  check(context) {
    for (const server of context.config.servers) {
      const shell = shellScriptOf(server);
      const candidates = shell
        ? [{ text: shell.script, values: shell.values }]
        : server.args.filter((a) => a.value.length > 8).map((a) => ({ text: a.value, values: [a] }));
      for (const candidate of candidates) {
        const what = downloadAndExecute(candidate.text);
        if (!what) continue;
        const first = candidate.values[0].node;
        const last = candidate.values[candidate.values.length - 1].node;
        context.report({
          offset: first.offset,
          length: last.offset + last.length - first.offset,
          server,
          message: `Server "${server.name}" runs ${what}: whatever that URL serves at start-up runs with your rights, with no version, review or integrity check. Install a pinned package from a registry (or a reviewed script checked into the repository) and run it directly.`,
        });
        break;
      }
    }
  },
};
