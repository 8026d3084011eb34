import type { Rule } from './types';
import { detectSecret } from '../secrets/detect';
import { secretReferenceFixes, variableNameFor } from '../fixes/secretReference';

/**
 * A token or password written into a server's `env` leaks with the file: to git history,
 * screenshots, backups and every tool that reads the workspace.
 */
export const rule: Rule = {
  id: 'secret-in-env',
  meta: {
    category: 'secret',
    defaultSeverity: 'error',
    description: 'A literal secret (token, API key, password) in a server\'s env values.',
    fixable: true,
    owasp: ['MCP01'],
    threat: 'Credential theft: the secret is readable by anyone who can read the file, its git history or its backups.',
  },
  check(context) {
    for (const server of context.config.servers) {
      for (const entry of server.env) {
        if (entry.value === undefined || entry.valueNode.type !== 'string') continue;
        const verdict = detectSecret(entry.value, entry.key);
        if (!verdict) continue;
        const variable = variableNameFor(entry.key, server);
        const prefix = entry.value.slice(0, verdict.start);
        const suffix = entry.value.slice(verdict.end);
        const severity = verdict.reason === 'format' ? 'error' : 'warning';
        context.report({
          node: entry.valueNode,
          server,
          severity,
          message: `Server "${server.name}" has a plaintext ${verdict.label} in env "${entry.key}". Anyone who can read this file can use it: move it out of the file${context.dialect.variables.length ? ' (use a variable reference)' : ''} and rotate it if the file was ever shared.`,
          fixes: secretReferenceFixes(context, server, variable, entry.valueNode, (reference) => prefix + reference + suffix),
        });
      }
    }
  },
};
