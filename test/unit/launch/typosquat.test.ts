import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skeleton, typosquatOf } from '../../../server/src/launch/typosquat';
import { editDistance } from '../../../server/src/common/editDistance';
import { isTrustedPackage } from '../../../server/src/launch/trust';
import { DEFAULT_SETTINGS } from '../../../server/src/common/settings';

test('skeletons fold look-alike characters', () => {
  assert.equal(skeleton('@modelcontextprotocoI/server'), skeleton('@modelcontextprotocol/server'));
  assert.equal(skeleton('pοstmark'), skeleton('postmark'), 'Greek omicron');
  assert.equal(skeleton('mcp-server-fetсh'), skeleton('mcp-server-fetch'), 'Cyrillic es');
  assert.equal(skeleton('rnodel'), skeleton('model'));
  assert.notEqual(skeleton('server-git'), skeleton('server-gist'));
});

test('bounded edit distance counts transpositions as one edit', () => {
  assert.equal(editDistance('kitten', 'sitting', 5), 3);
  assert.equal(editDistance('mcp-server-fecth', 'mcp-server-fetch', 2), 1);
  assert.equal(editDistance('abc', 'abcdefgh', 2), 3, 'stops early past the bound');
  assert.equal(editDistance('same', 'same', 1), 0);
});

test('bounded edit distance equals the textbook matrix on random words (its rows are reused between calls)', () => {
  // Optimal string alignment over the full matrix, as the function was first written.
  const byMatrix = (a: string, b: string, max: number): number => {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      let rowMin = Infinity;
      for (let j = 1; j <= b.length; j++) {
        let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
        rows[i][j] = value;
        rowMin = Math.min(rowMin, value);
      }
      if (rowMin > max) return max + 1;
    }
    return rows[a.length][b.length];
  };
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const word = (longest: number) => Array.from({ length: Math.floor(random() * longest) }, () => 'abcde'[Math.floor(random() * 5)]).join('');
  for (let round = 0; round < 20_000; round++) {
    // Now and then a long one, so the reused rows have to grow.
    const a = word(12);
    const b = random() < 0.05 ? word(150) : word(12);
    const max = Math.floor(random() * 4);
    assert.equal(editDistance(a, b, max), byMatrix(a, b, max), `${a} / ${b} / ${max}`);
  }
});

test('typosquat classification', () => {
  assert.equal(typosquatOf('npm', '@modelcontextprotocol/server-memory'), undefined);
  assert.equal(typosquatOf('npm', '@modelcontextprotocoI/server-memory')?.kind, 'confusable');
  assert.equal(typosquatOf('npm', '@modelcontextprotocol/server-memroy')?.kind, 'distance');
  assert.equal(typosquatOf('npm', '@modelcontextprotocol/server-memroy')?.sameOwner, true);
  assert.equal(typosquatOf('npm', '@modelcontextprotocols/server-memory')?.kind, 'scope');
  assert.equal(typosquatOf('PyPI', 'mcp_server_fetch'), undefined, 'PEP 503 spelling of a genuine name');
  assert.equal(typosquatOf('PyPI', 'mcp-server-fetc')?.genuine, 'mcp-server-fetch');
  assert.equal(typosquatOf('npm', 'github-mcp-server')?.kind, 'lookalike');
  assert.equal(typosquatOf('npm', 'mcp'), undefined, 'short names are not compared');
  assert.equal(typosquatOf('npm', 'totally-different-server'), undefined);
  assert.equal(typosquatOf('Docker', 'mcp-git'), undefined, 'library-namespace images cannot be squatted');
});

test('trustedPackages: exact, wildcard prefix, version suffix ignored, PEP 503 normalised', () => {
  const settings = { ...DEFAULT_SETTINGS, trustedPackages: ['@acme/*', 'tool@1.0.0', 'Some_Py.Pkg', 'ghcr.io/acme/*'] };
  assert.ok(isTrustedPackage(settings, '@acme/server'));
  assert.ok(isTrustedPackage(settings, 'tool'));
  assert.ok(isTrustedPackage(settings, 'some-py-pkg'));
  assert.ok(isTrustedPackage(settings, 'ghcr.io/acme/mcp'));
  assert.ok(!isTrustedPackage(settings, '@other/server'));
  assert.ok(!isTrustedPackage(DEFAULT_SETTINGS, 'tool'));
});
