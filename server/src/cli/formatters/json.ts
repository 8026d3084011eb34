import { dialectCounts, type Report } from './report';

/**
 * The JSON contract (version 1), stable for scripts:
 * `{"version":1,"findings":[{file,ruleId,category,severity,server,range,message,fixes}],"skipped":[{file,reason}],"filesByDialect":{id:n}}`
 * with 0-based LSP-style positions and `fixes` as fix titles; with --machine also
 * `"machine":{host,user,home}`. Keys are only ever added (`filesByDialect` and `machine`
 * were); changing or removing one would need a new version.
 */
export function formatJson(report: Report): string {
  const output = {
    version: 1,
    findings: report.findings.map((f) => ({
      file: f.file,
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      server: f.server,
      range: { start: { line: f.range.start.line, character: f.range.start.character }, end: { line: f.range.end.line, character: f.range.end.character } },
      message: f.message,
      fixes: f.fixes.map((fix) => fix.title),
    })),
    skipped: report.skipped.map((s) => ({ file: s.file, reason: s.reason })),
    filesByDialect: Object.fromEntries(dialectCounts(report.filesByDialect)),
    ...(report.machine ? { machine: report.machine } : {}),
  };
  return JSON.stringify(output, null, 2) + '\n';
}
