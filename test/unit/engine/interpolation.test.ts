import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findReferences, isOnlyReferences } from '../../../server/src/core/interpolation';

test('every client reference syntax is recognised with its name', () => {
  const cases: Array<[string, string, string]> = [
    ['${input:gh-token}', 'input', 'gh-token'],
    ['${env:GITHUB_TOKEN}', 'env-colon', 'GITHUB_TOKEN'],
    ['${workspaceFolder}', 'vscode-builtin', 'workspaceFolder'],
    ['${GITHUB_TOKEN}', 'dollar-brace', 'GITHUB_TOKEN'],
    ['$GITHUB_TOKEN', 'dollar', 'GITHUB_TOKEN'],
    ['{env:GITHUB_TOKEN}', 'brace-env', 'GITHUB_TOKEN'],
    ['${{ secrets.GITHUB_TOKEN }}', 'gh-secrets', 'GITHUB_TOKEN'],
  ];
  for (const [text, syntax, name] of cases) {
    const [reference] = findReferences(text);
    assert.equal(reference?.syntax, syntax, text);
    assert.equal(reference?.name, name, text);
    assert.equal(reference?.start, 0);
    assert.equal(reference?.end, text.length);
  }
});

test('${VAR:-default} exposes the default literal, which can itself be a secret', () => {
  const [reference] = findReferences('${API_KEY:-abc123def456}');
  assert.equal(reference.name, 'API_KEY');
  assert.equal(reference.defaultValue, 'abc123def456');
});

test('a value made only of references (optionally after an auth scheme) is not a literal', () => {
  assert.equal(isOnlyReferences('${input:token}'), true);
  assert.equal(isOnlyReferences('Bearer ${env:TOKEN}'), true);
  assert.equal(isOnlyReferences('${HOST}:${PORT}'), false);
  assert.equal(isOnlyReferences('plain'), false);
  assert.equal(isOnlyReferences('abc${X}'), false);
});
