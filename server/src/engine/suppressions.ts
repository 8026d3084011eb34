import type { ParsedDocument } from '../core/tree';
import type { Finding, OffsetEdit } from '../core/types';
import type { SuppressionEntry } from '../common/settings';
import { matchesFilePattern } from '../core/glob';

/**
 * In-file suppressions (JSONC `//` or block comments, TOML and YAML `#` comments):
 *
 *   // mcp-hygiene-disable-next-line unpinned-npm-package, secret-in-env -- vendored copy
 *   # mcp-hygiene-disable deprecated-sse-transport -- the vendor has no HTTP endpoint yet
 *
 * `disable-next-line` silences findings that start on the line after the comment;
 * `disable` silences the rules in the whole file. `*` stands for every rule. Text after
 * ` -- ` is the reason; a suppression without one gets a hint, one that silenced nothing
 * is reported as unused. Pure: reads the comments the parser found (never a `#` inside a
 * string).
 */
export interface Suppression {
  kind: 'next-line' | 'file';
  rules: string[];
  reason: string;
  /** The comment's offset range. */
  offset: number;
  length: number;
  /** 0-based line the comment is on; a next-line suppression targets `line + 1`. */
  line: number;
}

export const SUPPRESSION_PREFIX = 'mcp-hygiene-disable';
const DIRECTIVE = /^\s*mcp-hygiene-disable(-next-line)?(?=\s|$)\s*(.*)$/s;

/** Every suppression comment of the document, in order. */
export function parseSuppressions(doc: ParsedDocument): Suppression[] {
  const found: Suppression[] = [];
  for (const comment of doc.comments()) {
    const raw = doc.text.slice(comment.offset, comment.offset + comment.length);
    const body = stripCommentMarkers(raw);
    const match = DIRECTIVE.exec(body);
    if (!match) continue;
    const rest = match[2].trim();
    const separator = rest.search(/(?:^|\s)--(?:\s|$)/);
    const list = separator < 0 ? rest : rest.slice(0, separator);
    const reason =
      separator < 0
        ? ''
        : rest
            .slice(separator)
            .replace(/^\s*--/, '')
            .trim();
    const rules = list
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    found.push({
      kind: match[1] ? 'next-line' : 'file',
      rules,
      reason,
      offset: comment.offset,
      length: comment.length,
      line: doc.lines.positionAt(comment.offset).line,
    });
  }
  return found;
}

function stripCommentMarkers(raw: string): string {
  if (raw.startsWith('//')) return raw.slice(2);
  if (raw.startsWith('/*'))
    return raw
      .slice(2)
      .replace(/\*\/$/, '')
      .replace(/^\s*\*\s?/gm, ' ');
  if (raw.startsWith('#')) return raw.slice(1);
  return raw;
}

/** What `applySuppressions` needs besides the findings. */
export interface SuppressionInput {
  doc: ParsedDocument;
  filePath: string;
  /** Settings / `.mcp-hygiene.json` entries (for files that cannot hold comments). */
  entries: readonly SuppressionEntry[];
  /** Rules that ran on this file: a suppression of a rule that did not run is not "unused". */
  ranRules: ReadonlySet<string>;
  /** Rule ids the engine knows (an unknown id in a suppression is reported). */
  knownRules: ReadonlySet<string>;
}

export interface SuppressionResult {
  /** Findings left after suppression. */
  kept: Finding[];
  suppressed: Finding[];
  /** Problems with the suppressions themselves, as (offset range, kind, message). */
  problems: Array<{ kind: 'unused' | 'no-reason'; offset: number; length: number; message: string; ruleIds: string[] }>;
}

/** Filters `findings` through the file's suppression comments and the settings entries. */
export function applySuppressions(findings: readonly Finding[], input: SuppressionInput): SuppressionResult {
  const suppressions = parseSuppressions(input.doc);
  const entries = input.entries.filter((entry) => matchesFilePattern(entry.file, input.filePath));
  const used = suppressions.map((s) => new Set<string>());
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    let hit = false;
    suppressions.forEach((s, index) => {
      if (!coversRule(s.rules, finding.ruleId)) return;
      if (s.kind === 'next-line' && finding.range.start.line !== s.line + 1) return;
      used[index].add(s.rules.includes(finding.ruleId) ? finding.ruleId : '*');
      hit = true;
    });
    if (!hit)
      hit = entries.some((entry) => (entry.rule === '*' || entry.rule === finding.ruleId) && (entry.server === undefined || entry.server === finding.server));
    (hit ? suppressed : kept).push(finding);
  }
  const problems: SuppressionResult['problems'] = [];
  suppressions.forEach((s, index) => {
    const where = s.kind === 'next-line' ? 'on the next line' : 'in this file';
    if (s.rules.length === 0) {
      problems.push({
        kind: 'unused',
        offset: s.offset,
        length: s.length,
        ruleIds: [],
        message: `Suppression names no rule: add the rule ids it should silence. As written it silences nothing; e.g. "${SUPPRESSION_PREFIX}${s.kind === 'next-line' ? '-next-line' : ''} secret-in-env -- <reason>".`,
      });
      return;
    }
    const unused = s.rules.filter((id) => {
      if (id === '*') return used[index].size === 0;
      if (!input.knownRules.has(id)) return true;
      return input.ranRules.has(id) && !used[index].has(id);
    });
    if (unused.length > 0) {
      const unknown = unused.filter((id) => id !== '*' && !input.knownRules.has(id));
      const detail = unknown.length > 0 ? ` (${unknown.map((id) => `"${id}"`).join(', ')} is not an MCP Hygiene rule id)` : '';
      problems.push({
        kind: 'unused',
        offset: s.offset,
        length: s.length,
        ruleIds: unused,
        message: `Unused suppression: remove it so it cannot hide a future problem. ${unused.map((id) => `"${id}"`).join(', ')} reports nothing ${where}${detail}.`,
      });
    }
    if (s.reason === '') {
      problems.push({
        kind: 'no-reason',
        offset: s.offset,
        length: s.length,
        ruleIds: s.rules,
        message: `Suppression without a reason: add one after " -- " so reviewers can judge it (e.g. "-- reviewed by security, see TICKET-123").`,
      });
    }
  });
  return { kept, suppressed, problems };
}

function coversRule(rules: readonly string[], ruleId: string): boolean {
  return rules.includes(ruleId) || rules.includes('*');
}

/**
 * The edit inserting a suppression comment: above `line` (next-line) with that line's
 * indentation, or at the top of the file (file scope). Comment syntax follows the file
 * (`//` for JSONC, `#` for TOML and YAML); the reason is left for the user to write.
 */
export function suppressionEdit(doc: ParsedDocument, ruleId: string, scope: 'line' | 'file', line: number): OffsetEdit {
  const marker = doc.syntax === 'json' ? '//' : '#';
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  if (scope === 'file') {
    const bom = doc.text.startsWith('\uFEFF') ? 1 : 0;
    return { offset: bom, length: 0, content: `${marker} ${SUPPRESSION_PREFIX} ${ruleId} -- ${eol}` };
  }
  const lineStart = doc.lines.offsetAt({ line, character: 0 });
  const indent = /^[ \t]*/.exec(doc.text.slice(lineStart))?.[0] ?? '';
  return { offset: lineStart, length: 0, content: `${indent}${marker} ${SUPPRESSION_PREFIX}-next-line ${ruleId} -- ${eol}` };
}
