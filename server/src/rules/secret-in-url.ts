import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { allSites } from '../secrets/sites';
import { findUrlSecrets } from '../secrets/urlSecrets';
import { reportSecret, variableFor, envName } from '../secrets/report';
import { moveAdvice } from '../secrets/advice';
import { severityOf } from '../secrets/detect';

/**
 * A credential inside a URL: a `user:password@` login, an `?api_key=` / `?token=` /
 * `tavilyApiKey=` query parameter, or a known token in the path. It covers the server's
 * own `url` and URLs anywhere else (mcp-remote arguments, env values). URLs end up in
 * proxy, server and client logs, browser history and error messages, on top of the file.
 * Database URLs are secret-connection-string's.
 */
export const rule: Rule = {
  id: 'secret-in-url',
  meta: {
    category: 'secret',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A password, token or API key inside a URL (userinfo, query string or path), in url, args or env.',
    fixable: true,
    owasp: ['MCP01'],
    threat: 'Credential theft: URLs are copied into logs, proxies and error messages, and leak with the file.',
    plaintextSecret: true,
  },
  checkServer(context, server) {
    for (const site of allSites(server)) {
      if (!site.value.includes('://')) continue;
      for (const secret of findUrlSecrets(site.value)) {
        const where =
          secret.where === 'userinfo' ? 'the login part (user:password@)' : secret.where === 'path' ? 'the path' : `query parameter "${secret.where}"`;
        const purpose = secret.where === 'userinfo' ? 'PASSWORD' : secret.where === 'path' ? 'TOKEN' : envName(secret.where).replace(/^MCP_/, '');
        reportSecret(context, {
          site,
          start: secret.start,
          end: secret.end,
          severity: severityOf(secret.reason),
          message: `Plaintext ${shortValue(secret.label, 40)} in a URL: move it out of the file. Server "${server.name}", ${where} of a URL in ${site.position}; URLs end up in logs and proxies. ${moveAdvice(context, 'url')}${secret.where !== 'userinfo' && secret.where !== 'path' && !context.dialect.schema?.headerIndirection ? ' Prefer sending it in a header if the service accepts one.' : ''}`,
          variable: variableFor(site, purpose),
        });
      }
    }
  },
};
