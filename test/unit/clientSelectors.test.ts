import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFileGlobs } from '../../server/src/dialects';
import { CONFIG_FILE_GLOBS, configDocumentSelector } from '../../client/src/selectors';

// The client keeps its own copy of the dialect globs (its bundle does not pull in the
// engine). These tests fail when a dialect adds or changes a glob and the copies were not
// regenerated: run `node --import tsx scripts/vscode/syncGlobs.ts` (client/src/configFileGlobs.ts
// and package.json's activationEvents).
const SYNC = 'run `node --import tsx scripts/vscode/syncGlobs.ts`';

test('the client selects exactly the dialects\' config file globs', () => {
  assert.deepEqual([...CONFIG_FILE_GLOBS].sort(), [...configFileGlobs()].sort(), `client/src/configFileGlobs.ts is stale: ${SYNC}`);
});

test('every config glob is matched in file, untitled and vscode-userdata documents, whatever the language', () => {
  const selector = configDocumentSelector();
  for (const scheme of ['file', 'untitled', 'vscode-userdata']) {
    for (const pattern of configFileGlobs()) {
      assert.ok(
        selector.some((f) => f.scheme === scheme && f.pattern === pattern && f.language === undefined),
        `missing { scheme: '${scheme}', pattern: '${pattern}' }`,
      );
    }
  }
  // Never a bare language filter on disk files: that would send every JSON file to the server.
  assert.ok(selector.every((f) => f.pattern !== undefined || f.scheme === 'untitled'));
});

test('package.json activates on every config glob in a workspace', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { activationEvents: string[] };
  const workspaceGlobs = manifest.activationEvents.filter((e) => e.startsWith('workspaceContains:')).map((e) => e.slice('workspaceContains:'.length));
  assert.deepEqual([...workspaceGlobs].sort(), [...configFileGlobs()].sort(), `package.json activationEvents are stale: ${SYNC}`);
  for (const language of ['json', 'jsonc']) assert.ok(manifest.activationEvents.includes(`onLanguage:${language}`));
});
