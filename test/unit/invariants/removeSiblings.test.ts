import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, type Syntax } from '../../../server/src/parse';
import { getValueAtPath, type TreeNode } from '../../../server/src/core/tree';
import { removeSiblings } from '../../../server/src/fixes/nodeEdits';
import { lint, applyFix } from '../../../server/src/engine';

/**
 * The element/property removal helper behind "Stop auto-approving", "Remove --privileged",
 * "Remove the wildcard permission"…: every contiguous run of children of every container, in
 * JSON(C), TOML and YAML, with trailing commas, comments between elements and CRLF. The
 * output must parse as well as the input, hold exactly the other children (still an array /
 * object, never null), and keep the comments of the children that stay.
 *
 * Regression: `"alwaysAllow": ["write_file",]` (JSONC) became `[ , ]` (fuzz seed 20261121).
 */
interface Case {
  name: string;
  syntax: Syntax;
  text: string;
  path: string[];
  /** Comments that must survive whatever is removed. */
  always?: string[];
  /** Comment of child i that must survive while child i stays. */
  own?: Record<number, string>;
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

const JSON_CASES: Case[] = [
  { name: 'json inline', syntax: 'json', text: '{"a": ["e0", "e1", "e2"]}', path: ['a'] },
  { name: 'json one element', syntax: 'json', text: '{"a": ["e0"]}', path: ['a'] },
  { name: 'jsonc one element, trailing comma', syntax: 'json', text: '{\n  "a": [\n    "e0",\n  ],\n}\n', path: ['a'] },
  {
    name: 'jsonc one element, trailing comma, comment',
    syntax: 'json',
    text: '{\n  "a": [\n    // keep me\n    "e0", // c0\n  ],\n}\n',
    path: ['a'],
    always: ['// keep me'],
  },
  {
    name: 'jsonc comments and trailing comma',
    syntax: 'json',
    text: '{\n  "a": [\n    // head\n    "e0", // c0\n    /* own 1 */\n    "e1",\n    "e2", // c2\n    "e3" /* c3 */,\n  ],\n}\n',
    path: ['a'],
    always: ['// head'],
    own: { 0: '// c0', 1: '/* own 1 */', 2: '// c2', 3: '/* c3 */' },
  },
  {
    name: 'jsonc block comments inline',
    syntax: 'json',
    text: '{"a": [/* h */ "e0" /* c0 */, "e1", /* before e2 */ "e2" /* c2 */]}',
    path: ['a'],
    always: ['/* h */'],
    own: { 0: '/* c0 */', 2: '/* c2 */' },
  },
  {
    name: 'jsonc object properties',
    syntax: 'json',
    text: '{\n  "env": {\n    "K0": "e0", // c0\n    // own 1\n    "K1": "e1",\n    "K2": "e2", // c2\n  }\n}\n',
    path: ['env'],
    own: { 0: '// c0', 1: '// own 1', 2: '// c2' },
  },
  { name: 'json string with comment markers and brackets', syntax: 'json', text: '{"a": ["e0 // [x] ,", "/* e1 */", "e2,"]}', path: ['a'] },
];

const CASES: Case[] = [
  ...JSON_CASES,
  ...JSON_CASES.map((c) => ({ ...c, name: c.name + ' (CRLF)', text: crlf(c.text) })),
  { name: 'toml inline array', syntax: 'toml', text: 'a = ["e0", "e1", "e2"]\n', path: ['a'] },
  {
    name: 'toml multiline array, comments, trailing comma',
    syntax: 'toml',
    text: 'a = [\n  # head\n  "e0", # c0\n  # own 1\n  "e1",\n  "e2", # c2\n]\n',
    path: ['a'],
    always: ['# head'],
    own: { 0: '# c0', 1: '# own 1', 2: '# c2' },
  },
  { name: 'toml inline table', syntax: 'toml', text: 't = { k0 = "e0", k1 = "e1", k2 = "e2" }\n', path: ['t'] },
  {
    name: 'toml table',
    syntax: 'toml',
    text: '[t]\nk0 = "e0" # c0\n# own 1\nk1 = "e1"\nk2 = "e2"\n\n[other]\nx = 1\n',
    path: ['t'],
    own: { 0: '# c0', 1: '# own 1' },
  },
  { name: 'toml table (CRLF)', syntax: 'toml', text: crlf('[t]\nk0 = "e0"\nk1 = "e1"\n'), path: ['t'] },
  { name: 'yaml block sequence', syntax: 'yaml', text: 'a:\n  - e0 # c0\n  # own 1\n  - e1\n  - e2\nb: 1\n', path: ['a'], own: { 0: '# c0' } },
  { name: 'yaml block sequence (CRLF)', syntax: 'yaml', text: crlf('a:\n  - e0\n  - e1\nb: 1\n'), path: ['a'] },
  { name: 'yaml flow sequence', syntax: 'yaml', text: 'a: [e0, e1, e2]\nb: 1\n', path: ['a'] },
  { name: 'yaml flow sequence, trailing comma', syntax: 'yaml', text: 'a: [e0, e1,]\n', path: ['a'] },
  { name: 'yaml block mapping', syntax: 'yaml', text: 't:\n  k0: e0\n  k1: e1 # c1\nb: 1\n', path: ['t'], own: { 1: '# c1' } },
  {
    name: 'yaml block mapping, comments',
    syntax: 'yaml',
    text: 't:\n  k0: e0 # c0\n  # own 1\n  k1: e1\n  k2: [x, y]\nb: 1\n',
    path: ['t'],
    own: { 0: '# c0', 1: '# own 1' },
  },
  // A block sequence's next item starts with its `- `: an own-line comment before it cannot stay alone.
  { name: 'yaml block sequence of mappings', syntax: 'yaml', text: 'a:\n  - name: e0 # c0\n    x: 1\n  - name: e1\n', path: ['a'], own: { 0: '# c0' } },
];

const childValue = (node: TreeNode) => (node.type === 'property' ? `${node.children?.[0]?.value}=${node.children?.[1]?.value}` : String(node.value));

for (const c of CASES) {
  test(`removeSiblings: ${c.name}`, () => {
    const doc = parseDocument(c.text, c.syntax)!;
    const container = getValueAtPath(doc.root, c.path)!;
    const children = container.children!;
    const before = children.map(childValue);
    const problems = doc.problems.length;
    for (let i = 0; i < children.length; i++) {
      for (let j = i; j < children.length; j++) {
        const label = `${c.name}: remove ${i}..${j}`;
        const edit = removeSiblings(children.slice(i, j + 1), doc);
        assert.ok(edit, label);
        const output = c.text.slice(0, edit.offset) + edit.content + c.text.slice(edit.offset + edit.length);
        const after = parseDocument(output, c.syntax)!;
        assert.ok(after.problems.length <= problems, `${label}: new syntax problem ${JSON.stringify(after.problems[0]?.message)} in ${JSON.stringify(output)}`);
        const left = getValueAtPath(after.root, c.path);
        assert.equal(left?.type, container.type, `${label}: ${JSON.stringify(output)}`);
        assert.deepEqual((left?.children ?? []).map(childValue), [...before.slice(0, i), ...before.slice(j + 1)], `${label}: ${JSON.stringify(output)}`);
        for (const comment of c.always ?? []) assert.ok(output.includes(comment), `${label}: lost ${comment}`);
        for (const [k, comment] of Object.entries(c.own ?? {})) {
          if (Number(k) < i || Number(k) > j) assert.ok(output.includes(comment), `${label}: lost ${comment} of a kept child in ${JSON.stringify(output)}`);
        }
        // The other text around the container is untouched.
        assert.ok(output.startsWith(c.text.slice(0, Math.min(edit.offset, container.offset))), label);
        if (/\r\n/.test(c.text)) assert.ok(!/[^\r]\n/.test(output), `${label}: a bare LF in a CRLF file`);
      }
    }
  });
}

test('removeSiblings refuses a cut across a TOML table header', () => {
  const text = '[t]\nk0 = "e0"\n\n[t.sub]\nx = 1\n\n[t2]\ny = 2\n';
  const doc = parseDocument(text, 'toml')!;
  const t = getValueAtPath(doc.root, ['t'])!;
  const [k0] = t.children!;
  // k0's next sibling (`sub`) starts inside the `[t.sub]` header: the cut would eat `[t.`.
  const edit = removeSiblings([k0], doc);
  if (edit) {
    const output = text.slice(0, edit.offset) + edit.content + text.slice(edit.offset + edit.length);
    assert.ok(output.includes('[t.sub]'), JSON.stringify(output));
  }
});

test('the fuzz counterexample: "Stop auto-approving" on ["write_file",] leaves a valid, empty list', () => {
  const text =
    '{\n  "servers": {\n    "fs": {\n      "command": "npx",\n      "args": ["-y", "x@1.0.0"],\n      "alwaysAllow": [\n        "write_file",\n      ],\n    },\n  },\n}\n';
  const path = '/w/.vscode/mcp.json';
  const finding = lint(text, path).find((f) => f.ruleId === 'auto-approve-dangerous-tools')!;
  const output = applyFix(
    text,
    finding.fixes.find((f) => /Stop auto-approving/.test(f.title))!,
  );
  assert.match(output, /"alwaysAllow": \[\],/);
  assert.deepEqual(
    lint(output, path)
      .map((f) => f.ruleId)
      .filter((id) => id.startsWith('schema-syntax')),
    [],
  );
  for (const eol of ['\n', '\r\n']) {
    const roo =
      '{\n  "mcpServers": {\n    "fs": {\n      "command": "npx",\n      "args": ["-y", "x@1.0.0"],\n      "alwaysAllow": ["write_file", "read_file",], // tools\n    },\n  },\n}\n'.replace(
        /\n/g,
        eol,
      );
    const f = lint(roo, '/w/.roo/mcp.json').find((x) => x.ruleId === 'auto-approve-dangerous-tools')!;
    const fixed = applyFix(
      roo,
      f.fixes.find((x) => /Stop auto-approving/.test(x.title))!,
    );
    assert.ok(fixed.includes('"alwaysAllow": ["read_file",], // tools'), JSON.stringify(fixed));
  }
});
