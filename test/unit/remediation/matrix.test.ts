import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyFix, lint } from '../../../server/src/engine';
import { checkFixInvariants, emptyStats } from '../../fuzz/lib/fixInvariants';
import { matrixDialects, matrixRows, renderRemediation } from './matrix';
import { PASSWORD, PLACES, TOKEN } from './samples';

const repoRoot = resolve(__dirname, '..', '..', '..');
const rows = matrixRows();

test('docs/remediation.md is the matrix the code generates (node --import tsx scripts/remediation.mjs)', () => {
  const page = readFileSync(join(repoRoot, 'docs', 'remediation.md'), 'utf8');
  assert.equal(page, renderRemediation(rows), 'docs/remediation.md is out of date: run node --import tsx scripts/remediation.mjs');
});

test('the matrix covers every client dialect that holds servers, at every place its entries have, each with a documented mechanism and source', () => {
  const dialects = matrixDialects();
  assert.ok(dialects.length >= 24, `${dialects.length} dialects`);
  for (const dialect of dialects) {
    assert.ok(dialect.secretDelivery?.mechanism && dialect.secretDelivery.source, `${dialect.id} declares secretDelivery`);
    const places = rows.filter((r) => r.dialect === dialect).map((r) => r.place);
    const stdio = PLACES.filter((p) => p.srv.url === undefined).map((p) => p.place);
    for (const place of stdio) assert.ok(places.includes(place), `${dialect.id}: ${place}`);
    if (dialect.schema?.remote && dialect.id !== 'claude-desktop')
      for (const p of PLACES.filter((x) => x.srv.url !== undefined)) assert.ok(places.includes(p.place), `${dialect.id}: ${p.place}`);
  }
  console.log(`remediation matrix: ${dialects.length} client formats, ${rows.length} rows, ${rows.filter((r) => r.fixes.length).length} with a fix`);
});

test('every fix in the matrix keeps the fix invariants: valid output, bytes outside the edits unchanged, the finding gone, nothing new, not offered twice', () => {
  const stats = emptyStats();
  for (const row of rows) checkFixInvariants(`${row.dialect.id} / ${row.place}`, row.text, row.path, stats);
  assert.deepEqual(stats.violations, []);
  assert.ok(stats.fixes >= rows.filter((r) => r.fixes.length).length);
});

test('applying each fix leaves no plaintext in the file; a row without a fix says what to do instead', () => {
  for (const row of rows) {
    const finding = lint(row.text, row.path).find((f) => f.ruleId === row.finding.ruleId)!;
    if (!finding.fixes.length) {
      assert.match(
        finding.message,
        /wrapper that reads it from your keychain or an env file outside the repository|OAuth sign-in if it offers one|env_vars|env_keys|bearer_token_env_var|Remove it from env/,
        `${row.dialect.id} / ${row.place}`,
      );
      continue;
    }
    for (const fix of finding.fixes) {
      const out = applyFix(row.text, fix);
      assert.ok(!out.includes(TOKEN) && !out.includes(PASSWORD), `${row.dialect.id} / ${row.place}: "${fix.title}" left the plaintext`);
    }
  }
});
