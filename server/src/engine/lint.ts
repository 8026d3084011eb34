import type { Finding, Fix, FixSpec, OffsetEdit, Severity, TextEdit } from './types';
import type { McpConfig } from './model';
import { LineIndex } from './lineIndex';
import type { Dialect } from '../dialects/types';
import { dialectById, dialectForContent, dialectForPath } from '../dialects';
import { parseDocument, syntaxForPath, type ParsedDocument } from '../parse';
import type { Settings } from '../common/settings';
import { DEFAULT_SETTINGS } from '../common/settings';
import type { ReportDescriptor, Rule, RuleContext } from '../rules/types';
import { RULES } from '../rules';

export interface LintOptions {
  /** Force a dialect (by id or object) instead of detecting it from the path and content. */
  dialect?: Dialect | string;
  /** The rules to run; defaults to the full registry. */
  rules?: readonly Rule[];
  /** Called when a rule throws; the other rules still run. The engine itself never logs. */
  onRuleError?(ruleId: string, error: unknown): void;
}

/** Everything the engine learnt about one document version; the server caches it. */
export interface Analysis {
  doc: ParsedDocument;
  dialect: Dialect;
  config: McpConfig;
  findings: Finding[];
}

/**
 * Lints one config file's text. Pure: no I/O, no LSP. `filePath` decides the client
 * dialect (a path no client uses falls back to content detection).
 */
export function lint(text: string, filePath: string, settings: Settings = DEFAULT_SETTINGS, options: LintOptions = {}): Finding[] {
  return analyze(text, filePath, settings, options)?.findings ?? [];
}

/** Like `lint`, but keeps the parse and model for hovers and code actions. Undefined = not an MCP config. */
export function analyze(text: string, filePath: string, settings: Settings = DEFAULT_SETTINGS, options: LintOptions = {}): Analysis | undefined {
  const forced = typeof options.dialect === 'string' ? dialectById(options.dialect) : options.dialect;
  const byPath = forced ?? dialectForPath(filePath);
  const doc = parseDocument(text, byPath?.syntax ?? syntaxForPath(filePath));
  if (!doc) return undefined;
  const dialect = byPath ?? dialectForContent(doc.root);
  if (!dialect) return undefined;
  const config = dialect.read(doc);
  const findings = settings.enable ? runRules(doc, dialect, config, settings, filePath, options) : [];
  return { doc, dialect, config, findings };
}

function runRules(doc: ParsedDocument, dialect: Dialect, config: McpConfig, settings: Settings, filePath: string, options: LintOptions): Finding[] {
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    const level = settings.rules[rule.id];
    if (level === 'off') continue;
    if (rule.meta.dialects && !rule.meta.dialects.includes(dialect.id)) continue;
    const severityOverride: Severity | undefined = level;
    const context: RuleContext = {
      doc,
      dialect,
      config,
      settings,
      filePath,
      report: (descriptor) => findings.push(toFinding(rule, descriptor, doc.lines, severityOverride)),
    };
    try {
      rule.check(context);
    } catch (error) {
      options.onRuleError?.(rule.id, error);
    }
  }
  return findings.sort(compareFindings);
}

function toFinding(rule: Rule, descriptor: ReportDescriptor, lines: LineIndex, severityOverride: Severity | undefined): Finding {
  const offset = descriptor.node?.offset ?? descriptor.offset ?? 0;
  const length = descriptor.node?.length ?? descriptor.length ?? 0;
  return {
    ruleId: rule.id,
    category: rule.meta.category,
    severity: severityOverride ?? descriptor.severity ?? rule.meta.defaultSeverity,
    range: lines.rangeAt(offset, length),
    server: descriptor.server?.name ?? null,
    message: descriptor.message,
    fixes: (descriptor.fixes ?? []).map((fix) => toFix(fix, lines)),
  };
}

function toFix(fix: FixSpec, lines: LineIndex): Fix {
  const convert = (edits: OffsetEdit[]) => edits.map((edit) => ({ range: lines.rangeAt(edit.offset, edit.length), newText: edit.content }));
  if (typeof fix.edits !== 'function') {
    return { title: fix.title, safe: fix.safe, ...(fix.preferred ? { preferred: true } : {}), edits: convert(fix.edits) };
  }
  // Computed on first read and remembered; enumerable so JSON and spreads still see it.
  const compute = fix.edits;
  let edits: TextEdit[] | undefined;
  const result = { title: fix.title, safe: fix.safe, ...(fix.preferred ? { preferred: true } : {}) } as Fix;
  Object.defineProperty(result, 'edits', { enumerable: true, configurable: true, get: () => (edits ??= convert(compute())) });
  return result;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId);
}
