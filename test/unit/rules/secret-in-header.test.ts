import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenOf, Rng, HEX, URLSAFE } from '../secrets/tokens';
import { CLAUDE_CODE, CODEX, VSCODE, checkFix, findings, only, underlined } from '../secrets/helpers';

const RULE = 'secret-in-header';
const rng = new Rng(21);
const OPAQUE = rng.chars(HEX, 48);
const SESSION = rng.chars(URLSAFE, 40);
const GHP = tokenOf('github-classic', 22);

const vscode = (headers: string, inputs = '') => `{
  // remote servers
  ${inputs}"servers": {
    "api": { "type": "http", "url": "https://mcp.example.com/mcp", "headers": { ${headers} } }
  }
}
`;
const claude = (headers: string) => `{
  "mcpServers": {
    "brave": { "type": "http", "url": "https://mcp.example.com/brave", "headers": { ${headers} } }
  }
}
`;

test('vscode: "Bearer <literal>" underlines the token only and the fix keeps the scheme', () => {
  const text = vscode(`"Authorization": "Bearer ${OPAQUE}"`);
  const finding = only(text, VSCODE, RULE);
  assert.equal(finding.severity, 'warning');
  assert.equal(underlined(text, finding), OPAQUE);
  assert.match(finding.message, /^Plaintext bearer token in a header: move it out of the file\..*header "Authorization"/);
  const fixed = checkFix(text, VSCODE, finding);
  assert.ok(fixed.includes('"Authorization": "Bearer ${input:api-token}"'), fixed);
});

test('vscode: an existing password input with the same id is reused, not duplicated', () => {
  const inputs = `"inputs": [{ "type": "promptString", "id": "api-token", "description": "API token", "password": true }],\n  `;
  const text = vscode(`"Authorization": "token ${GHP}"`, inputs);
  const finding = only(text, VSCODE, RULE);
  assert.equal(finding.severity, 'error', 'a known format after any scheme is an error');
  assert.equal(underlined(text, finding), GHP);
  const fixed = checkFix(text, VSCODE, finding);
  assert.equal(fixed.match(/"id": "api-token"/g)?.length, 1);
});

test('claude-code: X-Subscription-Token literal is a whole-node finding, fix names the variable after server and header', () => {
  const text = claude(`"X-Subscription-Token": "${OPAQUE}"`);
  const finding = only(text, CLAUDE_CODE, RULE);
  assert.equal(underlined(text, finding), `"${OPAQUE}"`);
  const fixed = checkFix(text, CLAUDE_CODE, finding);
  assert.ok(fixed.includes('"X-Subscription-Token": "${BRAVE_SUBSCRIPTION_TOKEN}"'), fixed);
});

test('claude-code: a ${VAR:-literal} default in a header is found', () => {
  const text = claude(`"Authorization": "Bearer \${BRAVE_TOKEN:-${OPAQUE}}"`);
  const finding = only(text, CLAUDE_CODE, RULE);
  assert.equal(underlined(text, finding), OPAQUE);
  const fixed = checkFix(text, CLAUDE_CODE, finding);
  assert.ok(fixed.includes('"Authorization": "Bearer ${BRAVE_TOKEN}"'), fixed);
});

test('cookies: the session value is found, harmless cookies are not', () => {
  const text = claude(`"Cookie": "theme=dark; session_id=${SESSION}"`);
  const finding = only(text, CLAUDE_CODE, RULE);
  assert.equal(underlined(text, finding), SESSION);
  assert.match(finding.message, /session cookie "session_id"/);
  assert.deepEqual(findings(claude('"Cookie": "theme=dark; lang=en"'), CLAUDE_CODE, RULE), []);
});

test('Basic credentials are decoded to tell real ones from templates', () => {
  const real = Buffer.from('svc:' + rng.chars(URLSAFE, 16)).toString('base64');
  assert.equal(only(claude(`"Authorization": "Basic ${real}"`), CLAUDE_CODE, RULE).severity, 'error');
  const template = Buffer.from('user:password').toString('base64');
  assert.deepEqual(findings(claude(`"Authorization": "Basic ${template}"`), CLAUDE_CODE, RULE), []);
});

test('references, templates and ordinary headers are not findings', () => {
  for (const header of [
    '"Authorization": "Bearer ${input:api-token}"',
    '"Authorization": "Bearer ${env:API_TOKEN}"',
    '"Authorization": "Bearer <token>"',
    '"Authorization": "Bearer YOUR_TOKEN"',
    '"X-Request-Id": "3f1c9a2e-7b4d-4c8e-9a1f-2d3e4f5a6b7c"',
    '"MCP-Protocol-Version": "2025-06-18"',
  ]) {
    assert.deepEqual(findings(vscode(header), VSCODE, RULE), [], header);
  }
});

test('codex: http_headers and an inline bearer_token are found; bearer_token becomes bearer_token_env_var, a header moves to env_http_headers', () => {
  const toml = `# remote\n[mcp_servers.api]\nurl = "https://mcp.example.com/mcp"\nbearer_token = "${OPAQUE}"\nhttp_headers = { "X-API-Key" = "${GHP}" }\n`;
  const found = findings(toml, CODEX, RULE);
  assert.equal(found.length, 2);
  const [bearer, header] = found;
  assert.equal(underlined(toml, bearer), `"${OPAQUE}"`);
  assert.deepEqual(
    header.fixes.map((f) => f.title),
    ['Move X-API-Key to env_http_headers as "API_KEY" (Codex reads it from its environment; set it there)'],
  );
  const fixed = checkFix(toml, CODEX, bearer);
  assert.ok(fixed.includes('bearer_token_env_var = "API_TOKEN"') && fixed.includes('# remote'), fixed);
  // Codex fills env_http_headers from its environment (Codex config docs, mcp_servers).
  assert.equal(
    checkFix(toml, CODEX, header),
    `# remote\n[mcp_servers.api]\nurl = "https://mcp.example.com/mcp"\nbearer_token = "${OPAQUE}"\nenv_http_headers = { X-API-Key = "API_KEY" }\n`,
  );
});
