import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFileGlobs } from '../../server/src/dialects';
import { additionalFilePatterns, CONFIG_FILE_GLOBS, configDocumentSelector } from '../../client/src/selectors';

// The client keeps its own copy of the dialect globs (its bundle does not pull in the
// engine). These tests fail when a dialect adds or changes a glob and the copies were not
// regenerated: run `node --import tsx scripts/vscode/syncGlobs.ts` (client/src/configFileGlobs.ts
// and package.json's activationEvents).
const SYNC = 'run `node --import tsx scripts/vscode/syncGlobs.ts`';

test("the client selects exactly the dialects' config file globs", () => {
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

test('mcpHygiene.additionalFiles become whole-path patterns, read as the server reads them', () => {
  const folders = ['/home/me/app', 'C:\\work\\api'];
  assert.deepEqual(additionalFilePatterns(['./agents.json', 'config/*.mcp.json', 'team-mcp.yaml', '/etc/mcp/shared.json', ' ', 'config\\x.json'], folders), [
    '/home/me/app/agents.json',
    'C:/work/api/agents.json',
    '/home/me/app/config/*.mcp.json',
    'C:/work/api/config/*.mcp.json',
    '**/team-mcp.yaml',
    '/etc/mcp/shared.json',
    '/home/me/app/config/x.json',
    'C:/work/api/config/x.json',
  ]);
  const selector = configDocumentSelector(['**/.vscode/mcp.json'], ['/home/me/app/agents.json']);
  assert.ok(
    selector.some((f) => f.scheme === 'file' && f.pattern === '/home/me/app/agents.json'),
    'an additional file is sent to the server from disk',
  );
  assert.ok(!selector.some((f) => f.scheme !== 'file' && f.pattern === '/home/me/app/agents.json'));
});
