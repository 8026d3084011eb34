import { pathToFileURL } from 'node:url';
import { isAbsolute, resolve } from 'node:path';
import { RULES, ruleDocsUrl, type Severity } from '../../engine';
import { REPOSITORY_URL } from '../../common/links';
import { FINGERPRINT_KEY } from '../fingerprints';
import type { Report } from './report';
// The SARIF 2.1.0 object model (@types/sarif, types only): the compiler checks every property name and value set.
import type { ArtifactLocation, Log, Notification, ReportingDescriptor, Result } from 'sarif';

/** SARIF has three result levels; information and hint are both `note`. */
export function sarifLevel(severity: Severity): Extract<Result.level, 'error' | 'warning' | 'note'> {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** GitHub code scanning ranks security results by this (0-10) property. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', information: '3.0', hint: '1.0' };

const SRCROOT = '%SRCROOT%';

/** `SecretInEnv` from `secret-in-env`: SARIF's `name` is an identifier-like form of the id. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash, ch: string) => ch.toUpperCase());
}

/**
 * SARIF 2.1.0 (validated against the OASIS schema in the tests): one run, every rule in
 * tool.driver.rules, results with 1-based UTF-16 regions relative to %SRCROOT% (the working
 * directory), partialFingerprints for baselining, and skipped files and warnings as
 * toolExecutionNotifications.
 */
export function formatSarif(report: Report, version: string): string {
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.id, i]));
  const location = (file: string) => artifactLocation(file, report.cwd);
  const sarif: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mcp-hygiene',
            version,
            semanticVersion: version,
            informationUri: REPOSITORY_URL,
            rules: RULES.map((rule): ReportingDescriptor => ({
              id: rule.id,
              name: ruleName(rule.id),
              shortDescription: { text: rule.meta.description },
              fullDescription: { text: `${rule.meta.description} ${rule.meta.threat}` },
              helpUri: ruleDocsUrl(rule.id),
              help: { text: `${rule.meta.description} See ${ruleDocsUrl(rule.id)}` },
              defaultConfiguration: { level: sarifLevel(rule.meta.defaultSeverity) },
              properties: {
                category: rule.meta.category,
                tags: ['security', 'mcp', rule.meta.category, ...rule.meta.owasp],
                'security-severity': SECURITY_SEVERITY[rule.meta.defaultSeverity],
              },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: !report.notices.some((n) => n.level === 'error'),
            toolExecutionNotifications: [
              ...report.skipped.map((s): Notification => ({
                level: 'note',
                message: { text: `Skipped ${s.file}: ${s.reason}.` },
                descriptor: { id: 'file-skipped' },
                locations: [{ physicalLocation: { artifactLocation: location(s.file) } }],
              })),
              ...report.notices.map((n): Notification => ({
                level: n.level,
                message: { text: n.message },
                descriptor: { id: n.level === 'error' ? 'rule-failed' : 'configuration' },
                ...(n.file ? { locations: [{ physicalLocation: { artifactLocation: location(n.file) } }] } : {}),
              })),
            ],
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(report.cwd.endsWith('/') ? report.cwd : report.cwd + '/').href } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f): Result => ({
          ruleId: f.ruleId,
          ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
          level: sarifLevel(f.severity),
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: location(f.relativeFile),
                region: {
                  startLine: f.range.start.line + 1,
                  startColumn: f.range.start.character + 1,
                  endLine: f.range.end.line + 1,
                  endColumn: f.range.end.character + 1,
                },
              },
            },
          ],
          partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
          properties: { category: f.category, severity: f.severity, ...(f.server !== null ? { server: f.server } : {}) },
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** Relative paths under %SRCROOT% (percent-encoded per segment); anything else as a file: URI. */
function artifactLocation(file: string, cwd: string): ArtifactLocation {
  if (isAbsolute(file) || file === '..' || file.startsWith('../')) return { uri: pathToFileURL(resolve(cwd, file)).href };
  return {
    uri: file
      .split('/')
      .filter((s) => s !== '.')
      .map(encodeURIComponent)
      .join('/'),
    uriBaseId: SRCROOT,
  };
}
