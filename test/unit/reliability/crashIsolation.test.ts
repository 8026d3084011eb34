import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, fixAll, RULES } from '../../../server/src/engine';
import type { Rule } from '../../../server/src/core/rule';
import { checkFindings } from '../../fuzz/lib/checks';
import { loadCorpus } from '../../fuzz/lib/corpus';
import { createPrng, randomString } from '../../fuzz/lib/prng';
import { fuzzSeed } from '../../fuzz/lib/config';

const TOKEN = 'ghp_' + randomString(createPrng(fuzzSeed() + 1), 36);
const CONFIG = `{
  "mcpServers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${TOKEN}" }
    },
    "remote": { "url": "http://api.example.com/mcp" }
  }
}
`;
const PATH = '/p/.mcp.json';

function throwing(id: string, thrown: () => unknown): Rule {
  return {
    id,
    meta: { category: 'other', defaultSeverity: 'error', description: 'Throws.', fixable: false, owasp: [], threat: 'none' },
    check() {
      throw thrown();
    },
  };
}

const recurse = (n: number): number => recurse(n + 1) + 1;
const THROWN: Record<string, () => unknown> = {
  Error: () => new Error('boom'),
  TypeError: () => (null as unknown as { x: number }).x,
  'stack overflow': () => recurse(0),
  string: () => 'a string',
  undefined: () => undefined,
  'object with a throwing toString': () => ({
    toString() {
      throw new Error('nested');
    },
  }),
};

const baseline = lint(CONFIG, PATH);
const summary = (findings: ReturnType<typeof lint>) => findings.map((f) => `${f.ruleId}|${f.server}|${f.range.start.line}:${f.range.start.character}`);

test('the baseline config has findings from several rules', () => {
  assert.ok(new Set(baseline.map((f) => f.ruleId)).size >= 2);
});

for (const [name, thrown] of Object.entries(THROWN)) {
  for (const position of ['first', 'middle', 'last'] as const) {
    test(`a rule throwing ${name} (${position} in the list) is reported once via onRuleError; every other finding is still there`, () => {
      const bad = throwing('always-throws', thrown);
      const rules = position === 'first' ? [bad, ...RULES] : position === 'last' ? [...RULES, bad] : [...RULES.slice(0, 3), bad, ...RULES.slice(3)];
      const calls: Array<[string, unknown]> = [];
      const findings = lint(CONFIG, PATH, undefined, { rules, onRuleError: (id, error) => calls.push([id, error]) });
      assert.equal(calls.length, 1);
      assert.equal(calls[0][0], 'always-throws');
      assert.deepEqual(summary(findings), summary(baseline));
    });
  }
}

test('two throwing rules: one call each, in rule order', () => {
  const calls: string[] = [];
  lint(CONFIG, PATH, undefined, {
    rules: [throwing('a-throws', THROWN.Error), ...RULES, throwing('b-throws', THROWN.string)],
    onRuleError: (id) => calls.push(id),
  });
  assert.deepEqual(calls, ['a-throws', 'b-throws']);
});

test('without onRuleError a throwing rule is swallowed silently (lint never throws)', () => {
  assert.deepEqual(summary(lint(CONFIG, PATH, undefined, { rules: [...RULES, throwing('x', THROWN.Error)] })), summary(baseline));
});

test('a rule that reports then throws: its earlier findings are well-formed, the rest untouched', () => {
  const halfway: Rule = {
    id: 'reports-then-throws',
    meta: { category: 'other', defaultSeverity: 'warning', description: 'x', fixable: false, owasp: [], threat: 'x' },
    check(context) {
      context.report({ server: null, offset: 0, length: 1, message: 'Partial.' });
      throw new Error('after reporting');
    },
  };
  const calls: string[] = [];
  const findings = lint(CONFIG, PATH, undefined, { rules: [...RULES, halfway], onRuleError: (id) => calls.push(id) });
  assert.deepEqual(calls, ['reports-then-throws']);
  checkFindings(CONFIG, findings, PATH);
  for (const f of baseline) assert.ok(summary(findings).includes(summary([f])[0]));
});

test('a rule reporting nonsense offsets still yields ranges (and fix edits) inside the document', () => {
  const wild: Rule = {
    id: 'wild-offsets',
    meta: { category: 'other', defaultSeverity: 'warning', description: 'x', fixable: true, owasp: [], threat: 'x' },
    check(context) {
      for (const [offset, length] of [
        [-10, 5],
        [1e9, 5],
        [5, 1e9],
        [Number.NaN, 1],
        [3, -7],
        [CONFIG.length, 0],
      ]) {
        context.report({
          server: null,
          offset,
          length,
          message: 'Wild.',
          fixes: [{ title: 'Wild fix', safe: false, edits: [{ offset, length, content: 'x' }] }],
        });
      }
    },
  };
  const findings = lint(CONFIG, PATH, undefined, { rules: [wild] });
  assert.equal(findings.length, 6);
  checkFindings(CONFIG, findings, PATH);
});

test("fixAll with a throwing rule in the list still applies the other rules' safe fixes and reports the error per pass", () => {
  const calls: string[] = [];
  const options = { rules: [...RULES, throwing('always-throws', THROWN.Error)], onRuleError: (id: string) => calls.push(id) };
  const withBad = fixAll(CONFIG, PATH, undefined, options).text;
  assert.equal(withBad, fixAll(CONFIG, PATH).text);
  assert.ok(calls.length >= 1 && calls.every((id) => id === 'always-throws'));
});

test('over the corpus: a throwing rule costs exactly one onRuleError call per lint and no other finding', () => {
  const corpus = loadCorpus();
  let files = 0;
  for (const file of corpus) {
    const calls: string[] = [];
    const expected = summary(lint(file.text, file.lintPath));
    const got = lint(file.text, file.lintPath, undefined, {
      rules: [...RULES, throwing('always-throws', THROWN.TypeError)],
      onRuleError: (id) => calls.push(id),
    });
    assert.deepEqual(summary(got), expected, file.name);
    // One call when the file is linted at all (an unreadable or non-MCP file runs no rule).
    assert.ok(calls.length <= 1, file.name);
    if (calls.length === 1) files++;
  }
  console.log(`# crash isolation over the corpus: rules ran (and the throwing one was isolated) on ${files}/${corpus.length} files`);
});
