import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, type Syntax } from '../../../server/src/parse';
import { getProperty, getValueAtPath } from '../../../server/src/core/tree';
import type { OffsetEdit } from '../../../server/src/core/types';
import { insertArrayElement, insertProperty } from '../../../server/src/fixes/nodeEdits';

/**
 * The insertion primitives behind the `${input:}` fix, "Add a promptString input", the
 * enabledMcpjsonServers list and the `.mcp-hygiene.json` suppression (issue 18): the new
 * member is written like its neighbours (one line stays one line; indentation, tabs, CRLF,
 * `": "` spacing, trailing commas, quote style), and the old text is untouched except for
 * the one comma the insertion needs — checked by comparing whole outputs.
 */

function apply(text: string, edits: readonly OffsetEdit[] | undefined): string {
  assert.ok(edits, 'no insertion offered');
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, edit.offset) + edit.content + out.slice(edit.offset + edit.length);
  return out;
}

function append(syntax: Syntax, text: string, path: string[], value: unknown): string {
  const doc = parseDocument(text, syntax)!;
  return apply(text, insertArrayElement(getValueAtPath(doc.root, path)!, value, doc));
}

function addKey(syntax: Syntax, text: string, path: string[], key: string, value: unknown, beforeKey?: string): string {
  const doc = parseDocument(text, syntax)!;
  const object = path.length ? getValueAtPath(doc.root, path)! : doc.root!;
  return apply(text, insertProperty(object, key, value, doc, beforeKey ? getProperty(object, beforeKey) : undefined));
}

const input = { type: 'promptString', id: 'openai-key', password: true };

test('issue 18: an input added after a one-line input is one line too, and the existing one is untouched', () => {
  const text =
    '{\n  "inputs": [\n    { "type": "promptString", "id": "gh-token", "description": "GitHub token", "password": true }\n  ],\n  "servers": {}\n}\n';
  assert.equal(
    append('json', text, ['inputs'], input),
    '{\n  "inputs": [\n    { "type": "promptString", "id": "gh-token", "description": "GitHub token", "password": true },\n    { "type": "promptString", "id": "openai-key", "password": true }\n  ],\n  "servers": {}\n}\n',
  );
});

test('multi-line inputs with a trailing comma and comments: the new input copies the one before it, comments stay put', () => {
  const text = '{\n  "inputs": [\n    // GitHub\n    {\n      "type": "promptString",\n      "id": "gh-token"\n    }, // used by github\n  ],\n}\n';
  assert.equal(
    append('json', text, ['inputs'], input),
    '{\n  "inputs": [\n    // GitHub\n    {\n      "type": "promptString",\n      "id": "gh-token"\n    }, // used by github\n    {\n      "type": "promptString",\n      "id": "openai-key",\n      "password": true\n    },\n  ],\n}\n',
  );
});

test('no trailing comma but a comment after the last element: the comma goes after the element, the comment stays on its line', () => {
  const text = '{\n  "args": [\n    "-y", // auto-confirm\n    "@modelcontextprotocol/server-github" // pinned below\n  ]\n}\n';
  assert.equal(
    append('json', text, ['args'], '--read-only'),
    '{\n  "args": [\n    "-y", // auto-confirm\n    "@modelcontextprotocol/server-github", // pinned below\n    "--read-only"\n  ]\n}\n',
  );
});

test('tabs, CRLF and compact `"key":value` spacing are copied', () => {
  const text = '{\r\n\t"env": {\r\n\t\t"A":"1"\r\n\t}\r\n}\r\n';
  assert.equal(addKey('json', text, ['env'], 'B', '2'), '{\r\n\t"env": {\r\n\t\t"A":"1",\r\n\t\t"B":"2"\r\n\t}\r\n}\r\n');
});

test('a file on one line: a new inputs array goes before "servers" on that line, in its spacing', () => {
  const text = '{"servers": {"gh": {"command": "npx"}}}';
  assert.equal(
    addKey('json', text, [], 'inputs', [input], 'servers'),
    '{"inputs": [{"type": "promptString", "id": "openai-key", "password": true}], "servers": {"gh": {"command": "npx"}}}',
  );
});

test('an indented file: a new inputs array goes above the comments that describe "servers"', () => {
  const text = '{\n  // My servers\n  "servers": {}\n}\n';
  assert.equal(
    addKey('json', text, [], 'inputs', [input], 'servers'),
    '{\n  "inputs": [\n    {\n      "type": "promptString",\n      "id": "openai-key",\n      "password": true\n    }\n  ],\n  // My servers\n  "servers": {}\n}\n',
  );
});

test('empty collections: `[]` and `{}` stay one line, also in an indented file; brackets already apart get an indented member; an empty list is added as `[]`', () => {
  assert.equal(addKey('json', '{\n  "env": {}\n}\n', ['env'], 'K', 'v'), '{\n  "env": { "K": "v" }\n}\n');
  assert.equal(append('json', '{\n  "args": [\n  ]\n}\n', ['args'], '-y'), '{\n  "args": [\n    "-y"\n  ]\n}\n');
  assert.equal(
    append('json', '{"inputs": [], "servers": {}}', ['inputs'], input),
    '{"inputs": [{"type": "promptString", "id": "openai-key", "password": true}], "servers": {}}',
  );
  assert.equal(addKey('json', '{"env": {}}', ['env'], 'K', 'v'), '{"env": {"K": "v"}}');
  assert.equal(addKey('json', '{ "env": {} }', ['env'], 'K', 'v'), '{ "env": { "K": "v" } }');
  assert.equal(
    addKey('json', '{ "model": "x", "enableAllProjectMcpServers": false }\n', [], 'enabledMcpjsonServers', []),
    '{ "model": "x", "enableAllProjectMcpServers": false, "enabledMcpjsonServers": [] }\n',
  );
});

test("TOML: a key appended to a [table] after its last key (and that key's comment), before the next table", () => {
  const text = '[mcp_servers.github]\ncommand = "npx" # launcher\n\n[mcp_servers.github.env]\nGITHUB_API_URL = "https://api.github.com"\n';
  assert.equal(
    addKey('toml', text, ['mcp_servers', 'github'], 'env_vars', ['GITHUB_TOKEN']),
    '[mcp_servers.github]\ncommand = "npx" # launcher\nenv_vars = ["GITHUB_TOKEN"]\n\n[mcp_servers.github.env]\nGITHUB_API_URL = "https://api.github.com"\n',
  );
  assert.equal(addKey('toml', text, ['mcp_servers', 'github', 'env'], 'GITHUB_TOKEN', 'x'), text.replace(/\n$/, '\nGITHUB_TOKEN = "x"\n'));
});

test("TOML: a table with only its header gets the key under the header; a table known only through a sub-table's header gets none", () => {
  assert.equal(
    addKey('toml', '[mcp_servers.a]\n\n[other]\nx = 1\n', ['mcp_servers', 'a'], 'command', 'npx'),
    '[mcp_servers.a]\ncommand = "npx"\n\n[other]\nx = 1\n',
  );
  const doc = parseDocument('[mcp_servers.a]\ncommand = "npx"\n', 'toml')!;
  assert.equal(insertProperty(getValueAtPath(doc.root, ['mcp_servers'])!, 'x', 1, doc), undefined);
});

test('TOML inline arrays and tables: `env_vars = ["A"]` and literal-quoted neighbours', () => {
  assert.equal(append('toml', '[s]\nenv_vars = ["A"]\n', ['s', 'env_vars'], 'B'), '[s]\nenv_vars = ["A", "B"]\n');
  assert.equal(append('toml', "[s]\nenv_vars = ['A','B']\n", ['s', 'env_vars'], 'C'), "[s]\nenv_vars = ['A','B','C']\n");
  assert.equal(append('toml', '[s]\nenv_vars = [\n  "A",\n]\n', ['s', 'env_vars'], 'B'), '[s]\nenv_vars = [\n  "A",\n  "B",\n]\n');
  assert.equal(addKey('toml', '[s]\nenv = { A = "1" }\n', ['s', 'env'], 'B-C', '2'), '[s]\nenv = { A = "1", B-C = "2" }\n');
  // Inline tables cannot span lines, even in a multi-line array.
  assert.equal(addKey('toml', '[s]\nenv = {}\n', ['s', 'env'], 'K', 'v'), '[s]\nenv = { K = "v" }\n');
  assert.equal(
    append('toml', 'servers = [\n  { name = "a" },\n]\n', ['servers'], { name: 'b', env: { K: 'v' } }),
    'servers = [\n  { name = "a" },\n  { name = "b", env = { K = "v" } },\n]\n',
  );
});

test('YAML: a flow sequence gets the element; a block sequence gets no insertion (none could keep its layout yet)', () => {
  assert.equal(append('yaml', 'args: [-y, pkg]\n', ['args'], '--flag'), 'args: [-y, pkg, "--flag"]\n');
  const doc = parseDocument('args:\n  - -y\n', 'yaml')!;
  assert.equal(insertArrayElement(getValueAtPath(doc.root, ['args'])!, 'x', doc), undefined);
});
