import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadCorpus, loadFixtures } from '../../fuzz/lib/corpus';
import { checkFixInvariants, emptyStats, FIX_EXCEPTIONS } from '../../fuzz/lib/fixInvariants';
import { generatedFixProperty } from '../../fuzz/lib/generatedFixes';
import { fuzzRuns, fuzzSeed } from '../../fuzz/lib/config';

const corpus = loadCorpus();

function report(label: string, stats: ReturnType<typeof emptyStats>): void {
  console.log(
    `# ${label}: ${stats.files} files, ${stats.findings} findings, ${stats.fixes} fixes (${stats.safeFixes} safe) applied and re-linted, ${stats.fixAllRuns} fixAll runs; exceptions used: ${[...stats.exceptionsUsed].map(([k, n]) => `${k} x${n}`).join(', ') || 'none'}`,
  );
}

test('every documented fix exception has a reason', () => {
  for (const e of FIX_EXCEPTIONS) assert.ok(e.reason.length > 40, `${e.fixedRule} -> ${e.appears}`);
});

test(
  'every fix offered on every corpus file keeps the fix invariants; fixAll is idempotent',
  { skip: corpus.length === 0 && 'corpus not on this machine' },
  () => {
    const stats = emptyStats();
    for (const file of corpus) checkFixInvariants(file.name, file.text, file.lintPath, stats);
    report('corpus fix invariants', stats);
    assert.deepEqual(stats.violations, []);
    assert.ok(stats.fixes > 0, 'the corpus offered no fix at all');
  },
);

test('every fix offered on every fixture keeps the fix invariants', () => {
  const fixtures = loadFixtures();
  const stats = emptyStats();
  for (const file of fixtures) checkFixInvariants(file.name, file.text, file.lintPath, stats);
  report('fixture fix invariants', stats);
  assert.deepEqual(stats.violations, []);
});

test('property: every fix offered on generated configs (every syntax, every dialect) keeps the fix invariants', () => {
  const stats = emptyStats();
  fc.assert(generatedFixProperty(stats), { seed: fuzzSeed(), numRuns: fuzzRuns(40), includeErrorInReport: true });
  report('generated fix invariants', stats);
});
