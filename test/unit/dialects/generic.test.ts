import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/lint';

test('generic fallback: recognised by content, lenient schema (only near-misses of keys no client reads)', () => {
  const text = '{"mcpServers": {"a": {"comand": "npx", "args": [], "description": "x", "whatever": 1}}}';
  const analysis = analyze(text, '/p/examples/mcp.json')!;
  assert.equal(analysis.dialect.id, 'generic');
  const schema = analysis.findings.filter((f) => f.ruleId.startsWith('schema-'));
  assert.deepEqual(
    schema.map((f) => [f.ruleId, f.severity]),
    [['schema-unknown-key', 'information']],
  );
  assert.equal(schema[0].range.start.character, text.indexOf('"comand"'));
  assert.equal(schema[0].range.end.character, text.indexOf('"comand"') + '"comand"'.length);
});

test('Zed settings at an unknown path are recognised by context_servers', () => {
  assert.equal(analyze('{ "context_servers": { "a": { "command": "npx" } } }', '/dotfiles/zed-settings.json')?.dialect.id, 'zed');
  assert.equal(analyze('{ "theme": "x" }', '/dotfiles/settings.json'), undefined);
});
