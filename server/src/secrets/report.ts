import type { Severity } from '../core/types';
import type { ServerEntry } from '../core/model';
import type { RuleContext } from '../core/rule';
import type { ParsedDocument, TreeNode } from '../core/tree';
import { secretReferenceFixes } from '../fixes/secretReference';
import type { SecretSite } from './sites';
import { normaliseName } from './keyNames';
import { severityOf, type SecretVerdict } from './detect';

/**
 * The range to underline for a secret at [start, end) of a string node's decoded value:
 * the exact substring when the source text between the opening quote and the secret's end
 * is the decoded text itself (no escape sequences before it), otherwise the whole node.
 * A secret that is the whole value underlines the whole string node, quotes included.
 */
export function secretRange(doc: ParsedDocument, node: TreeNode, start: number, end: number): { offset: number; length: number } {
  const value = typeof node.value === 'string' ? node.value : undefined;
  if (value === undefined || (start <= 0 && end >= value.length)) return { offset: node.offset, length: node.length };
  const first = doc.text[node.offset];
  const inner = first === '"' || first === "'" ? 1 : 0;
  const raw = doc.text.slice(node.offset + inner, node.offset + inner + end);
  if (raw !== value.slice(0, end) || (first === "'" && doc.syntax === 'yaml' && raw.includes("'"))) return { offset: node.offset, length: node.length };
  return { offset: node.offset + inner + start, length: end - start };
}

/** Upper snake case for variable names: "brave-search" -> "BRAVE_SEARCH". */
export function envName(text: string): string {
  const name = normaliseName(text).toUpperCase();
  return /^[A-Z_]/.test(name) ? name : 'MCP_' + name;
}

/**
 * The variable a fix moves the secret to. Env-like keys keep their name (prefixed with
 * MCP_ so the result is a dedicated variable, not the host's general one); headers, flags and
 * URL parameters get one named after the server and their purpose.
 */
export function variableFor(site: SecretSite, purpose?: string): string {
  const server = envName(site.server.name || 'mcp');
  const key = site.key ?? '';
  if (purpose) return prefixed(server, purpose);
  if (site.where === 'env' || site.argKind === 'docker-env' || site.argKind === 'assignment') return envName(key || 'SECRET');
  if (site.where === 'header' || site.argKind === 'header') {
    const normal = normaliseName(key);
    if (normal === 'authorization' || normal === 'proxy_authorization') return prefixed(server, 'TOKEN');
    if (normal === 'cookie') return prefixed(server, 'COOKIE');
    return prefixed(server, normal.replace(/^x_/, '').toUpperCase() || 'TOKEN');
  }
  if (key) return prefixed(server, normaliseName(key).toUpperCase());
  return prefixed(server, 'TOKEN');
}

function prefixed(server: string, purpose: string): string {
  return purpose.startsWith(server + '_') || purpose === server ? purpose : `${server}_${purpose}`;
}

export interface SecretReport {
  site: SecretSite;
  /** Offsets of the secret within `site.value`. */
  start: number;
  end: number;
  /** The span the fix replaces, when wider than the secret (see SecretVerdict.fixStart). */
  fixStart?: number;
  fixEnd?: number;
  severity: Severity;
  message: string;
  /** Variable name for the replacement; no fix when undefined. */
  variable?: string;
}

/** Where a detector's verdict puts the secret in its value, and the severity of its tier. */
export function verdictSpan(verdict: SecretVerdict): Pick<SecretReport, 'start' | 'end' | 'fixStart' | 'fixEnd' | 'severity'> {
  return { start: verdict.start, end: verdict.end, fixStart: verdict.fixStart, fixEnd: verdict.fixEnd, severity: severityOf(verdict.reason) };
}

/** Reports one secret with its exact range and the client-native replacement fixes. */
export function reportSecret(context: RuleContext, report: SecretReport): void {
  const { site } = report;
  const node = site.node;
  const start = site.offset + report.start;
  const end = site.offset + report.end;
  const range = secretRange(context.doc, node, start, end);
  const whole = typeof node.value === 'string' ? (node.value as string) : site.value;
  const fixStart = site.offset + (report.fixStart ?? report.start);
  const fixEnd = site.offset + (report.fixEnd ?? report.end);
  const fixes =
    report.variable && node.type === 'string'
      ? secretReferenceFixes(
          context,
          site.server as ServerEntry,
          report.variable,
          node,
          (reference) => whole.slice(0, fixStart) + reference + whole.slice(fixEnd),
        )
      : [];
  context.report({ ...range, server: site.server, severity: report.severity, message: report.message, fixes });
}
