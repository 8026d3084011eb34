import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/lineIndex';

test('positions follow LSP: 0-based lines, UTF-16 characters, \\n, \\r\\n and lone \\r breaks', () => {
  const text = 'a\r\nbé😀c\rd\ne';
  const lines = new LineIndex(text);
  assert.equal(lines.lineCount, 4);
  assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
  // The emoji is two UTF-16 code units, as LSP counts it.
  assert.deepEqual(lines.positionAt(text.indexOf('c')), { line: 1, character: 4 });
  assert.deepEqual(lines.positionAt(text.indexOf('d')), { line: 2, character: 0 });
  assert.deepEqual(lines.positionAt(text.length), { line: 3, character: 1 });
});

test('offsetAt inverts positionAt and clamps out-of-range positions', () => {
  const text = '{\n  "a": 1\n}\n';
  const lines = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset++) assert.equal(lines.offsetAt(lines.positionAt(offset)), offset);
  assert.equal(lines.offsetAt({ line: 1, character: 999 }), text.indexOf('\n}') + 1);
  assert.equal(lines.offsetAt({ line: 99, character: 0 }), text.length);
  assert.equal(lines.positionAt(-5).line, 0);
});
