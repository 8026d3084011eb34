import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { detectSecret } from '../secrets/detect';
import { envSites } from '../secrets/sites';
import { maskUrls } from '../secrets/urlSecrets';
import { reportSecret, variableFor, verdictSpan } from '../secrets/report';
import { moveAdvice } from '../secrets/advice';

/**
 * A token or password written into a server's `env` leaks with the file: to git history,
 * screenshots, backups and every tool that reads the workspace. URLs and connection
 * strings in env values are left to secret-in-url and secret-connection-string.
 */
export const rule: Rule = {
  id: 'secret-in-env',
  meta: {
    category: 'secret',
    scope: 'server',
    defaultSeverity: 'error',
    description: "A literal secret (token, API key, password) in a server's env values.",
    fixable: true,
    owasp: ['MCP01'],
    threat: 'Credential theft: the secret is readable by anyone who can read the file, its git history or its backups.',
    plaintextSecret: true,
  },
  checkServer(context, server) {
    for (const site of envSites(server)) {
      const verdict = detectSecret(maskUrls(site.value), site.key);
      if (!verdict) continue;
      reportSecret(context, {
        site,
        ...verdictSpan(verdict),
        message: `Plaintext ${shortValue(verdict.label, 46)} in env "${shortValue(site.key ?? '', 28)}": move it out of the file. Server "${server.name}"${verdict.reason === 'key' ? ' (judged by its name and shape)' : ''}. ${moveAdvice(context, 'env')}`,
        variable: variableFor(site),
      });
    }
  },
};
