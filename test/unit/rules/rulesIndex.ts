/**
 * The rule index in docs/rules/README.md is generated from the rule metas, so it cannot drift
 * from the code: `node --import tsx scripts/rules-index.mjs` rewrites the part between the
 * markers, and rulesIndex.test.ts fails when the committed part differs. The same test checks
 * that the landscape section accounts for all 63 checks and names only rules that exist.
 */
import type { Rule } from '../../../server/src/core/rule';

export const INDEX_START = '<!-- rules-index:start — generated from the rule metas by `node --import tsx scripts/rules-index.mjs`; do not edit by hand -->';
export const INDEX_END = '<!-- rules-index:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderRulesIndex(rules: readonly Rule[]): string {
  const byCategory = new Map<string, number>();
  for (const rule of rules) byCategory.set(rule.meta.category, (byCategory.get(rule.meta.category) ?? 0) + 1);
  const fixable = rules.filter((r) => r.meta.fixable).length;
  const lines = [
    INDEX_START,
    '',
    `${rules.length} rules — ${[...byCategory].map(([category, n]) => `${category} ${n}`).join(', ')}; ${fixable} offer a quick fix (whether fix-all / \`--fix\` applies it is on each rule's page).`,
    '',
    '| Rule | Category | Default severity | Fixable | OWASP MCP | Clients | What it finds |',
    '|---|---|---|---|---|---|---|',
    ...rules.map(
      (rule) =>
        '| ' +
        [
          `[${rule.id}](${rule.id}.md)`,
          rule.meta.category,
          rule.meta.defaultSeverity,
          rule.meta.fixable ? 'yes' : 'no',
          rule.meta.owasp.join(', ') || '—',
          rule.meta.dialects ? rule.meta.dialects.join(', ') : 'all',
          cell(rule.meta.description),
        ].join(' | ') +
        ' |',
    ),
    '',
    INDEX_END,
  ];
  return lines.join('\n');
}

/** `readme` with the generated part replaced by `index`; throws when the markers are missing. */
export function withIndex(readme: string, index: string): string {
  const start = readme.indexOf('<!-- rules-index:start');
  const end = readme.indexOf(INDEX_END);
  if (start < 0 || end < start) throw new Error('docs/rules/README.md has no rules-index markers');
  return readme.slice(0, start) + index + readme.slice(end + INDEX_END.length);
}

export interface LandscapeRow {
  number: number;
  check: string;
  status: string;
  /** Rule ids linked from the row (`[id](id.md)`). */
  rules: string[];
}

/** The rows of the "Checks in the landscape" table (`| 12 | check | status | … |`). */
export function landscapeRows(readme: string): LandscapeRow[] {
  const rows: LandscapeRow[] = [];
  for (const line of readme.split('\n')) {
    const match = /^\| (\d+) \| (.*?) \| \*\*(.+?)\*\* \| (.*) \|$/.exec(line);
    if (!match) continue;
    rows.push({ number: Number(match[1]), check: match[2], status: match[3], rules: [...match[4].matchAll(/\]\(([a-z0-9-]+)\.md\)/g)].map((m) => m[1]) });
  }
  return rows;
}
