import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck, assertFixAllStable } from './_permissionTransport';

const RULE = 'vscode-global-auto-approve';

const SETTINGS = `{
  // YOLO
  "chat.tools.global.autoApprove": true,
  "editor.fontSize": 14
}
`;

test('workspace and user settings.json: both key names', () => {
  const [finding] = lintRule(RULE, '/repo/.vscode/settings.json', SETTINGS);
  assert.equal(finding.text, 'true');
  assert.equal(finding.severity, 'error');
  assert.deepEqual(
    lintRule(RULE, '/home/u/.config/Code/User/settings.json', '{"chat.tools.autoApprove": true}').map((f) => f.text),
    ['true'],
  );
});

test('nested "chat": { "tools": ... } objects are read through the dialect\'s knobs', () => {
  assert.deepEqual(
    lintRule(RULE, '/repo/.vscode/settings.json', '{"chat":{"tools":{"global":{"autoApprove":true}}}}').map((f) => f.text),
    ['true'],
  );
});

test('dev container customizations', () => {
  const dc = '{"name":"x","customizations":{"vscode":{"settings":{"chat.tools.global.autoApprove":true}}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.devcontainer/devcontainer.json', dc).map((f) => f.text),
    ['true'],
  );
});

test('valid: false, other approval settings', () => {
  assertClean(RULE, '/repo/.vscode/settings.json', '{"chat.tools.global.autoApprove": false, "chat.tools.terminal.autoApprove": {"npm test": true}}');
  assertClean(RULE, '/repo/.vscode/mcp.json', '{"servers":{}}');
});

test('fix sets false, keeps the comment; safe and idempotent', () => {
  const fixed = applyAndCheck(RULE, '/repo/.vscode/settings.json', SETTINGS, { comments: ['// YOLO'] });
  assert.ok(fixed.includes('"chat.tools.global.autoApprove": false'));
  assert.equal(assertFixAllStable(RULE, '/repo/.vscode/settings.json', SETTINGS), fixed);
});
