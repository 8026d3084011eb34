import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULES } from '../../../server/src/rules';
import { landscapeRows, renderRulesIndex, withIndex } from './rulesIndex';

const repoRoot = resolve(__dirname, '..', '..', '..');
const docs = join(repoRoot, 'docs', 'rules');
const readme = readFileSync(join(docs, 'README.md'), 'utf8');

test('docs/rules/README.md: the rule index is the one the rule metas generate (node --import tsx scripts/rules-index.mjs)', () => {
  assert.equal(withIndex(readme, renderRulesIndex(RULES)), readme, 'the index is out of date: run node --import tsx scripts/rules-index.mjs');
  for (const rule of RULES) assert.ok(readme.includes(`| [${rule.id}](${rule.id}.md) |`), `${rule.id} is in the index`);
});

test("every rule page's Fixable header agrees with meta.fixable", () => {
  for (const rule of RULES) {
    const header = /Fixable: \*\*([^*]+)\*\*/.exec(readFileSync(join(docs, `${rule.id}.md`), 'utf8'))?.[1];
    assert.ok(header, `${rule.id}.md has a "Fixable: **…**" header`);
    assert.equal(/^yes\b/i.test(header), rule.meta.fixable, `${rule.id}: meta.fixable is ${rule.meta.fixable} but the page says "Fixable: ${header}"`);
  }
});

test('the landscape section accounts for each of the 63 checks, naming only rules that exist', () => {
  const rows = landscapeRows(readme);
  const landscape = join(repoRoot, '..', 'shared', 'docs', 'checks-landscape.md');
  assert.ok(existsSync(landscape), `the shared landscape is missing: ${landscape}`);
  const checks = [...readFileSync(landscape, 'utf8').matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
  assert.equal(checks.length, 63);
  assert.deepEqual(
    rows.map((r) => r.number),
    checks,
    'one row per landscape check, in order',
  );
  const ids = new Set(RULES.map((r) => r.id));
  const counts: Record<string, number[]> = {};
  for (const row of rows) {
    assert.ok(['implemented', 'partly', 'covered', 'not decidable', 'not implemented'].includes(row.status), `#${row.number}: status "${row.status}"`);
    for (const id of row.rules) assert.ok(ids.has(id), `#${row.number} links to ${id}.md, which is not a rule`);
    if (row.status !== 'not decidable' && row.status !== 'not implemented') assert.ok(row.rules.length > 0, `#${row.number} (${row.status}) names the rule`);
    (counts[row.status] ??= []).push(row.number);
  }
  // The summary line under the table matches the table.
  const summary =
    /Summary: implemented (\d+), partly (\d+) \(([^)]*)\), covered by other rules (\d+)\s+\(([^)]*)\), not decidable from the file (\d+) \(([^)]*)\), not\s+implemented (\d+)/.exec(
      readme,
    );
  assert.ok(summary, 'the summary line is there');
  assert.equal(Number(summary[1]), counts.implemented.length);
  assert.equal(Number(summary[2]), counts.partly.length);
  assert.equal(summary[3].replace(/^#/, ''), counts.partly.join(', '));
  assert.equal(Number(summary[4]), counts.covered.length);
  assert.equal(summary[5].replace(/^#/, ''), counts.covered.join(', '));
  assert.equal(Number(summary[6]), counts['not decidable'].length);
  assert.equal(summary[7].replace(/^#/, ''), counts['not decidable'].join(', '));
  assert.equal(Number(summary[8]), counts['not implemented'].length);
});

test('every relative link in docs/rules/README.md resolves', () => {
  for (const [, target] of readme.matchAll(/\]\(((?!https?:)[^)#]+)\)/g)) {
    assert.ok(existsSync(resolve(docs, target)), `README.md links to ${target}, which does not exist`);
  }
});
