import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findKnownFormat } from '../../../server/src/secrets/knownFormats';
import { detectSecret } from '../../../server/src/secrets/detect';
import { Rng, TOKEN_KINDS } from './tokens';

/**
 * What secretlint's recommended preset recognises on its own, and what our context rules
 * add. The split is recorded here so a preset upgrade that changes it is noticed.
 */
const SECRETLINT_ALONE = new Set([
  'github-classic',
  'github-fine',
  'github-oauth',
  'github-app',
  'openai-proj',
  'openai-legacy',
  'anthropic',
  'aws-key-id',
  'slack-bot',
  'slack-user',
  'slack-app',
  'notion',
  'linear',
  'groq',
  'huggingface',
  'figma',
  'gitlab',
  'npm',
  'docker',
  'vercel',
  'databricks',
  'grafana',
  'shopify',
  'onepassword',
  'private-key',
]);

test('secretlint alone: which formats of docs/secret-formats.md it recognises without a key name', () => {
  const rng = new Rng(99);
  const caught: string[] = [];
  for (const kind of TOKEN_KINDS) {
    const all = [0, 1, 2, 3, 4].every(() => findKnownFormat(kind.make(rng)) !== undefined);
    if (all) caught.push(kind.id);
  }
  console.log(`secretlint recommended preset alone: ${caught.length}/${TOKEN_KINDS.length} formats: ${caught.join(', ')}`);
  assert.deepEqual(new Set(caught), SECRETLINT_ALONE);
});

test('combined with our context rules every format is found under its usual env name', () => {
  const rng = new Rng(100);
  const missed = TOKEN_KINDS.filter((kind) => ![0, 1, 2, 3, 4].every(() => detectSecret(kind.make(rng), kind.env) !== undefined)).map((k) => k.id);
  assert.deepEqual(missed, []);
});

test('secretlint runs only on candidate values, and stays fast', () => {
  const rng = new Rng(101);
  const values = TOKEN_KINDS.map((k) => k.make(rng));
  findKnownFormat(values[0]);
  const start = process.hrtime.bigint();
  for (const value of values) findKnownFormat(value);
  const perValue = Number(process.hrtime.bigint() - start) / values.length / 1000;
  console.log(`secretlint: ${perValue.toFixed(0)} µs per candidate value`);
  // Plain words, paths and versions never reach it.
  for (const value of ['production', '/usr/local/bin/node', '@modelcontextprotocol/server-github@0.6.2', '--read-only']) {
    assert.equal(findKnownFormat(value), undefined);
  }
  assert.ok(perValue < 5000);
});
