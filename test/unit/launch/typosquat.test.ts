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
