import type { Policy } from '../common/policy';
import type { PolicyExport } from './types';
import { allowListEntries, jsonText } from './shared';

/**
 * VS Code enterprise policies, as the Linux policy file `/etc/vscode/policy.json` holds them:
 * `ChatAllowedMcpServers` (VS Code 1.130+; the same entries as Copilot's `allowedMcpServers`)
 * and `ChatToolsAutoApprove: false` (no global "YOLO" approval). A policy value is a string,
 * number or boolean (`PolicyValue` in src/vs/platform/policy/common/policy.ts), so the list
 * is JSON text in a string, as in the ADMX templates. `ChatMCP` (chat.mcp.access:
 * none / registry / all) is left alone: the allow-list already decides which servers run.
 * Source: microsoft/vscode src/vs/workbench/contrib/chat/browser/chat.contribution.ts
 * (mcpAllowedServersConfig, policy ChatAllowedMcpServers, minimumVersion 1.130;
 * chat.tools.global.autoApprove, policy ChatToolsAutoApprove).
 */
export function vscodeExport(policy: Policy): PolicyExport {
  const { entries, notes } = allowListEntries(policy, 'VS Code');
  return {
    text: jsonText({ ChatAllowedMcpServers: JSON.stringify(entries), ChatToolsAutoApprove: false }),
    notes: [
      'VS Code (1.130 or later): on Linux, merge this into /etc/vscode/policy.json; on Windows set the same policy names through Group Policy (the ADMX templates shipped with VS Code), on macOS through a configuration profile. Copilot managed settings (--target copilot) reach VS Code too.',
      ...notes,
    ],
  };
}
