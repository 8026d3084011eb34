import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck } from './_permissionTransport';

const RULE = 'docker-confinement-disabled';

test('seccomp/apparmor unconfined and label=disable (VS Code, Cursor)', () => {
  const text = '{"servers":{"c":{"command":"docker","args":["run","--security-opt","seccomp=unconfined","--security-opt=apparmor:unconfined","img"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.vscode/mcp.json', text).map((f) => [f.text, f.severity]),
    [
      ['"seccomp=unconfined"', 'error'],
      ['"--security-opt=apparmor:unconfined"', 'error'],
    ],
  );
  const cursor = '{"mcpServers":{"c":{"command":"podman","args":["run","--security-opt","label=disable","img"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.cursor/mcp.json', cursor).map((f) => f.text),
    ['"label=disable"'],
  );
});

test('valid: a custom profile, no-new-privileges', () => {
  assertClean(
    RULE,
    '/repo/.mcp.json',
    '{"mcpServers":{"c":{"command":"docker","args":["run","--security-opt","seccomp=./profile.json","--security-opt","no-new-privileges","img"]}}}',
  );
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"c":{"command":"docker","args":["run","--security-opt","no-new-privileges=false","img"]}}}');
});

test('fix removes option and value', () => {
  const text = '{"servers":{"c":{"command":"docker","args":["run","--security-opt","seccomp=unconfined","img"]}}}';
  assert.equal(applyAndCheck(RULE, '/repo/.vscode/mcp.json', text), '{"servers":{"c":{"command":"docker","args":["run","img"]}}}');
});
