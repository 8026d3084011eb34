import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenOf, Rng, HEX } from '../secrets/tokens';
import { CODEX, VSCODE, checkFix, findings, only, underlined } from '../secrets/helpers';

const RULE = 'secret-in-comment';
const GHP = tokenOf('github-classic', 71);
const OPAQUE = new Rng(72).chars(HEX, 40);

test('vscode: a commented-out token is an error on the token; the fix removes it from the comment', () => {
  const text = `{\n  "servers": {\n    "github": {\n      "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"],\n      // "GITHUB_PERSONAL_ACCESS_TOKEN": "${GHP}",\n      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "\${input:github-pat}" }\n    }\n  }\n}\n`;
  const finding = only(text, VSCODE, RULE);
  assert.equal(finding.severity, 'error');
  assert.equal(underlined(text, finding), GHP);
  assert.match(finding.message, /^Plaintext GitHub token in a comment: delete it/);
  const fixed = checkFix(text, VSCODE, finding, 0, { allowComments: true, editsComment: true });
  assert.ok(fixed.includes('// "GITHUB_PERSONAL_ACCESS_TOKEN": "<removed>",'), fixed);
});

test('codex: NAME=value with a credential name in a TOML comment is a warning', () => {
  const toml = `[mcp_servers.api]\nurl = "https://mcp.example.com/mcp"\n# old token: API_TOKEN=${OPAQUE}\nbearer_token_env_var = "API_TOKEN"\n`;
  const finding = only(toml, CODEX, RULE);
  assert.equal(finding.severity, 'warning');
  assert.equal(underlined(toml, finding), OPAQUE);
});

test('ordinary comments, placeholders and URLs are not findings', () => {
  const text = `{\n  // Set GITHUB_TOKEN=YOUR_TOKEN_HERE before starting; docs: https://example.com/docs\n  /* token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx */\n  "servers": {}\n}\n`;
  assert.deepEqual(findings(text, VSCODE, RULE), []);
});
