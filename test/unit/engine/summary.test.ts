import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortValue, summaryOf } from '../../../server/src/engine/summary';

test('the first sentence ends at . ! or ? before a space or the end, never inside quotes', () => {
  assert.equal(summaryOf('npm package "server.js." has no version: pin one. It changes at every start.'), 'npm package "server.js." has no version: pin one.');
  assert.equal(summaryOf('Runs node 1.2.3 from a file.'), 'Runs node 1.2.3 from a file.');
  assert.equal(summaryOf('No end here'), 'No end here');
  assert.equal(summaryOf('Is it pinned? Pin it.'), 'Is it pinned?');
});

test('long values keep their start and end', () => {
  assert.equal(shortValue('@modelcontextprotocol/server-brave-search', 40), '@modelcontextprotoco…server-brave-search');
  assert.equal(shortValue('@modelcontextprotocol/server-brave-search', 40).length, 40);
  assert.equal(shortValue('short'), 'short');
});
