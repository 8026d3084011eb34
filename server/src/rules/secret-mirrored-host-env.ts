import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { findReferences, type VariableSyntax } from '../core/interpolation';
import { getValue } from '../core/tree';
import { isSecretKeyName } from '../secrets/keyNames';
import { isThirdPartyServer, SENSITIVE_HOST_VARIABLES } from '../secrets/launch';

/** Syntaxes that read the host environment (not prompts, not secret stores). */
const HOST_ENV_SYNTAXES: readonly VariableSyntax[] = ['dollar-brace', 'env-colon', 'dollar', 'brace-env'];

/**
 * A host secret mirrored into a third-party server: `"GITHUB_TOKEN": "${GITHUB_TOKEN}"`
 * for an npx / docker / remote server, or Codex `env_vars = ["*"]`. Nothing leaks with the
 * file, but the host's general-purpose token (often broad: every repo, every scope) goes to
 * code you did not write. Information only: a dedicated, narrowly scoped token in its own
 * variable limits what a compromised or malicious server can do.
 */
export const rule: Rule = {
  id: 'secret-mirrored-host-env',
  meta: {
    category: 'secret',
    scope: 'server',
    defaultSeverity: 'information',
    description: 'A host credential passed through unchanged to a third-party server (KEY: ${KEY}), or the whole host environment (env_vars ["*"]).',
    fixable: false,
    owasp: ['MCP01'],
    threat: "Credential theft by a malicious or compromised server: it receives the host's own, often broadly scoped, token.",
  },
  check(context) {
    const expanded = context.dialect.variables;
    for (const server of context.config.servers) {
      if (!isThirdPartyServer(server)) continue;
      for (const entry of server.env) {
        if (entry.value === undefined || entry.valueNode.type !== 'string') continue;
        const references = findReferences(entry.value.trim());
        if (references.length !== 1) continue;
        const [reference] = references;
        if (reference.start !== 0 || reference.end !== entry.value.trim().length || reference.defaultValue !== undefined) continue;
        if (!HOST_ENV_SYNTAXES.includes(reference.syntax) || !expanded.includes(reference.syntax)) continue;
        if (reference.name.toUpperCase() !== entry.key.toUpperCase() || !isSecretKeyName(entry.key)) continue;
        if (SENSITIVE_HOST_VARIABLES[reference.name.toUpperCase()]) continue; // secret-sensitive-env-exposure
        context.report({
          node: entry.valueNode,
          server,
          message: `Your own ${shortValue(entry.key, 32)} is passed through unchanged: give this server a dedicated, narrowly scoped token. Server "${server.name}" is third-party code; a broad token (all repositories, all scopes) goes with it.`,
        });
      }
      // Codex: env_vars = ["*"] forwards everything; env_vars = ["GITHUB_TOKEN"] mirrors one.
      const forwarded = getValue(server.node, 'env_vars');
      if (forwarded?.type !== 'array') continue;
      for (const item of forwarded.children ?? []) {
        const nameNode = item.type === 'object' ? getValue(item, 'name') : item;
        if (nameNode?.type !== 'string') continue;
        const name = nameNode.value as string;
        if (name === '*' || /^\*|\*$/.test(name)) {
          context.report({
            node: item,
            server,
            severity: 'warning',
            message: `The whole host environment is forwarded (env_vars "${shortValue(name, 20)}"): list only the variables it needs. Server "${server.name}" (third-party code) gets every token and key in your shell.`,
          });
        } else if (isSecretKeyName(name) && !SENSITIVE_HOST_VARIABLES[name.toUpperCase()]) {
          context.report({
            node: item,
            server,
            message: `Your own ${shortValue(name, 32)} is forwarded from the host: forward a dedicated, narrowly scoped one instead. Server "${server.name}" is third-party code.`,
          });
        }
      }
    }
  },
};
