import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lintChecked } from '../../fuzz/lib/checks';
import { parseDocument } from '../../../server/src/parse';
import { REPO_ROOT } from '../../fuzz/lib/corpus';

/**
 * Regression: 10 000-deep nesting used to blow the stack in jsonc-parser's recursive
 * parseTree (lint threw RangeError), and a YAML flow collection ~800+ deep made the second
 * parse of the same text kill the process (V8 "RegExpCompiler Allocation failed": fatal, no
 * catch possible). parseDocument now refuses to hand such text to any parser.
 */
const N = 10_000;
const DEEP: Record<string, string> = {
  'unclosed arrays': '['.repeat(N),
  'closed arrays': '['.repeat(N) + ']'.repeat(N),
  'unclosed objects': '{"a":'.repeat(N),
  'closed objects under mcpServers': '{"mcpServers":' + '{"a":'.repeat(N) + '1' + '}'.repeat(N + 1),
  'servers nested in servers': '{"servers":{"x":{"command":"npx","args":' + '['.repeat(N) + ']'.repeat(N) + '}}}',
  'YAML block mappings': Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n'),
  'YAML compact sequences': '- '.repeat(N) + 'a',
  'TOML inline arrays': 'a = ' + '['.repeat(N) + ']'.repeat(N),
  'TOML inline tables': 'a = ' + '{b = '.repeat(N) + '1' + '}'.repeat(N),
  'TOML dotted table header': '[' + 'a.'.repeat(N) + 'a]\nb = 1',
};
const PATHS = ['/p/.vscode/mcp.json', '/p/.mcp.json', '/p/examples/x.json', '/p/x.toml', '/p/x.yaml'];

for (const [name, text] of Object.entries(DEEP)) {
  test(`10 000-deep nesting (${name}) never throws under any syntax, twice in a row`, () => {
    // Block-indented YAML is slow to parse at this depth: its own syntax plus JSON is enough.
    for (const path of name.startsWith('YAML block') ? ['/p/x.yaml', '/p/.mcp.json'] : PATHS) {
      lintChecked(text, path);
      lintChecked(text, path);
    }
  });
}

test('a too-deep document is reported as one syntax problem, not read', () => {
  for (const syntax of ['json', 'toml', 'yaml'] as const) {
    const doc = parseDocument('['.repeat(N), syntax);
    assert.ok(doc, syntax);
    assert.equal(doc.root, undefined, syntax);
    assert.equal(doc.problems.length, 1, syntax);
    assert.match(doc.problems[0].message, /nest/i);
  }
});

test('ordinary nesting is still parsed (the guard is far above any real config)', () => {
  const depth = 100;
  const doc = parseDocument('{"servers":{"x":{"args":' + '['.repeat(depth) + ']'.repeat(depth) + '}}}', 'json');
  assert.ok(doc?.root);
  assert.equal(doc.problems.length, 0);
  const yaml = parseDocument('servers:\n  x:\n    args: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n', 'yaml');
  assert.ok(yaml?.root);
  assert.equal(yaml.problems.length, 0);
});

test('YAML: the same 1 000-deep flow text parsed repeatedly does not kill the process', () => {
  // Run in a child: before the guard this was a fatal V8 error that no try/catch could stop.
  const script = `const { lint } = require('./server/src/engine'); const t = '['.repeat(1000) + ']'.repeat(1000); for (let i = 0; i < 3; i++) lint(t, '/p/x.yaml'); console.log('survived');`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 0, result.stderr.slice(0, 500));
  assert.match(result.stdout, /survived/);
});
