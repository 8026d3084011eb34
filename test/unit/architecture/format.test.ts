/**
 * The code is formatted by prettier (.prettierrc.json: 160 columns, single quotes; which
 * files: .prettierignore), so a diff shows what changed and never how someone's editor wraps
 * lines. `npm run format` formats; this test is the CI check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');

test('every source file is formatted by prettier with the repository settings', { timeout: 120_000 }, () => {
  const prettier = join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  const result = spawnSync(process.execPath, [prettier, '--list-different', '.'], { cwd: ROOT, encoding: 'utf8' });
  const unformatted = result.stdout.split('\n').filter(Boolean);
  assert.deepEqual(unformatted, [], `run \`npm run format\`: ${unformatted.length} files are not formatted`);
  assert.equal(result.status, 0, result.stderr);
});
