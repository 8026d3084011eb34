import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../server/src/handlers/analysis';
import { DEFAULT_SETTINGS } from '../../server/src/common/settings';
import { MCP_JSON } from './fixtures';

function cacheKeeping(fullAnalysesKept: number): AnalysisCache {
  return new AnalysisCache(
    {
      settingsFor: async () => DEFAULT_SETTINGS,
      workspaceFolders: () => ['/p'],
      lintOptions: {},
      onEngineError: (uri, error) => assert.fail(`engine error on ${uri}: ${String(error)}`),
    },
    fullAnalysesKept,
  );
}

const documentAt = (n: number, version = 1) => TextDocument.create(`file:///p${n}/.vscode/mcp.json`, 'jsonc', version, MCP_JSON);

test('memory bound: only the most recently used documents keep their analysis and diagnostics; the rest keep their resultId', async () => {
  const cache = cacheKeeping(2);
  const documents = [1, 2, 3].map((n) => documentAt(n));
  const first = await cache.get(documents[0]);
  await cache.get(documents[1]);
  await cache.get(documents[2]);
  assert.equal(cache.lintCount, 3);

  // The oldest was slimmed: its resultId (what a pull client compares) needs no lint...
  assert.equal(await cache.resultIdOf(documents[0]), first.resultId);
  assert.equal(cache.lintCount, 3, 'the resultId of a slimmed document needs no lint');

  // ...its diagnostics, a hover or a code action lint it once more, keeping its resultId (pull stays `unchanged`).
  const again = await cache.get(documents[0]);
  assert.equal(cache.lintCount, 4);
  assert.ok(again.analysis, 'the whole analysis is back');
  assert.equal(again.resultId, first.resultId);
  assert.deepEqual(again.diagnostics, first.diagnostics);
  assert.equal(cache.lintCount, 4);
  await cache.get(documents[0]);
  assert.equal(cache.lintCount, 4, 'now among the recent ones: served from the cache');
});

test('recently used documents are never re-linted for the same version', async () => {
  const cache = cacheKeeping(2);
  const a = documentAt(1);
  const b = documentAt(2);
  await cache.get(a);
  await cache.get(b);
  for (let i = 0; i < 5; i++) {
    await cache.get(a);
    await cache.get(b);
    await cache.diagnosticsOf(a);
  }
  assert.equal(cache.lintCount, 2);
  // A new version is linted once, whatever the memory bound.
  const a2 = documentAt(1, 2);
  await cache.diagnosticsOf(a2);
  await cache.get(a2);
  assert.equal(cache.lintCount, 3);
});
