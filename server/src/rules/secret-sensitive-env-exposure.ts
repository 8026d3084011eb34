import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { getValue } from '../core/tree';
import { findReferences } from '../core/interpolation';
import { SENSITIVE_HOST_VARIABLES } from '../secrets/launch';
import { argSites } from '../secrets/sites';
import { invocationOf } from '../core/invocation';

/** A path or reference that is the SSH agent socket (Docker Desktop's forwarding socket included). */
const AGENT_SOCKET = /\$\{?(?:env:)?SSH_AUTH_SOCK\}?|\/run\/host-services\/ssh-auth\.sock|\/ssh-agent(?:\.sock)?\b/;

/**
 * A server given your SSH agent socket, GPG agent, Kerberos ticket cache or AWS session
 * token. No secret is in the file, but the server can use your identity for as long as it
 * runs: push to every repository your SSH key opens, assume your AWS role.
 */
export const rule: Rule = {
  id: 'secret-sensitive-env-exposure',
  meta: {
    category: 'secret',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A server is given the SSH agent socket, GPG agent, Kerberos ticket cache or AWS session token of the host.',
    fixable: false,
    owasp: ['MCP01'],
    threat: 'Credential theft and misuse: the server can act with your identity (SSH, AWS role) while it runs.',
  },
  checkServer(context, server) {
    for (const entry of server.env) {
      const description = SENSITIVE_HOST_VARIABLES[entry.key.toUpperCase()];
      if (!description || entry.value === undefined) continue;
      // A literal session token is secret-in-env's finding; here: references and socket paths.
      const isReference = findReferences(entry.value).length > 0;
      if (!isReference && entry.key.toUpperCase() === 'AWS_SESSION_TOKEN') continue;
      context.report({
        node: entry.valueNode,
        server,
        message: `Broad host credentials in env "${shortValue(entry.key, 32)}": pass them only to servers that need them. Server "${server.name}" is given ${description}; prefer a dedicated deploy key or a scoped role.`,
      });
    }
    const invocation = invocationOf(server);
    if (invocation && /^(?:docker|podman|nerdctl|finch)$/.test(invocation.program)) {
      for (const arg of invocation.args) {
        if (!AGENT_SOCKET.test(arg.value)) continue;
        context.report({
          node: arg.node,
          server,
          message: `Your SSH agent socket is mounted into a container: use a deploy key with access to only what it needs. Server "${server.name}" mounts ${SENSITIVE_HOST_VARIABLES.SSH_AUTH_SOCK.replace(/^your SSH agent/, 'your SSH agent socket into its container')}.`,
        });
      }
      for (const site of argSites(server)) {
        if (site.argKind !== 'docker-env' || !site.key) continue;
        const description = SENSITIVE_HOST_VARIABLES[site.key.toUpperCase()];
        if (description && site.key.toUpperCase() === 'AWS_SESSION_TOKEN' && findReferences(site.value).length > 0) {
          context.report({
            node: site.node,
            server,
            message: `Broad host credentials passed on: pass them only to servers that need them, with a narrowly scoped role. Server "${server.name}" is given ${description} through ${site.position}.`,
          });
        }
      }
    }
    const forwarded = getValue(server.node, 'env_vars');
    for (const item of forwarded?.type === 'array' ? (forwarded.children ?? []) : []) {
      const nameNode = item.type === 'object' ? getValue(item, 'name') : item;
      const name = nameNode?.type === 'string' ? (nameNode.value as string) : '';
      const description = SENSITIVE_HOST_VARIABLES[name.toUpperCase()];
      if (description)
        context.report({
          node: item,
          server,
          message: `Broad host credentials forwarded (env_vars "${shortValue(name, 32)}"): forward them only to servers that need them. Server "${server.name}" is given ${description}.`,
        });
    }
  },
};
