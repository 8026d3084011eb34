import type { Rule } from '../core/rule';
import { shellScriptOf } from '../launch/shell';
import { downloadAndExecute } from '../launch/downloadExec';
import { stringValue } from '../core/model';
import { getValue } from '../core/tree';

/**
 * `curl … | sh` and its PowerShell cousin `iex (iwr …)` run whatever a web server returns,
 * unreviewed and unpinned, every time the MCP client starts the server.
 */
export const rule: Rule = {
  id: 'download-and-execute',
  meta: {
    category: 'supply-chain',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A server command that downloads code and runs it (curl | sh, iex (iwr …), bash <(curl …)).',
    fixable: false,
    owasp: ['MCP04', 'MCP05'],
    threat: 'Installer spoofing and rug pull: whoever controls the URL (or the network path to it) runs code with your rights at every start.',
  },
  checkServer(context, server) {
    const shell = shellScriptOf(server);
    const candidates = shell
      ? [{ text: shell.script, values: shell.values, dialect: shell.shell }]
      : server.args.filter((a) => a.value.length > 8).map((a) => ({ text: a.value, values: [a], dialect: 'sh' as const }));
    // Claude Code runs a remote entry's `headersHelper` through the shell at every connection.
    const helper = stringValue(getValue(server.node, 'headersHelper'));
    if (helper) candidates.push({ text: helper.value, values: [helper], dialect: 'sh' });
    for (const candidate of candidates) {
      const what = downloadAndExecute(candidate.text, candidate.dialect);
      if (!what) continue;
      const first = candidate.values[0].node;
      const last = candidate.values[candidate.values.length - 1].node;
      const when = candidate.values[0] === helper ? 'its headersHelper runs' : 'runs';
      context.report({
        offset: first.offset,
        length: last.offset + last.length - first.offset,
        server,
        message: `Code downloaded and run from a URL: install a pinned package (or a reviewed script in the repository) and run it. Server "${server.name}" ${when} ${what}: whatever that URL serves ${when === 'runs' ? 'at start-up' : 'at every connection'} runs with your rights, with no version, review or integrity check.`,
      });
      break;
    }
  },
};
