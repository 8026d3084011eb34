import type { Severity } from '../../engine';
import type { Palette } from '../io';
import type { ReportedFinding } from '../scan';
import { countBySeverity, dialectCounts, type Report } from './report';
import { displaySafe } from '../../common/displaySafe';

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/**
 * Human output: findings grouped by file (severity, rule, server, line:col, message, and the
 * first fix as a hint), then a "Skipped" section, then the files scanned per dialect and one
 * summary line. No source text is printed, so no secret can leak through it. Every string
 * that comes from the scanned files (names, messages quoting values) goes through
 * `displaySafe`, so it cannot inject terminal escapes or CI annotations.
 */
export function formatText(report: Report, colors: Palette): string {
  const out: string[] = [];
  const paint: Record<Severity, (t: string) => string> = { error: colors.red, warning: colors.yellow, information: colors.blue, hint: colors.dim };
  const byFile = new Map<string, ReportedFinding[]>();
  for (const finding of report.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const [file, findings] of byFile) {
    out.push(colors.underline(displaySafe(file)));
    const positions = findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}`);
    const width = Math.max(...positions.map((p) => p.length));
    findings.forEach((f, i) => {
      const severity = paint[f.severity](f.severity.padEnd(11));
      const server = f.server !== null ? `  ${colors.dim(`[${displaySafe(f.server)}]`)}` : '';
      out.push(`  ${positions[i].padEnd(width)}  ${severity} ${colors.bold(displaySafe(f.ruleId))}${server}  ${displaySafe(f.message)}`);
      const fix = f.fixes[0];
      if (fix) {
        const auto = f.fixes.some((x) => x.safe) ? ' (--fix applies it)' : '';
        out.push(`  ${' '.repeat(width)}  ${colors.dim(`fix: ${displaySafe(fix.title)}${auto}`)}`);
      }
    });
    out.push('');
  }
  if (report.skipped.length > 0) {
    out.push(colors.bold('Skipped'));
    for (const s of report.skipped) out.push(`  ${displaySafe(s.file)}: ${displaySafe(s.reason)}`);
    out.push('');
  }
  // "Scanned 4 files: vscode 2, claude-desktop 1, generic 1": which client each file was read as.
  if (report.lintedCount > 0) {
    out.push(
      `Scanned ${plural(report.lintedCount, 'file')}: ${dialectCounts(report.filesByDialect)
        .map(([id, n]) => `${id} ${n}`)
        .join(', ')}`,
    );
  }
  const counts = countBySeverity(report.findings);
  const parts = [
    plural(report.lintedCount, 'file'),
    `${plural(report.findings.length, 'finding')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information, ${plural(counts.hint, 'hint')})`,
  ];
  if (report.skipped.length > 0) parts.push(`${report.skipped.length} skipped`);
  if (report.baselineAccepted > 0) parts.push(`${report.baselineAccepted} accepted by the baseline`);
  const summary = parts.join(', ');
  out.push(report.findings.length === 0 ? summary : counts.error > 0 ? colors.red(summary) : colors.yellow(summary));
  return out.join('\n') + '\n';
}
