import type { Policy } from '../common/policy';
import type { PolicyExport } from './types';
import { claudeCodeExport } from './claudeCode';
import { clineExport } from './cline';
import { copilotExport } from './copilot';
import { vscodeExport } from './vscode';

/**
 * `mcp-hygiene policy export`: the organisation's allow-list (common/policy.ts) compiled into
 * a client's own enforcement, one pure function per client (policy in, file text out).
 */
const EXPORTERS = {
  'claude-code': claudeCodeExport,
  copilot: copilotExport,
  vscode: vscodeExport,
  cline: clineExport,
} satisfies Record<string, (policy: Policy) => PolicyExport>;

export type ExportTarget = keyof typeof EXPORTERS;
export const EXPORT_TARGETS = Object.keys(EXPORTERS) as ExportTarget[];

export function exportPolicy(policy: Policy, target: ExportTarget): PolicyExport {
  return EXPORTERS[target](policy);
}
