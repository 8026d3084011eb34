import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck } from './_permissionTransport';

const RULE = 'goose-auto-mode';

const CONFIG = '# goose\nGOOSE_MODE: auto\nextensions:\n  github:\n    name: github\n    type: stdio\n    cmd: npx\n    args: ["-y", "@acme/gh-mcp@1.0.0"]\n';

test('GOOSE_MODE: auto is a warning on the value (plain and quoted YAML)', () => {
  const [finding] = lintRule(RULE, '/home/u/.config/goose/config.yaml', CONFIG);
  assert.equal(finding.text, 'auto');
  assert.equal(finding.severity, 'warning');
  assert.deepEqual(
    lintRule(RULE, '/home/u/.config/goose/config.yaml', CONFIG.replace('auto', '"auto"')).map((f) => f.text),
    ['"auto"'],
  );
});

test("valid: smart_approve, approve; the key in another client's file is not Goose's", () => {
  assertClean(RULE, '/home/u/.config/goose/config.yaml', CONFIG.replace('auto', 'smart_approve'));
  assertClean(RULE, '/repo/.continue/mcpServers/x.yaml', 'GOOSE_MODE: auto\nmcpServers:\n  - name: x\n    command: srv\n');
});

test('fix writes smart_approve and keeps the comment; not safe', () => {
  const fixed = applyAndCheck(RULE, '/home/u/.config/goose/config.yaml', CONFIG, { comments: ['# goose'] });
  assert.ok(
    fixed.includes('GOOSE_MODE: "smart_approve"') || fixed.includes("GOOSE_MODE: 'smart_approve'") || fixed.includes('GOOSE_MODE: smart_approve'),
    fixed,
  );
  assert.equal(lintRule(RULE, '/home/u/.config/goose/config.yaml', CONFIG)[0].fixes[0].safe, false);
});
