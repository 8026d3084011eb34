import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/parse';
import type { ParsedDocument, TreeNode } from '../../../server/src/core/tree';
import { getProperty, getValue, getValueAtPath } from '../../../server/src/core/tree';

function parse(text: string): ParsedDocument {
  const doc = parseDocument(text, 'yaml');
  assert.ok(doc, 'the YAML parser is registered');
  return doc;
}
const slice = (doc: ParsedDocument, node: TreeNode | undefined) => {
  assert.ok(node, 'node exists');
  return doc.text.slice(node.offset, node.offset + node.length);
};

const CONTINUE = `name: my-mcp # block
version: 0.0.1
schema: v1
mcpServers:
  - name: "github"
    command: npx
    args: ["-y", 'some-gh-server']
    env:
      GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}
    note: |
      two
      lines
  - name: remote
    url: https://example.com/mcp # '#' after a space starts a comment
`;

test('mappings, sequences and scalars map to the common tree with exact ranges', () => {
  const doc = parse(CONTINUE);
  assert.deepEqual(doc.problems, []);
  const servers = getValue(doc.root, 'mcpServers')!;
  assert.equal(servers.type, 'array');
  assert.equal(servers.children!.length, 2);
  const first = servers.children![0];
  const name = getValue(first, 'name')!;
  assert.equal(name.value, 'github');
  assert.equal(slice(doc, name), '"github"');
  const commandProperty = getProperty(first, 'command')!;
  assert.equal(slice(doc, commandProperty), 'command: npx');
  assert.equal(slice(doc, commandProperty.children![0]), 'command');
  assert.equal(doc.text.charAt(commandProperty.colonOffset!), ':');
  const args = getValue(first, 'args')!;
  assert.deepEqual(
    args.children!.map((c) => slice(doc, c)),
    ['"-y"', "'some-gh-server'"],
  );
  const token = getValueAtPath(first, ['env', 'GITHUB_TOKEN'])!;
  assert.equal(token.value, '${{ secrets.GITHUB_TOKEN }}');
  assert.equal(slice(doc, token), '${{ secrets.GITHUB_TOKEN }}');
  // A block scalar's range covers its header and lines, not the trailing line break.
  const note = getValue(first, 'note')!;
  assert.equal(note.value, 'two\nlines\n');
  assert.equal(slice(doc, note), '|\n      two\n      lines');
  assert.equal(getValue(doc.root, 'version')!.value, '0.0.1');
  assert.equal(slice(doc, getValue(servers.children![1], 'url')), 'https://example.com/mcp');
});

test('comments are found by the YAML CST, not inside strings', () => {
  const doc = parse('a: "x # not a comment" # yes\n# full line\nb: 1\n');
  assert.deepEqual(
    doc.comments().map((c) => doc.text.slice(c.offset, c.offset + c.length)),
    ['# yes', '# full line'],
  );
});

test('CRLF, BOM, tabs and non-ASCII keys keep exact offsets', () => {
  const text = '\ufeffextensions:\r\n  gïthub:\r\n    cmd:\t"npx"\r\n    envs:\r\n      ТОКЕН: value\r\n';
  const doc = parse(text);
  assert.deepEqual(doc.problems, []);
  const extension = getProperty(getValue(doc.root, 'extensions'), 'gïthub')!;
  assert.equal(extension.children![0].offset, text.indexOf('gïthub'));
  const cmd = getValueAtPath(doc.root, ['extensions', 'gïthub', 'cmd'])!;
  assert.equal(cmd.offset, text.indexOf('"npx"'));
  assert.equal(cmd.length, 5);
  const key = getProperty(getValueAtPath(doc.root, ['extensions', 'gïthub', 'envs']), 'ТОКЕН')!.children![0];
  assert.equal(slice(doc, key), 'ТОКЕН');
});

test('a half-typed file yields the readable tree plus problems', () => {
  const text = 'mcpServers:\n  - name: a\n    command: npx\n  - name: b\n    args: [\n';
  const doc = parse(text);
  assert.ok(doc.problems.length > 0);
  for (const problem of doc.problems) assert.ok(problem.offset >= 0 && problem.offset + problem.length <= text.length);
  assert.equal(getValue(getValue(doc.root, 'mcpServers')!.children![0], 'command')!.value, 'npx');
});

test('duplicate keys are problems', () => {
  const doc = parse('a: 1\na: 2\n');
  assert.equal(doc.problems.length, 1);
});

test('quote() writes YAML scalars that read back to the same value', () => {
  const doc = parse('');
  for (const value of ['plain', 'with "quotes" # and hash', 'tab\tnewline\n', 'ünïcödé ${{ secrets.X }}', 'yes', '123']) {
    const reparsed = parse(`k: ${doc.quote(value)}\n`);
    assert.deepEqual(reparsed.problems, [], value);
    assert.equal(getValue(reparsed.root, 'k')!.value, value);
  }
});

test('`key:` with no value is a null node right after the colon', () => {
  const doc = parse('env:\nother: 1\n');
  const env = getValue(doc.root, 'env')!;
  assert.equal(env.type, 'null');
  assert.equal(env.offset, 4);
});
