import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../server/src/core/lineIndex';
import { checkRange, lineLengths } from '../../fuzz/lib/checks';
import { codeUnitArb } from '../../fuzz/lib/arbitraries';
import { fuzzRuns, fuzzSeed } from '../../fuzz/lib/config';

/**
 * Regression: a rule reporting offset NaN produced { character: NaN }, a negative length an
 * end before the start, and an offset between \r and \n a character past the line's end.
 */
test('positionAt/rangeAt turn NaN, fractions, infinities and negative lengths into real ranges', () => {
  const text = 'ab\r\ncd';
  const lines = new LineIndex(text);
  const lengths = lineLengths(text);
  assert.deepEqual(lines.positionAt(Number.NaN), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(Number.POSITIVE_INFINITY), { line: 1, character: 2 });
  assert.deepEqual(lines.positionAt(Number.NEGATIVE_INFINITY), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(1.7), { line: 0, character: 1 });
  assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 }, 'between \\r and \\n');
  for (const [offset, length] of [
    [Number.NaN, 1],
    [3, -7],
    [1, Number.NaN],
    [-10, 5],
    [1e9, 5],
    [5, 1e9],
    [3, 0],
  ]) {
    checkRange(lines.rangeAt(offset, length), lengths, `rangeAt(${offset}, ${length})`);
  }
});

test('property: every offset and length, on any text, gives a range inside the text', () => {
  const textArb = fc.string({ unit: fc.oneof(codeUnitArb, fc.constantFrom('\r', '\n', '\r\n')), maxLength: 60 });
  const numberArb = fc.oneof(fc.integer({ min: -100, max: 200 }), fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity));
  fc.assert(
    fc.property(textArb, numberArb, numberArb, (text, offset, length) => {
      checkRange(new LineIndex(text).rangeAt(offset, length), lineLengths(text), `rangeAt(${offset}, ${length})`);
    }),
    { seed: fuzzSeed(), numRuns: fuzzRuns(2000) },
  );
});
