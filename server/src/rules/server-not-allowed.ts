import type { Rule } from '../core/rule';
import type { ServerEntry } from '../core/model';
import { launchedPackages } from '../launch/packages';
import { parseUrlLoosely } from '../core/urls';
import { shortValue } from '../core/summary';
import { commandListed, matchesPattern, publisherMatches, type Policy } from '../common/policy';

/**
 * Organisation allow-list (`mcpHygiene.policyFile`): every server must be listed by name,
 * package, image, URL host or publisher. The engine stays pure: the server and the CLI read
 * the file and pass the parsed policy in (`LintOptions.policy`); without one the rule is silent.
 */
export const rule: Rule = {
  id: 'server-not-allowed',
  meta: {
    category: 'supply-chain',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A server that the organisation policy file (mcpHygiene.policyFile) does not allow.',
    fixable: false,
    owasp: ['MCP09'],
    threat: 'Shadow MCP servers: unvetted servers added next to approved ones get the same access to the agent, its tools and its secrets.',
  },
  check(context) {
    const policy = context.policy;
    if (!policy) return;
    for (const server of context.config.servers) {
      if (server.disabled) continue;
      if (isAllowed(policy, server)) continue;
      const what = describe(server);
      context.report({
        node: server.nameNode,
        server,
        message: `Server "${shortValue(server.name, 40)}" is not on your MCP allow-list: remove it or have it reviewed. ${what ? `Its ${what} matches` : 'It matches'} no entry of your organisation's policy (mcpHygiene.policyFile).`,
      });
    }
  },
};

/** Whether the policy allows the server: by name, main package or image, URL host, publisher or exact command. */
export function isAllowed(policy: Policy, server: ServerEntry): boolean {
  if (policy.servers.some((p) => matchesPattern(p, server.name))) return true;
  const packages = launchedPackages(server).filter((pkg) => pkg.role === 'main');
  for (const pkg of packages) {
    const list = pkg.ecosystem === 'Docker' ? policy.images : policy.packages;
    if (list.some((p) => matchesPattern(p, pkg.name))) return true;
    if (policy.publishers.some((p) => publisherMatches(p, pkg.name))) return true;
  }
  const host = server.url ? parseUrlLoosely(server.url.value)?.host : undefined;
  if (host && policy.hosts.some((p) => matchesPattern(p, host))) return true;
  return server.command !== undefined && commandListed(policy, [server.command.value, ...server.args.map((arg) => arg.value)]);
}

function describe(server: ServerEntry): string {
  const pkg = launchedPackages(server).find((p) => p.role === 'main');
  if (pkg) return pkg.ecosystem === 'Docker' ? `image ${pkg.name}` : `package ${pkg.name}`;
  const host = server.url ? parseUrlLoosely(server.url.value)?.host : undefined;
  return host ? `host ${host}` : '';
}
