import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, URLSAFE } from '../secrets/tokens';
import { CURSOR, GEMINI, checkFix, findings, only, underlined } from '../secrets/helpers';

const RULE = 'secret-oauth-client-secret';
const SECRET = new Rng(61).chars(URLSAFE, 40);

test('cursor: auth.CLIENT_SECRET literal is an error; fix uses ${env:}', () => {
  const text = `{\n  // remote\n  "mcpServers": {\n    "api": { "url": "https://mcp.example.com/mcp", "auth": { "CLIENT_ID": "mcp-cli", "CLIENT_SECRET": "${SECRET}" } }\n  }\n}\n`;
  const finding = only(text, CURSOR, RULE);
  assert.equal(finding.severity, 'error');
  assert.equal(underlined(text, finding), `"${SECRET}"`);
  assert.match(finding.message, /OAuth client secret in "CLIENT_SECRET"/);
  const fixed = checkFix(text, CURSOR, finding, 0, { allowComments: true });
  assert.ok(fixed.includes('"CLIENT_SECRET": "${env:API_CLIENT_SECRET}"'), fixed);
});

test('gemini: oauth.clientSecret literal is an error; fix uses the Gemini syntax', () => {
  const text = `{\n  "mcpServers": {\n    "api": { "httpUrl": "https://mcp.example.com/mcp", "oauth": { "enabled": true, "clientId": "cli", "clientSecret": "${SECRET}" } }\n  }\n}\n`;
  const finding = only(text, GEMINI, RULE);
  assert.equal(underlined(text, finding), `"${SECRET}"`);
  const fixed = checkFix(text, GEMINI, finding, 0, { allowComments: true });
  assert.ok(fixed.includes('"clientSecret": "${API_CLIENT_SECRET}"'), fixed);
});

test('references, templates and client ids are not findings', () => {
  for (const oauth of [
    '"clientId": "cli", "clientSecret": "$API_CLIENT_SECRET"',
    '"clientId": "cli", "clientSecret": "YOUR_CLIENT_SECRET"',
    '"clientId": "1234567890-abcdefghij.apps.googleusercontent.com"',
  ]) {
    const text = `{ "mcpServers": { "api": { "httpUrl": "https://mcp.example.com/mcp", "oauth": { ${oauth} } } } }`;
    assert.deepEqual(findings(text, GEMINI, RULE), [], oauth);
  }
});
