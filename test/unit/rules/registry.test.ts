import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULES } from '../../../server/src/rules';
import { CATEGORIES, SEVERITIES } from '../../../server/src/core/types';

const repoRoot = resolve(__dirname, '..', '..', '..');
const rulesDir = join(repoRoot, 'server', 'src', 'rules');
const ruleFiles = readdirSync(rulesDir)
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && name !== 'types.ts')
  .map((name) => name.replace(/\.ts$/, ''));

test('every rule file is registered, and its id is its file name', async () => {
  const registered = new Set(RULES.map((r) => r.id));
  for (const file of ruleFiles) {
    const module = await import(join(rulesDir, file + '.ts'));
    assert.ok(module.rule, `${file}.ts must export \`rule\``);
    assert.equal(module.rule.id, file, `${file}.ts exports a rule whose id is "${module.rule.id}"`);
    assert.ok(registered.has(file), `${file} is not listed in rules/index.ts`);
  }
  assert.equal(RULES.length, ruleFiles.length, 'rules/index.ts lists a rule with no file of its own');
});

test('rule ids are unique kebab-case', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, id);
});

test('every rule has exactly one check: for the whole file, or for one server at a time', () => {
  for (const rule of RULES) {
    assert.equal(typeof rule.check === 'function', typeof rule.checkServer !== 'function', `${rule.id}: check or checkServer, not both or neither`);
  }
});

test('every rule has complete meta: category, severity, description, threat, OWASP id', () => {
  for (const rule of RULES) {
    assert.ok(CATEGORIES.includes(rule.meta.category), `${rule.id}: category`);
    assert.ok(SEVERITIES.includes(rule.meta.defaultSeverity), `${rule.id}: severity`);
    assert.ok(rule.meta.description.length > 10, `${rule.id}: description`);
    assert.ok(rule.meta.threat.length > 10, `${rule.id}: threat`);
    assert.ok(rule.meta.owasp.length > 0 || rule.meta.category === 'schema', `${rule.id}: OWASP MCP Top 10 id`);
  }
});

test('every rule has a docs page with what, why, examples and fix safety', () => {
  for (const rule of RULES) {
    const page = join(repoRoot, 'docs', 'rules', rule.id + '.md');
    assert.ok(existsSync(page), `docs/rules/${rule.id}.md is missing`);
    const text = readFileSync(page, 'utf8');
    assert.match(text, new RegExp('^# ' + rule.id.replace(/-/g, '\\-'), 'm'), `${rule.id}: page title is the rule id`);
    for (const section of ['Why', 'Bad', 'Good', 'Fix']) {
      assert.match(text, new RegExp('^##+ .*' + section, 'im'), `${rule.id}: docs page lacks a "${section}" section`);
    }
    assert.match(text, rule.meta.fixable ? /fixable/i : /./, `${rule.id}: a fixable rule's page says "fixable"`);
  }
});
