import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { detectSecret, severityOf } from '../secrets/detect';
import { headerSites, type SecretSite } from '../secrets/sites';
import { maskUrls } from '../secrets/urlSecrets';
import { reportSecret, variableFor, verdictSpan } from '../secrets/report';
import { moveAdvice } from '../secrets/advice';
import { getValue } from '../core/tree';
import { isCredentialHeader } from '../secrets/keyNames';

/** Server-level keys some clients accept for a bearer token (Codex rejects inline ones, but they still leak). */
const TOKEN_KEYS = ['bearer_token', 'bearerToken', 'authorization_token', 'authorizationToken'];

/**
 * A literal credential in a remote server's HTTP headers (`Authorization: Bearer ...`,
 * `X-API-Key`, cookies, subscription tokens), including the default literal of a
 * `${VAR:-default}` reference: it is sent with every request and leaks with the file.
 */
const SESSION_COOKIE = /sess|sid|auth|token|jwt|login|remember|csrf|xsrf/i;

export const rule: Rule = {
  id: 'secret-in-header',
  meta: {
    category: 'secret',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A literal credential in an HTTP header of a remote server (Authorization, X-API-Key, Cookie...).',
    fixable: true,
    owasp: ['MCP01'],
    threat: 'Credential theft: the token in the file authenticates as you to the remote service.',
    plaintextSecret: true,
  },
  check(context) {
    for (const server of context.config.servers) {
      const sites: SecretSite[] = headerSites(server);
      for (const key of TOKEN_KEYS) {
        const node = getValue(server.node, key);
        if (node?.type === 'string')
          sites.push({ where: 'header', server, key, position: `"${key}"`, value: node.value as string, offset: 0, node, credential: true });
      }
      for (const site of sites) {
        if (/^cookie$/i.test(site.key ?? '')) {
          reportCookies(site);
          continue;
        }
        const verdict = detectSecret(maskUrls(site.value), site.key, { credential: site.credential || isCredentialHeader(site.key ?? '') });
        if (!verdict) continue;
        // Codex reads the token from a named variable instead: bearer_token_env_var = "NAME".
        const property = site.node.parent;
        if (
          site.key === 'bearer_token' &&
          context.doc.syntax === 'toml' &&
          property?.type === 'property' &&
          getValue(server.node, 'bearer_token_env_var') === undefined
        ) {
          const name = variableFor(site, 'TOKEN');
          context.report({
            node: site.node,
            server,
            severity: severityOf(verdict.reason),
            message: `Plaintext ${shortValue(verdict.label, 40)} in "bearer_token": use bearer_token_env_var instead. Server "${server.name}": Codex refuses inline tokens; name an environment variable that holds it, and rotate it if this file was ever shared.`,
            fixes: [
              {
                title: `Replace with bearer_token_env_var = "${name}"`,
                safe: false,
                preferred: true,
                edits: [{ offset: property.offset, length: property.length, content: `bearer_token_env_var = ${context.doc.quote(name)}` }],
              },
            ],
          });
          continue;
        }
        reportSecret(context, {
          site,
          ...verdictSpan(verdict),
          message: `Plaintext ${shortValue(verdict.label, 40)} in a header: move it out of the file. Server "${server.name}" sends it in ${site.position}. ${moveAdvice(context, 'header')}`,
          variable: variableFor(site),
        });
      }
    }

    /** `Cookie: a=1; session=...`: each cookie value is judged on its own. */
    function reportCookies(site: SecretSite) {
      let offset = 0;
      for (const pair of site.value.split(';')) {
        const eq = pair.indexOf('=');
        const name = eq > 0 ? pair.slice(0, eq).trim() : '';
        const valueStart = offset + eq + 1;
        offset += pair.length + 1;
        if (eq <= 0) continue;
        const value = pair.slice(eq + 1);
        // A session or auth cookie holds a credential whatever it looks like; any other cookie only when it looks random.
        const verdict = detectSecret(value, name, { credential: true, randomOnly: !SESSION_COOKIE.test(name) });
        if (!verdict) continue;
        reportSecret(context, {
          site,
          start: valueStart + verdict.start,
          end: valueStart + verdict.end,
          severity: severityOf(verdict.reason),
          message: `Plaintext session cookie "${shortValue(name, 30)}": move it out of the file. Server "${site.server.name}" sends it in ${site.position}, and whoever reads the file can use the session. ${moveAdvice(context)}`,
          variable: variableFor(site, 'COOKIE'),
        });
        return; // one finding per header: the fix replaces the whole secret part once
      }
    }
  },
};
