import type { Policy } from '../common/policy';
import type { PolicyExport } from './types';
import { allowListEntries, jsonText } from './shared';

/**
 * GitHub Copilot's enterprise `managed-settings.json` (Copilot CLI, VS Code, and the other
 * Copilot clients as they adopt it): `allowedMcpServers` / `deniedMcpServers`, entries
 * `{ serverName }`, `{ serverUrl }` (`*` wildcards) or `{ serverCommand }` (the exact command
 * and arguments). Built-in servers are always allowed, a deny match blocks, and when
 * `allowedMcpServers` is present a server must match one of its entries.
 * Source: docs.github.com/en/copilot/how-tos/administer-copilot/manage-mcp-usage/configure-enterprise-allowlist
 * and /copilot/reference/enterprise-administrators/enterprise-managed-settings; the
 * delivery paths from github/docs content/copilot/how-tos/administer-copilot/manage-for-enterprise/use-managed-settings/deploy-managed-settings.md.
 */
export function copilotExport(policy: Policy): PolicyExport {
  const { entries, notes } = allowListEntries(policy, 'Copilot');
  return {
    text: jsonText({ allowedMcpServers: entries }),
    notes: [
      'Copilot: commit this as copilot/managed-settings.json (merge it into yours) in the .github-private repository of the organisation your enterprise chose as the source of governance; or install it as /Library/Application Support/GitHubCopilot/managed-settings.json (macOS), %ProgramFiles%\\GitHubCopilot\\managed-settings.json (Windows), /etc/github-copilot/managed-settings.json (Linux; owned by root, not group- or world-writable, no symbolic link). Through MDM, allowedMcpServers is a string value holding this list as JSON text. Set the "Restrict MCP access to registry servers" policy to "Allow all" so the two do not conflict.',
      ...notes,
    ],
  };
}
