import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenOf, Rng, HEX } from '../secrets/tokens';
import { CLAUDE_CODE, VSCODE, checkFix, findings, only, underlined } from '../secrets/helpers';

const RULE = 'secret-in-args';
const SBP = tokenOf('supabase-pat', 31);
const GHP = tokenOf('github-classic', 32);
const OPAQUE = new Rng(33).chars(HEX, 40);

const vscode = (server: string) => `{
  // project servers
  "servers": {
    "srv": ${server}
  }
}
`;
const claude = (server: string) => `{
  "mcpServers": {
    "srv": ${server}
  }
}
`;

test('vscode: "--access-token", "<token>" underlines the value argument; fix uses ${input:}', () => {
  const text = vscode(`{ "command": "npx", "args": ["-y", "@supabase/mcp-server-supabase@0.5.5", "--access-token", "${SBP}"] }`);
  const finding = only(text, VSCODE, RULE);
  assert.equal(finding.severity, 'error');
  assert.equal(underlined(text, finding), `"${SBP}"`);
  assert.match(finding.message, /^Plaintext Supabase access token in an argument: move it out of the file\..*argument --access-token/);
  const fixed = checkFix(text, VSCODE, finding);
  assert.ok(fixed.includes('"--access-token", "${input:srv-access-token}"'), fixed);
});

test('claude-code: "--token=<token>" underlines the part after "="', () => {
  const text = claude(`{ "command": "npx", "args": ["-y", "x-mcp@1.0.0", "--token=${OPAQUE}"] }`);
  const finding = only(text, CLAUDE_CODE, RULE);
  assert.equal(finding.severity, 'warning');
  assert.equal(underlined(text, finding), OPAQUE);
  const fixed = checkFix(text, CLAUDE_CODE, finding);
  assert.ok(fixed.includes('"--token=${SRV_TOKEN}"'), fixed);
});

test('claude-code: docker -e NAME=value underlines the value; a bare -e NAME is fine', () => {
  const text = claude(
    `{ "command": "docker", "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN=${GHP}", "ghcr.io/github/github-mcp-server:v0.9.0"] }`,
  );
  const finding = only(text, CLAUDE_CODE, RULE);
  assert.equal(underlined(text, finding), GHP);
  assert.match(finding.message, /argument -e GITHUB_PERSONAL_ACCESS_TOKEN \(a container environment variable\)/);
  const fixed = checkFix(text, CLAUDE_CODE, finding);
  assert.ok(fixed.includes('"GITHUB_PERSONAL_ACCESS_TOKEN=${GITHUB_PERSONAL_ACCESS_TOKEN}"'), fixed);
  const bare = claude(
    `{ "command": "docker", "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server:v0.9.0"], "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "\${GH_MCP_TOKEN}" } }`,
  );
  assert.deepEqual(findings(bare, CLAUDE_CODE, RULE), []);
});

test('vscode: mcp-remote --header "Authorization: Bearer <token>" underlines the token', () => {
  const text = vscode(
    `{ "command": "npx", "args": ["-y", "mcp-remote@0.1.29", "https://mcp.example.com/sse", "--header", "Authorization: Bearer ${OPAQUE}"] }`,
  );
  const finding = only(text, VSCODE, RULE);
  assert.equal(underlined(text, finding), OPAQUE);
  const fixed = checkFix(text, VSCODE, finding);
  assert.ok(fixed.includes('"Authorization: Bearer ${input:srv-token}"'), fixed);
});

test('a known token as a bare positional argument, and inside the command string', () => {
  const positional = claude(`{ "command": "npx", "args": ["-y", "x-mcp@1.0.0", "${GHP}"] }`);
  assert.equal(underlined(positional, only(positional, CLAUDE_CODE, RULE)), `"${GHP}"`);
  const commandString = claude(`{ "command": "npx -y x-mcp@1.0.0 --api-key ${GHP}" }`);
  const finding = only(commandString, CLAUDE_CODE, RULE);
  assert.equal(underlined(commandString, finding), GHP);
  const fixed = checkFix(commandString, CLAUDE_CODE, finding);
  assert.ok(fixed.includes('"command": "npx -y x-mcp@1.0.0 --api-key ${SRV_API_KEY}"'), fixed);
});

test('ordinary arguments, references and templates are not findings', () => {
  for (const args of [
    '"--port", "3000"',
    '"--api-key", "${input:api-key}"',
    '"--access-token", "YOUR_SUPABASE_PERSONAL_ACCESS_TOKEN_HERE"',
    '"--header", "Authorization: Bearer ${AUTH_TOKEN}"',
    '"--token-limit=8000"',
    `"--commit", "${new Rng(34).chars(HEX, 40)}"`,
    `"ghcr.io/github/github-mcp-server@sha256:${new Rng(35).chars(HEX, 64)}"`,
  ]) {
    const text = vscode(`{ "command": "npx", "args": ["-y", "x-mcp@1.0.0", ${args}] }`);
    assert.deepEqual(findings(text, VSCODE, RULE), [], args);
  }
});

test('assignments inside a shell line are judged by their names', () => {
  const text = claude(`{ "command": "bash", "args": ["-c", "API_KEY=${OPAQUE} npx -y x-mcp@1.0.0 && true"] }`);
  const finding = only(text, CLAUDE_CODE, RULE);
  assert.equal(underlined(text, finding), OPAQUE);
  const fixed = checkFix(text, CLAUDE_CODE, finding);
  assert.ok(fixed.includes('"API_KEY=${API_KEY} npx -y x-mcp@1.0.0 && true"'), fixed);
  assert.deepEqual(findings(claude('{ "command": "bash", "args": ["-c", "PORT=3000 NODE_ENV=production npx -y x-mcp@1.0.0"] }'), CLAUDE_CODE, RULE), []);
});
