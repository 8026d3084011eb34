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

test(
  'every corpus file lints at a path of another syntax and as another dialect (wrong client, wrong syntax) without crashing',
  { skip: corpus.length === 0 && 'corpus not on this machine' },
  () => {
    // Every file under every dialect path is the fuzz run's job (npm run fuzz, section crash).
    const targets = dialectTargets(DIALECTS);
    const random = createPrng(fuzzSeed());
    corpus.forEach((file, i) => {
      // One unclaimed path per file, rotating through the syntaxes, and one other dialect forced.
      lintChecked(file.text, UNCLAIMED_PATHS[i % UNCLAIMED_PATHS.length]);
      for (const target of sample(random, targets, 1)) lintChecked(file.text, target.paths[0], { dialect: target.dialect.id });
    });
  },
);

test(
  'truncations of every corpus file at sampled cut points of every token-boundary class never crash',
  { skip: corpus.length === 0 && 'corpus not on this machine' },
  () => {
    const stats = truncateAll([...corpus, ...fixtures], 1, fuzzSeed());
    assert.ok(stats.classes.size >= 10, `only ${stats.classes.size} cut classes seen`);
    console.log(`# truncation: ${stats.files} files, ${stats.cuts} cuts, classes: ${[...stats.classes].map(([c, n]) => `${c}=${n}`).join(' ')}`);
  },
);
