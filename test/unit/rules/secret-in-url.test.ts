import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenOf, Rng, ALNUM } from '../secrets/tokens';
import { CLAUDE_CODE, VSCODE, checkFix, findings, only, underlined } from '../secrets/helpers';

const RULE = 'secret-in-url';
const TAVILY = tokenOf('tavily', 41);
const KEY = new Rng(42).chars(ALNUM, 32);
const PASSWORD = 'Zx9' + new Rng(43).chars(ALNUM, 14);

const vscode = (server: string) => `{
  // remote servers
  "servers": { "tavily": ${server} }
}
`;
const claude = (server: string) => `{
  "mcpServers": { "remote": ${server} }
}
`;

test('vscode: a tavilyApiKey query parameter in the server url underlines the value only', () => {
  const text = vscode(`{ "type": "http", "url": "https://mcp.tavily.com/mcp/?tavilyApiKey=${TAVILY}" }`);
  const finding = only(text, VSCODE, RULE);
  assert.equal(finding.severity, 'error');
  assert.equal(underlined(text, finding), TAVILY);
  assert.match(finding.message, /query parameter "tavilyApiKey"/);
  const fixed = checkFix(text, VSCODE, finding);
  assert.ok(fixed.includes('"https://mcp.tavily.com/mcp/?tavilyApiKey=${input:tavily-api-key}"'), fixed);
});

test('claude-code: an api_key of unknown format in an mcp-remote URL argument is a warning', () => {
  const text = claude(`{ "command": "npx", "args": ["-y", "mcp-remote@0.1.29", "https://mcp.example.com/sse?api_key=${KEY}&region=eu"] }`);
  const finding = only(text, CLAUDE_CODE, RULE);
  assert.equal(finding.severity, 'warning');
  assert.equal(underlined(text, finding), KEY);
  const fixed = checkFix(text, CLAUDE_CODE, finding);
  assert.ok(fixed.includes('"https://mcp.example.com/sse?api_key=${REMOTE_API_KEY}&region=eu"'), fixed);
});

test('claude-code: a user:password@ login is an error on the password only', () => {
  const text = claude(`{ "type": "http", "url": "https://admin:${PASSWORD}@mcp.example.com/mcp" }`);
  const finding = only(text, CLAUDE_CODE, RULE);
  assert.equal(finding.severity, 'error');
  assert.equal(underlined(text, finding), PASSWORD);
  assert.match(finding.message, /^Plaintext password in a URL: move it out of the file\..*the login part/);
  checkFix(text, CLAUDE_CODE, finding);
});

test('no finding for references, templates, ids and URLs without credentials', () => {
  for (const url of [
    'https://mcp.example.com/mcp?api_key=${input:api-key}',
    'https://mcp.tavily.com/mcp/?tavilyApiKey=<your-api-key>',
    'https://mcp.example.com/mcp?project_ref=abcdefghijklmnop',
    'https://user@mcp.example.com/mcp',
    'https://mcp.example.com/sse?client_id=mcp-cli',
  ]) {
    assert.deepEqual(findings(vscode(`{ "type": "http", "url": "${url}" }`), VSCODE, RULE), [], url);
  }
});

test('database URLs are left to secret-connection-string', () => {
  const text = claude(`{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://app:${PASSWORD}@db.example.com/app"] }`);
  assert.deepEqual(findings(text, CLAUDE_CODE, RULE), []);
  assert.equal(findings(text, CLAUDE_CODE, 'secret-connection-string').length, 1);
});
