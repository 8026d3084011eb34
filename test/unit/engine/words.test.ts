import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitWords } from '../../../server/src/core/words';
import { normaliseName } from '../../../server/src/secrets/keyNames';
import { toolRisk } from '../../../server/src/permissions/toolNames';
import { tlsOffByArg } from '../../../server/src/rules/tls-verification-disabled';

test('names split into lower-case words at separators, camelCase humps and the end of an acronym', () => {
  assert.deepEqual(splitWords('runSQLQuery'), ['run', 'sql', 'query']);
  assert.deepEqual(splitWords('tavilyApiKey'), ['tavily', 'api', 'key']);
  assert.deepEqual(splitWords('X-API-Key'), ['x', 'api', 'key']);
  assert.deepEqual(splitWords('GITHUB_TOKEN_2'), ['github', 'token', '2']);
  assert.deepEqual(splitWords('--insecureSkipTLSVerify'), ['insecure', 'skip', 'tls', 'verify']);
  assert.deepEqual(splitWords('get2FACode'), ['get2', 'fa', 'code']);
  assert.deepEqual(splitWords('github.push_files'), ['github', 'push', 'files']);
  assert.deepEqual(splitWords(''), []);
  assert.deepEqual(splitWords('__'), []);
});

test('a letter whose lower case is ASCII reads as that letter, so it cannot break a word apart', () => {
  // U+212A KELVIN SIGN lower-cases to "k".
  assert.deepEqual(splitWords('API_\u212AEY'), ['api', 'key']);
  assert.equal(normaliseName('API_\u212AEY'), 'api_key');
});

test('the readers of names agree on the words', () => {
  assert.equal(normaliseName('tavilyApiKey'), 'tavily_api_key');
  assert.equal(normaliseName('X-Subscription-Token'), 'x_subscription_token');
  assert.equal(toolRisk('runSQLQuery')?.word, 'run');
  assert.equal(tlsOffByArg('--insecureSkipTLSVerify'), true);
});

test('a run of capitals is split in one pass (it came from the workspace)', () => {
  // `([A-Z]+)([A-Z][a-z])` re-read the run from each of its letters: 60 000 capitals took seconds.
  const run = 'A'.repeat(200_000);
  assert.deepEqual(splitWords(run + 'Bc'), [run.toLowerCase(), 'bc']);
  assert.equal(normaliseName(run + '_KEY'), run.toLowerCase() + '_key');
});
