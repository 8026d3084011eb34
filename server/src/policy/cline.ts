import type { Policy } from '../common/policy';
import type { PolicyExport } from './types';
import { jsonText } from './shared';

/**
 * Cline Enterprise's remote configuration (set in Cline's admin console, fetched by the
 * extension): `allowedMCPServers` (`[{ id }]`: a local server runs only when its name, the
 * key in the user's config, equals an id; `[]` or absent = no restriction),
 * `mcpMarketplaceEnabled: false` (no local server at all), `blockPersonalRemoteMCPServers`
 * (remote servers only from `remoteMCPServers`, matched by exact URL). Cline cannot allow a
 * remote host or a command, so personal remote servers are blocked and the organisation's own
 * are to be pushed by URL; hosts, commands and packages go to the notes. McpHub.connectToServer
 * applies these.
 * Source: docs.cline.bot/enterprise-solutions/configuration/infrastructure-configuration/control-other-cline-features/mcp-server-controls.md;
 * the cline/cline extension state keys (REMOTE_CONFIG_EXTRA_FIELDS: allowedMCPServers
 * `Array<{ id: string }>`, remoteMCPServers, blockPersonalRemoteMCPServers).
 */
export function clineExport(policy: Policy): PolicyExport {
  const ids = policy.servers.filter((name) => !name.includes('*'));
  const notes = [
    "Cline: paste this into your organisation's remote configuration in the Cline admin console (Enterprise); Cline applies it when users sign in. It is not a file on the machine.",
  ];
  const skipped = policy.servers.filter((name) => name.includes('*'));
  if (skipped.length) notes.push(`Cline matches server IDs exactly: ${skipped.map((s) => `"${s}"`).join(', ')} not exported.`);
  if (policy.hosts.length)
    notes.push(
      `Cline cannot allow a remote host: personal remote servers are blocked; add each approved server on ${policy.hosts.map((h) => `"${h}"`).join(', ')} to remoteMCPServers with its full URL.`,
    );
  const unmapped = [...policy.packages, ...policy.images, ...policy.publishers, ...policy.commands.map((c) => c.join(' '))];
  if (unmapped.length)
    notes.push(
      `Cline restricts local servers by server ID only: the packages, images, publishers and commands of the policy (${unmapped.length}) are not exported; list the approved servers under "servers".`,
    );
  // An empty allowedMCPServers restricts nothing in Cline: a policy that names no server blocks local servers instead.
  const local = ids.length ? { allowedMCPServers: ids.map((id) => ({ id })) } : { mcpMarketplaceEnabled: false };
  if (!ids.length)
    notes.push(
      'Cline: the policy names no server, so local servers are turned off (mcpMarketplaceEnabled: false); an empty allowedMCPServers would restrict nothing.',
    );
  return { text: jsonText({ ...local, blockPersonalRemoteMCPServers: true }), notes };
}
