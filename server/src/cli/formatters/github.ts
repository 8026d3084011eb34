import type { Severity } from '../../engine';
import { displaySafe } from '../../common/displaySafe';
import type { Report } from './report';

/**
 * GitHub Actions workflow commands, one annotation per finding:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule id>::<message>`
 * (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions).
 * Escaping is the runner's own (actions/toolkit packages/core/src/command.ts): data escapes
 * `%`, CR and LF; properties also `:` and `,`. Scanned text first goes through displaySafe,
 * so a server name or message can neither end the command early nor start a new one.
 */
export function formatGithub(report: Report): string {
  const lines = report.findings.map((finding) => {
    const { start, end } = finding.range;
    const properties = [
      `file=${escapeProperty(displaySafe(finding.relativeFile))}`,
      `line=${start.line + 1}`,
      `col=${start.character + 1}`,
      `endLine=${end.line + 1}`,
      `endColumn=${end.character + 1}`,
      `title=${escapeProperty(displaySafe(finding.ruleId))}`,
    ];
    const server = finding.server !== null ? ` [${finding.server}]` : '';
    return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(displaySafe(finding.message + server))}`;
  });
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** GitHub has three annotation levels; information and hints are notices. */
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
