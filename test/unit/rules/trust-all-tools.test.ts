import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck, assertFixAllStable } from './_permissionTransport';

const RULE = 'trust-all-tools';

const GEMINI = `{
  // Gemini CLI settings
  "mcpServers": {
    "gh": { "httpUrl": "https://api.githubcopilot.com/mcp/", "trust": true }
  }
}
`;

test('trust: true is an error on the value (project and user Gemini settings)', () => {
  const [finding] = lintRule(RULE, '/repo/.gemini/settings.json', GEMINI);
  assert.equal(finding.text, 'true');
  assert.equal(finding.severity, 'error');
  assert.equal(finding.server, 'gh');
  assert.deepEqual(
    lintRule(RULE, '/home/u/.gemini/settings.json', '{"mcpServers":{"s":{"command":"srv","trust":true}}}').map((f) => f.text),
    ['true'],
  );
});

test('valid: trust false or absent', () => {
  assertClean(RULE, '/repo/.gemini/settings.json', '{"mcpServers":{"s":{"command":"srv","trust":false}}}');
  assertClean(RULE, '/repo/.gemini/settings.json', '{"mcpServers":{"s":{"command":"srv"}}}');
});

test('fix sets false, keeps comments, is safe and idempotent', () => {
  const fixed = applyAndCheck(RULE, '/repo/.gemini/settings.json', GEMINI, { comments: ['// Gemini CLI settings'] });
  assert.ok(fixed.includes('"trust": false'));
  assert.equal(assertFixAllStable(RULE, '/repo/.gemini/settings.json', GEMINI), fixed);
});
