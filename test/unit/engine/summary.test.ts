import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortValue, summaryOf } from '../../../server/src/core/summary';

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
  // A token-like run stays whole, so the message safety net can still recognise and mask it.
  const token = 'ghp_' + 'R8x2Lq9Vw4Zt7Yp3Kc6Nb1Md5Fh0Js2Gk8Pa';
  assert.equal(shortValue(`8080:${token}`, 20), `8080:${token}`);
});
