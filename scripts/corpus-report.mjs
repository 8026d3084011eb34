// The corpus report: every file of the shared real-world corpus (../shared/corpus/real),
// linted as if it sat at the path MANIFEST.tsv gives it, with the detection table, the
// findings per rule, and every finding with the reviewer's verdict from
// docs/rules/corpus-verdicts.tsv. Needs the shared folder at ../shared.
//   node --import tsx scripts/corpus-report.mjs           the detection table (for closing notes)
//   node --import tsx scripts/corpus-report.mjs --list    ... and the detection exceptions
//   node --import tsx scripts/corpus-report.mjs --write   write docs/rules/corpus-report.md
//   node --import tsx scripts/corpus-report.mjs --check   exit 1 if that file is out of date
// --write and --check fail when a finding has no verdict, when a verdict matches nothing,
// when a finding marked "fixed" is back, or when a secret value would appear in the report.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const { runCorpus, corpusTable, formatCorpusTable, corpusDir, EXCEPTIONS } = await import('../test/unit/corpus/corpusReport.ts');
const { analyze } = await import('../server/src/engine/lint.ts');
const { RULES } = await import('../server/src/rules/index.ts');
const { detectSecret } = await import('../server/src/secrets/detect.ts');

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = join(repoRoot, 'docs', 'rules', 'corpus-report.md');
const VERDICTS = join(repoRoot, 'docs', 'rules', 'corpus-verdicts.tsv');
const SEVERITIES = ['error', 'warning', 'information', 'hint'];

const rows = runCorpus(repoRoot);
const mode = process.argv.includes('--write') ? 'write' : process.argv.includes('--check') ? 'check' : 'table';

if (mode === 'table') {
  console.log(formatCorpusTable(corpusTable(rows)));
  for (const row of rows) {
    if (row.error || row.detected !== row.expected)
      console.log(`MISDETECTED ${row.file}: expected ${row.expected}, got ${row.detected}${row.error ? ' (threw: ' + row.error.split('\n')[0] + ')' : ''}`);
    else if (process.argv.includes('--list') && row.exception) console.log(`exception ${row.file} -> ${row.detected}: ${row.exception}`);
  }
  process.exit(0);
}

const { markdown, problems } = buildReport();
if (mode === 'write') {
  if (problems.length) fail(problems);
  writeFileSync(REPORT, markdown);
  console.log(`Wrote ${REPORT.slice(repoRoot.length + 1)}.`);
} else {
  let committed = '';
  try {
    committed = readFileSync(REPORT, 'utf8');
  } catch {
    problems.push(`${REPORT.slice(repoRoot.length + 1)} does not exist.`);
  }
  if (committed && committed !== markdown)
    problems.push('docs/rules/corpus-report.md is out of date: run node --import tsx scripts/corpus-report.mjs --write (after reviewing any new finding).');
  if (problems.length) fail(problems);
  console.log('docs/rules/corpus-report.md is up to date.');
}

function fail(list) {
  for (const p of list) console.error(p);
  process.exit(1);
}

function buildReport() {
  const problems = [];
  const dir = corpusDir(repoRoot);
  const manifest = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t'));

  // Lint every file where it lived: /<owner>/<repo>/<original path>.
  const findings = [];
  const linted = new Map();
  let notConfig = 0;
  for (const [file, repo, path] of manifest) {
    const text = readFileSync(join(dir, file), 'utf8');
    const analysis = analyze(text.startsWith('\uFEFF') ? text.slice(1) : text, `/${repo}/${path}`);
    if (!analysis) {
      notConfig++;
      continue;
    }
    linted.set(analysis.dialect.id, (linted.get(analysis.dialect.id) ?? 0) + 1);
    for (const f of analysis.findings) {
      const start = analysis.doc.lines.offsetAt(f.range.start);
      const end = analysis.doc.lines.offsetAt(f.range.end);
      findings.push({
        file,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        ruleId: f.ruleId,
        category: f.category,
        severity: f.severity,
        server: f.server,
        message: f.message,
        source: analysis.doc.text,
        start,
        end,
      });
    }
  }

  // Verdicts: the most specific matching line wins.
  const verdicts = readFileSync(VERDICTS, 'utf8')
    .split(/\r?\n/)
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim() && !line.startsWith('#'))
    .map(({ line, number }) => {
      const [rule, where, verdict, reason] = line.split('\t');
      if (!reason || !['stands', 'false positive', 'fixed'].includes(verdict))
        problems.push(`corpus-verdicts.tsv:${number}: expected "rule<TAB>where<TAB>stands|false positive|fixed<TAB>reason"`);
      if (!RULES.some((r) => r.id === rule)) problems.push(`corpus-verdicts.tsv:${number}: unknown rule ${rule}`);
      return { rule, where, verdict, reason, number, used: 0 };
    });
  const specificity = (where) => (where === '*' ? 0 : where.split(':').length);
  for (const f of findings) {
    const candidates = verdicts.filter(
      (v) =>
        v.rule === f.ruleId && (v.where === '*' || v.where === f.file || v.where === `${f.file}:${f.line}` || v.where === `${f.file}:${f.line}:${f.column}`),
    );
    const best = candidates.sort((a, b) => specificity(b.where) - specificity(a.where))[0];
    if (!best) {
      problems.push(`No verdict for ${f.file}:${f.line}:${f.column} ${f.ruleId} (${f.severity}): ${f.message}`);
      continue;
    }
    best.used++;
    f.verdict = best;
    if (best.verdict === 'fixed') problems.push(`${f.file}:${f.line} ${f.ruleId} is marked fixed (corpus-verdicts.tsv:${best.number}) but is reported again.`);
  }
  for (const v of verdicts)
    if (v.used === 0 && v.verdict !== 'fixed') problems.push(`corpus-verdicts.tsv:${v.number}: ${v.rule} ${v.where} matches no finding (stale).`);

  // Secret check, on the raw text (before markdown escaping): no flagged secret literal, and
  // nothing in a known token format, may appear anywhere in the report.
  const raw = [...findings.map((f) => f.message), ...verdicts.map((v) => v.reason)].join('\n');
  const allowed = [];
  for (const f of findings.filter((x) => x.category === 'secret')) {
    const value = f.source.slice(f.start, f.end).replace(/^(["'])([\s\S]*)\1$/, '$2');
    // A variable reference (`${GITHUB_TOKEN}`, mirrored from the host) names a secret, it is not one.
    if (value.length < 4 || /^(?:\$\{[^}]*\}|\$[A-Za-z_]\w*|\{env:[^}]*\})$/.test(value) || !raw.includes(value)) continue;
    // A password that is the user name (`user:user@host`) is printed as the user name.
    if (f.source.slice(0, f.start).endsWith(`//${value}:`)) {
      allowed.push(`${f.file}:${f.line} (${f.ruleId}): the password is the user name, which the message names`);
      continue;
    }
    problems.push(`SECRET: the flagged value of ${f.file}:${f.line} ${f.ruleId} appears in the report.`);
  }
  for (const word of new Set(raw.match(/[A-Za-z0-9_\-+/=.~]{12,}/g) ?? [])) {
    if (detectSecret(word)?.reason === 'format') problems.push(`SECRET: "${word.slice(0, 4)}…" in the report has a known token format.`);
  }

  // ---- the markdown ----
  const md = [];
  const esc = (text) =>
    String(text)
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/</g, '&lt;')
      .replace(/([*_`[\]])/g, '\\$1')
      .replace(/\r?\n/g, ' ');
  const count = (list, pred) => list.filter(pred).length;
  const table = corpusTable(rows);
  const totals = (key) => table.reduce((n, r) => n + r[key], 0);
  const bySeverity = (list) => SEVERITIES.map((s) => `${count(list, (f) => f.severity === s)} ${s}`).join(', ');
  const fileCount = (list) => new Set(list.map((f) => f.file)).size;
  const stand = findings.filter((f) => f.verdict?.verdict === 'stands');
  const falsePositives = findings.filter((f) => f.verdict?.verdict === 'false positive');
  const fixed = verdicts.filter((v) => v.verdict === 'fixed');
  const fired = RULES.filter((r) => findings.some((f) => f.ruleId === r.id));
  const dialectCounts = [...linted].sort(([a, n], [b, m]) => Number(a === 'generic') - Number(b === 'generic') || m - n || (a < b ? -1 : 1));

  md.push('# Corpus report: every finding over the real configs, reviewed', '');
  md.push('Generated by `node --import tsx scripts/corpus-report.mjs --write`; do not edit by hand (verdicts live in');
  md.push('[corpus-verdicts.tsv](corpus-verdicts.tsv); `--check` fails when this file is out of date, when a finding has no');
  md.push('verdict, or when a secret value would appear here).', '');
  md.push(`Input: \`../shared/corpus/real/\`, ${manifest.length} MCP config files from public repositories. Each file is linted as if it`);
  md.push('sat at the path `MANIFEST.tsv` gives it (`/<owner>/<repo>/<path>`), so the dialect is detected from that path as in a');
  md.push('checkout — the method of `test/unit/corpus/detection.test.ts`. Default settings, no network, all');
  md.push(`${RULES.length} rules. Messages are the engine's, which never contain secret values; this script checks that again.`, '');

  md.push('## Summary', '');
  md.push(
    `- Detection: ${totals('files')} files; ${totals('detected')} detected as the client their folder names, ${totals('exceptions')} listed exceptions, ${totals('misdetected')} misdetected, ${totals('unparsed')} with parse problems (kept on purpose).`,
  );
  md.push(
    `- Linted: ${[...linted.values()].reduce((a, b) => a + b, 0)} files (${dialectCounts.map(([id, n]) => `${id} ${n}`).join(', ')}); ${notConfig} not an MCP config.`,
  );
  md.push(
    `- Findings: ${findings.length} in ${fileCount(findings)} files (${bySeverity(findings)}); ${fired.length} of ${RULES.length} rules report something.`,
  );
  md.push(
    `- Review: every finding read. ${stand.length} stand; ${falsePositives.length} false positives (not fixed here; listed below for the rules' owners); ${fixed.length} false positive${fixed.length === 1 ? '' : 's'} fixed (no longer reported).`,
  );
  md.push(
    `- Secret check: no flagged secret literal and nothing in a known token format appears in this report${allowed.length ? ` (${allowed.length} allowed: ${allowed.join('; ')})` : ''}.`,
  );
  md.push('');

  md.push('## Detection per dialect', '');
  md.push(formatCorpusTable(table), '');
  md.push('Exceptions (files whose path does not name their client, and what they are detected as):', '');
  for (const [file, e] of Object.entries(EXCEPTIONS)) md.push(`- \`${file}\` → ${e.detected ?? 'not an MCP config'}: ${esc(e.reason)}`);
  md.push('', 'Files with parse problems (broken in the original repository; each gets a finding):', '');
  for (const row of rows.filter((r) => r.unparsed)) md.push(`- \`${row.file}\` (${row.detected})`);
  md.push('');

  md.push('## Findings per rule', '');
  md.push('| Rule | Category | Findings | Files | error | warning | information | hint | Stand | False positives |');
  md.push('|---|---|---|---|---|---|---|---|---|---|');
  const perRule = fired.map((r) => [r, findings.filter((f) => f.ruleId === r.id)]).sort(([a, x], [b, y]) => y.length - x.length || (a.id < b.id ? -1 : 1));
  for (const [rule, list] of perRule) {
    md.push(
      `| [${rule.id}](${rule.id}.md) | ${rule.meta.category} | ${list.length} | ${fileCount(list)} | ${SEVERITIES.map((s) => count(list, (f) => f.severity === s)).join(' | ')} | ${count(list, (f) => f.verdict?.verdict === 'stands')} | ${count(list, (f) => f.verdict?.verdict === 'false positive')} |`,
    );
  }
  md.push(
    `| **total** | | **${findings.length}** | ${fileCount(findings)} | ${SEVERITIES.map((s) => count(findings, (f) => f.severity === s)).join(' | ')} | ${stand.length} | ${falsePositives.length} |`,
    '',
  );
  const silent = RULES.filter((r) => !fired.includes(r));
  md.push(`No finding in the corpus (${silent.length} rules; their fixtures and tests cover them): ${silent.map((r) => r.id).join(', ')}.`, '');

  md.push('## Reviewed', '');
  md.push('### False positives', '');
  md.push('Findings a careful reviewer would not flag. "fixed" ones are no longer reported; the others are reported to the rules\' owners.', '');
  md.push('| Rule | File | Line | Severity | Status | Why |');
  md.push('|---|---|---|---|---|---|');
  for (const f of falsePositives) md.push(`| ${f.ruleId} | \`${f.file}\` | ${f.line} | ${f.severity} | not fixed | ${esc(f.verdict.reason)} |`);
  for (const v of fixed) {
    const [file, line] = v.where.split(':');
    md.push(`| ${v.rule} | \`${file}\` | ${line ?? ''} | — | fixed | ${esc(v.reason)} |`);
  }
  md.push('', '### Why the other findings stand', '');
  for (const [rule, list] of perRule) {
    const general = verdicts.find((v) => v.rule === rule.id && v.where === '*' && v.verdict === 'stands');
    const standing = count(list, (f) => f.verdict?.verdict === 'stands');
    if (!standing) continue;
    const own = verdicts.filter((v) => v.rule === rule.id && v.where !== '*' && v.verdict === 'stands');
    md.push(`- **${rule.id}** (${standing} of ${list.length}): ${esc(general?.reason ?? own.map((v) => v.reason).join(' '))}`);
  }
  md.push('');

  md.push('## Every finding', '');
  md.push('Sorted by file, then line. Line and column are 1-based. Verdict "stands" is explained per rule above.', '');
  md.push('| # | File | Line | Rule | Severity | Server | Message | Verdict |');
  md.push('|---|---|---|---|---|---|---|---|');
  const order = new Map(manifest.map(([file], i) => [file, i]));
  findings.sort(
    (a, b) => order.get(a.file) - order.get(b.file) || a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  findings.forEach((f, i) => {
    const verdict = !f.verdict ? '**UNREVIEWED**' : f.verdict.verdict === 'stands' ? 'stands' : `**${f.verdict.verdict}**`;
    md.push(
      `| ${i + 1} | \`${f.file}\` | ${f.line}:${f.column} | ${f.ruleId} | ${f.severity} | ${f.server === null ? '—' : esc(f.server)} | ${esc(f.message)} | ${verdict} |`,
    );
  });
  md.push('');
  return { markdown: md.join('\n'), problems };
}
