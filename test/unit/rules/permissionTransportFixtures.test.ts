/**
 * Fixture files for the permission and transport rules: test/fixtures/rules/<id>/ holds
 * realistic config files under invalid/ and valid/ (each at the path its client reads it
 * from, relative to a project or home folder) and expected.json listing, per file, the exact
 * source text of every finding the rule must report. Files are linted with the full rule set
 * too, to make sure no rule throws on them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ranges } from './_permissionTransport';
import { analyze, RULES } from '../../../server/src/engine';

const root = resolve(__dirname, '..', '..', 'fixtures', 'rules');
// Only this family's folders: other families may lay their fixtures out differently.
const family = new Set(RULES.filter((r) => r.meta.category === 'permission' || r.meta.category === 'transport').map((r) => r.id));
const ids = existsSync(root) ? readdirSync(root).filter((id) => family.has(id) && existsSync(join(root, id, 'expected.json'))) : [];

for (const id of ids) {
  const expected = JSON.parse(readFileSync(join(root, id, 'expected.json'), 'utf8')) as Record<string, string[]>;
  test(`fixtures: ${id}`, () => {
    for (const [file, want] of Object.entries(expected)) {
      const text = readFileSync(join(root, id, file), 'utf8');
      // invalid/.vscode/mcp.json is linted as /home/dev/project/.vscode/mcp.json.
      const path = '/home/dev/project/' + file.split('/').slice(1).join('/');
      assert.deepEqual(ranges(id, path, text), want, `${id}/${file}`);
      analyze(text, path, undefined, { onRuleError: (rule, error) => assert.fail(`${rule} threw on ${id}/${file}: ${String(error)}`) });
    }
  });
}
