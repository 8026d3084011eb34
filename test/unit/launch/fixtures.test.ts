/**
 * Fixture files for the unpinned and supply-chain rules: test/fixtures/rules/<id>/ holds
 * invalid/ and valid/ config files (at the path their client reads them from, relative to a
 * project folder) and expected.json listing, per file, the exact source text of every finding
 * the rule reports, in order. Every file is also linted with the full rule set to make sure no
 * rule throws on it. Regenerate expected.json after a deliberate change with
 * `MCP_HYGIENE_UPDATE_FIXTURES=1 node --import tsx --test test/unit/launch/fixtures.test.ts`, then review the diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, resolve, relative } from 'node:path';
import { analyze, lint, ruleById, LineIndex } from '../../../server/src/engine';

const root = resolve(__dirname, '..', '..', 'fixtures', 'rules');
const FAMILY = [
  'unpinned-npm-package',
  'unpinned-python-package',
  'unpinned-container-image',
  'unpinned-deno-module',
  'unpinned-go-module',
  'unpinned-git-source',
  'known-vulnerable-version',
  'known-malicious-package',
  'deprecated-server',
  'typosquat-package',
  'shell-wrapper',
  'download-and-execute',
  'inline-interpreter-code',
  'custom-package-registry',
  'loader-env-override',
];

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

for (const id of FAMILY) {
  test(`fixtures: ${id}`, () => {
    const dir = join(root, id);
    const rule = ruleById(id)!;
    const actual: Record<string, string[]> = {};
    for (const file of [...files(join(dir, 'invalid')), ...files(join(dir, 'valid'))].sort()) {
      const name = relative(dir, file).replace(/\\/g, '/');
      const text = readFileSync(file, 'utf8');
      const path = '/home/dev/project/' + name.split('/').slice(1).join('/');
      const lines = new LineIndex(text);
      actual[name] = lint(text, path, undefined, { rules: [rule] }).map((f) => text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end)));
      if (name.startsWith('valid/')) assert.deepEqual(actual[name], [], `${id}/${name} is clean`);
      else assert.ok(actual[name].length > 0, `${id}/${name} has findings`);
      analyze(text, path, undefined, { onRuleError: (other, error) => assert.fail(`${other} threw on ${id}/${name}: ${String(error)}`) });
    }
    const expectedPath = join(dir, 'expected.json');
    if (process.env.MCP_HYGIENE_UPDATE_FIXTURES) writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
}
