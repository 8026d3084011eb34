import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/parse';
import type { ParsedDocument, TreeNode } from '../../../server/src/core/tree';
import { getProperty, getValueAtPath } from '../../../server/src/core/tree';

function parse(text: string): ParsedDocument {
  const doc = parseDocument(text, 'toml');
  assert.ok(doc, 'the TOML parser is registered');
  return doc;
}
const slice = (doc: ParsedDocument, node: TreeNode | undefined) => {
  assert.ok(node, 'node exists');
  return doc.text.slice(node.offset, node.offset + node.length);
};

const CODEX = `# Codex config
model = "o3"

[mcp_servers.docs]
command = "npx"
args = ["-y", 'some-docs-server']
env.API_KEY = "k"
enabled_tools = ["search"]

[mcp_servers.api]
url = "https://example.com/mcp"
http_headers = { "X-Team" = "core", Trace.On = true }

[mcp_servers.api.tools.search]
approval_mode = "approve"
`;

test('[mcp_servers.NAME] tables and dotted keys become nested objects whose nodes point at the source', () => {
  const doc = parse(CODEX);
  assert.deepEqual(doc.problems, []);
  const root = doc.root!;
  assert.equal(root.type, 'object');
  const command = getValueAtPath(root, ['mcp_servers', 'docs', 'command'])!;
  assert.equal(command.value, 'npx');
  assert.equal(slice(doc, command), '"npx"');
  const commandProperty = getProperty(getValueAtPath(root, ['mcp_servers', 'docs']), 'command')!;
  assert.equal(slice(doc, commandProperty), 'command = "npx"');
  assert.equal(slice(doc, commandProperty.children![0]), 'command');
  assert.equal(doc.text.charAt(commandProperty.colonOffset!), '=');
  // The server's name node is the real `docs` inside the header.
  const docsKey = getProperty(getValueAtPath(root, ['mcp_servers']), 'docs')!.children![0];
  assert.equal(docsKey.value, 'docs');
  assert.equal(docsKey.offset, CODEX.indexOf('docs]'));
  assert.equal(docsKey.length, 4);
  // Literal strings keep their quotes in the range.
  const args = getValueAtPath(root, ['mcp_servers', 'docs', 'args'])!;
  assert.equal(args.type, 'array');
  assert.deepEqual(
    args.children!.map((c) => slice(doc, c)),
    ['"-y"', "'some-docs-server'"],
  );
  assert.equal(args.children![1].value, 'some-docs-server');
  // Dotted key: env is an object; API_KEY's key node is the segment after the dot.
  const env = getProperty(getValueAtPath(root, ['mcp_servers', 'docs', 'env']), 'API_KEY')!;
  assert.equal(slice(doc, env.children![0]), 'API_KEY');
  assert.equal(slice(doc, env.children![1]), '"k"');
  // Inline table with a quoted key and a dotted key.
  const team = getProperty(getValueAtPath(root, ['mcp_servers', 'api', 'http_headers']), 'X-Team')!;
  assert.equal(slice(doc, team.children![0]), '"X-Team"');
  assert.equal(team.children![0].value, 'X-Team');
  assert.equal(getValueAtPath(root, ['mcp_servers', 'api', 'http_headers', 'Trace', 'On'])!.value, true);
  // A sub-table of a server lands inside that server.
  const mode = getValueAtPath(root, ['mcp_servers', 'api', 'tools', 'search', 'approval_mode'])!;
  assert.equal(slice(doc, mode), '"approve"');
  // Parents are linked, as in jsonc-parser trees.
  assert.equal(mode.parent?.children?.[0].value, 'approval_mode');
});

test('CRLF, BOM, tabs and non-ASCII keys keep exact offsets', () => {
  const text = '\ufeff[mcp_servers."сервер-é"]\r\n\tcommand\t=\t"npx" # run\r\n\targs = [ "ä" ]\r\n';
  const doc = parse(text);
  assert.deepEqual(doc.problems, []);
  const servers = getValueAtPath(doc.root, ['mcp_servers'])!;
  const key = servers.children![0].children![0];
  assert.equal(key.value, 'сервер-é');
  assert.equal(slice(doc, key), '"сервер-é"');
  assert.equal(key.offset, text.indexOf('"сервер'));
  const command = getValueAtPath(doc.root, ['mcp_servers', 'сервер-é', 'command'])!;
  assert.equal(command.offset, text.indexOf('"npx"'));
  assert.equal(command.length, 5);
  const arg = getValueAtPath(doc.root, ['mcp_servers', 'сервер-é', 'args'])!.children![0];
  assert.equal(slice(doc, arg), '"ä"');
  assert.deepEqual(doc.comments(), [{ offset: text.indexOf('# run'), length: 5 }]);
});

test('a half-typed file yields the readable tree plus one problem per error', () => {
  const text = '[mcp_servers.a]\ncommand = \nargs = ["x"]\n\n[mcp_servers.b]\nurl = "https://b"\nurl = "https://dup"\n';
  const doc = parse(text);
  assert.equal(doc.problems.length, 2);
  const [missing, duplicate] = doc.problems;
  assert.equal(missing.offset, text.indexOf('= \n'), 'points at the = with no value');
  assert.equal(duplicate.offset, text.lastIndexOf('url'));
  assert.match(duplicate.message, /multiple times/i);
  assert.deepEqual(
    getValueAtPath(doc.root, ['mcp_servers', 'a', 'args'])!.children!.map((c) => c.value),
    ['x'],
  );
  assert.equal(getValueAtPath(doc.root, ['mcp_servers', 'b', 'url'])!.value, 'https://b');
});

test('an unterminated string at the end still gives a tree and a problem', () => {
  const doc = parse('[mcp_servers.a]\ncommand = "npx\n');
  assert.ok(doc.problems.length >= 1);
  assert.ok(getValueAtPath(doc.root, ['mcp_servers', 'a']));
});

test('[[array]] tables append objects', () => {
  const doc = parse('[[servers]]\nname = "a"\n[[servers]]\nname = "b"\n');
  const servers = getValueAtPath(doc.root, ['servers'])!;
  assert.equal(servers.type, 'array');
  assert.deepEqual(
    servers.children!.map((c) => getValueAtPath(c, ['name'])!.value),
    ['a', 'b'],
  );
});

test('quote() writes TOML basic strings that read back to the same value', () => {
  const doc = parse('');
  for (const value of ['plain', 'with "quotes" and \\ backslash', 'tab\tnewline\n', 'del\u007f', 'ünïcödé ${X}']) {
    const reparsed = parse(`k = ${doc.quote(value)}\n`);
    assert.deepEqual(reparsed.problems, [], value);
    assert.equal(getValueAtPath(reparsed.root, ['k'])!.value, value);
  }
});

test('problems stay inside the text, even with lone CR line ends', () => {
  const text = '0x1F\r\n{\r  "servers": {}\r}\r';
  const doc = parse(text);
  assert.ok(doc.problems.length > 0);
  for (const p of doc.problems) assert.ok(p.offset >= 0 && p.length >= 0 && p.offset + p.length <= text.length, JSON.stringify(p));
});
