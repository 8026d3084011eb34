import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus, loadFixtures } from '../../fuzz/lib/corpus';
import { fuzzSeed } from '../../fuzz/lib/config';
import { truncateAll } from '../../fuzz/lib/truncation';
import { DIALECTS } from '../../../server/src/engine';
import { dialectTargets, UNCLAIMED_PATHS } from '../../fuzz/lib/dialectPaths';
import { createPrng, sample } from '../../fuzz/lib/prng';
import { lintChecked } from '../../fuzz/lib/checks';

const corpus = loadCorpus();
const fixtures = loadFixtures();

test('every corpus file and fixture lints at its own path without crashing', { skip: corpus.length === 0 && 'corpus not on this machine' }, () => {
  for (const file of [...corpus, ...fixtures]) lintChecked(file.text, file.lintPath);
});

test('every corpus file lints at paths of every syntax and as two other dialects (wrong client, wrong syntax) without crashing', { skip: corpus.length === 0 && 'corpus not on this machine' }, () => {
  // Every file under every dialect path is the fuzz run's job (npm run fuzz, section crash).
  const targets = dialectTargets(DIALECTS);
  const random = createPrng(fuzzSeed());
  for (const file of corpus) {
    for (const path of UNCLAIMED_PATHS) lintChecked(file.text, path);
    for (const target of sample(random, targets, 2)) lintChecked(file.text, target.paths[0], { dialect: target.dialect.id });
  }
});

test('truncations of every corpus file at sampled cut points of every token-boundary class never crash', { skip: corpus.length === 0 && 'corpus not on this machine' }, () => {
  const stats = truncateAll([...corpus, ...fixtures], 1, fuzzSeed());
  assert.ok(stats.classes.size >= 10, `only ${stats.classes.size} cut classes seen`);
  console.log(`# truncation: ${stats.files} files, ${stats.cuts} cuts, classes: ${[...stats.classes].map(([c, n]) => `${c}=${n}`).join(' ')}`);
});
