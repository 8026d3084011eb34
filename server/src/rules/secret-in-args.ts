import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { detectSecret } from '../secrets/detect';
import { argSites } from '../secrets/sites';
import { maskUrls } from '../secrets/urlSecrets';
import { reportSecret, variableFor, verdictSpan } from '../secrets/report';
import { moveAdvice } from '../secrets/advice';

/**
 * A literal credential on a server's command line: `--api-key x`, `--token=x`,
 * `-e NAME=value` in docker/podman run, `--header "Authorization: Bearer x"` for bridges
 * such as mcp-remote, or a bare token. Besides leaking with the file, arguments are
 * visible to every local user in the process list. URLs and DSNs are left to
 * secret-in-url and secret-connection-string.
 */
export const rule: Rule = {
  id: 'secret-in-args',
  meta: {
    category: 'secret',
    scope: 'server',
    defaultSeverity: 'error',
    description: "A literal secret in a server's command-line arguments (flags, docker -e, --header, bare tokens).",
    fixable: true,
    owasp: ['MCP01'],
    threat: 'Credential theft: the secret leaks with the file and is visible in the process list (ps) while the server runs.',
    plaintextSecret: true,
  },
  checkServer(context, server) {
    for (const site of argSites(server)) {
      const verdict = detectSecret(maskUrls(site.value), site.key, { credential: site.credential });
      if (!verdict) continue;
      // A bare positional value is only a finding when its format is known.
      if (site.argKind === 'positional' && verdict.reason !== 'format') continue;
      const what =
        site.argKind === 'docker-env'
          ? `${site.position} (a container environment variable)`
          : site.argKind === 'header'
            ? `${site.position} (an HTTP header passed on the command line)`
            : site.position;
      reportSecret(context, {
        site,
        ...verdictSpan(verdict),
        message: `Plaintext ${shortValue(verdict.label, 40)} in an argument: move it out of the file. Server "${server.name}", ${what}; command lines are also visible in the process list. ${moveAdvice(context)}`,
        variable: variableFor(site, site.argKind === 'positional' ? (verdict.label.includes('API key') ? 'API_KEY' : 'TOKEN') : undefined),
      });
    }
  },
};
