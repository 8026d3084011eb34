import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus, loadFixtures } from '../../fuzz/lib/corpus';
import { fuzzSeed } from '../../fuzz/lib/config';
import { truncateAll } from '../../fuzz/lib/truncation';
import { lintEverywhere } from '../../fuzz/lib/properties';
import { lintChecked } from '../../fuzz/lib/checks';

const corpus = loadCorpus();
const fixtures = loadFixtures();

test('every corpus file and fixture lints at its own path without crashing', { skip: corpus.length === 0 && 'corpus not on this machine' }, () => {
  for (const file of [...corpus, ...fixtures]) lintChecked(file.text, file.lintPath);
});

test('every corpus file lints under every dialect path (wrong client, wrong syntax) without crashing', { skip: corpus.length === 0 && 'corpus not on this machine' }, () => {
  for (const file of corpus) lintEverywhere(file.text);
});

test('truncations of every corpus file at sampled cut points of every token-boundary class never crash', { skip: corpus.length === 0 && 'corpus not on this machine' }, () => {
  const stats = truncateAll([...corpus, ...fixtures], 2, fuzzSeed());
  assert.ok(stats.classes.size >= 10, `only ${stats.classes.size} cut classes seen`);
  console.log(`# truncation: ${stats.files} files, ${stats.cuts} cuts, classes: ${[...stats.classes].map(([c, n]) => `${c}=${n}`).join(' ')}`);
});
