import type { Policy } from '../common/policy';
import type { PolicyExport } from './types';
import { allowListEntries, jsonText } from './shared';

/**
 * Claude Code enforces an allow-list from managed settings: `allowedMcpServers` entries
 * `{ serverUrl }` (wildcards anywhere), `{ serverCommand }` (the exact command and every
 * argument) and `{ serverName }` (exact, letters, digits, `-`, `_`; the user's own label, so
 * no security control), with `allowManagedMcpServersOnly: true` so users cannot broaden it.
 * Once a `serverUrl` (`serverCommand`) entry exists, remote (stdio) servers must match one;
 * names then count only for the other transport. Unset = everything allowed, `[]` = nothing.
 * Source: code.claude.com/docs/en/managed-mcp.md ("Policy-based control with allowlists and
 * denylists", "How a server is evaluated"); file paths from docs/en/settings.md.
 */
export function claudeCodeExport(policy: Policy): PolicyExport {
  const { entries, notes } = allowListEntries(policy, 'Claude Code', {
    names: { allowed: (name) => /^[A-Za-z0-9_-]+$/.test(name), rule: 'letters, digits, - and _ only' },
    namesUnusedWithUrlsAndCommands: true,
  });
  return {
    text: jsonText({ allowManagedMcpServersOnly: true, allowedMcpServers: entries }),
    notes: [
      'Claude Code: deliver this as managed-settings.json (merge it into yours): /Library/Application Support/ClaudeCode/ on macOS, /etc/claude-code/ on Linux and WSL, C:\\Program Files\\ClaudeCode\\ on Windows; or as server-managed settings, an MDM profile (com.anthropic.claudecode) or the HKLM registry policy.',
      ...notes,
    ],
  };
}
