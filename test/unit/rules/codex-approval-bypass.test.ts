import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck } from './_permissionTransport';

const RULE = 'codex-approval-bypass';

const CONFIG = `# Codex config
model = "gpt-5"
approval_policy = "never"
sandbox_mode = "danger-full-access"

[profiles.ci]
approval_policy = "never"
sandbox_mode = "workspace-write"
`;

test('never + danger-full-access are errors; never alone in a profile is a warning (user and project config)', () => {
  const found = lintRule(RULE, '/Users/a/.codex/config.toml', CONFIG);
  assert.deepEqual(
    found.map((f) => [f.text, f.severity]),
    [
      ['"never"', 'error'],
      ['"danger-full-access"', 'error'],
      ['"never"', 'warning'],
    ],
  );
  assert.match(found[2].message, /profile "ci"/);
  assert.deepEqual(
    lintRule(RULE, '/repo/.codex/config.toml', 'sandbox_mode = "danger-full-access"\n').map((f) => f.text),
    ['"danger-full-access"'],
  );
});

test('valid: on-request, workspace-write', () => {
  assertClean(RULE, '/Users/a/.codex/config.toml', 'approval_policy = "on-request"\nsandbox_mode = "workspace-write"\n');
});

test('fixes replace the value and keep the comment; not safe', () => {
  const fixed = applyAndCheck(RULE, '/Users/a/.codex/config.toml', CONFIG, { findingIndex: 1, comments: ['# Codex config'] });
  assert.ok(fixed.includes('sandbox_mode = "workspace-write"\n\n[profiles.ci]'), fixed);
  assert.equal(lintRule(RULE, '/Users/a/.codex/config.toml', CONFIG)[1].fixes[0].safe, false);
});
