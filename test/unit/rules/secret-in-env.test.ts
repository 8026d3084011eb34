import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenOf, Rng, HEX } from '../secrets/tokens';
import { CLAUDE_CODE, CLAUDE_DESKTOP, CODEX, CONTINUE, VSCODE, checkFix, findings, only, underlined } from '../secrets/helpers';

const RULE = 'secret-in-env';
const GHP = tokenOf('github-classic', 11);
const TAVILY = tokenOf('tavily', 12);
const OPAQUE = new Rng(13).chars(HEX, 40);

const vscode = (env: string) => `{
  // Team servers: keep tokens out of this file
  "servers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"],
      "env": { ${env} }
    }
  }
}
`;
const claude = (env: string) => `{
  "mcpServers": {
    "tavily": {
      "command": "npx",
      "args": ["-y", "tavily-mcp@0.2.4"],
      "env": { ${env} }
    }
  }
}
`;

test('vscode: a known token format is an error on the whole string node; ${input:} fix', () => {
  const text = vscode(`"GITHUB_PERSONAL_ACCESS_TOKEN": "${GHP}"`);
  const finding = only(text, VSCODE, RULE);
  assert.equal(finding.severity, 'error');
  assert.equal(finding.server, 'github');
  assert.equal(underlined(text, finding), `"${GHP}"`);
  assert.match(finding.message, /GitHub token in env "GITHUB_PERSONAL_ACCESS_TOKEN"/);
  assert.match(finding.fixes[0].title, /\$\{input:github-personal-access-token\}/);
  const fixed = checkFix(text, VSCODE, finding, 0);
  assert.ok(fixed.includes('"GITHUB_PERSONAL_ACCESS_TOKEN": "${input:github-personal-access-token}"'));
  assert.ok(fixed.includes('"password": true'));
  // The ${env:} alternative avoids mirroring the host's own variable.
  const viaEnv = checkFix(text, VSCODE, finding, 1);
  assert.ok(viaEnv.includes('"${env:MCP_GITHUB_PERSONAL_ACCESS_TOKEN}"'));
});

test('vscode: a credential-named key with a random literal is a warning', () => {
  const text = vscode(`"GITHUB_HOST": "github.example.com", "INTERNAL_API_KEY": "${OPAQUE}"`);
  const finding = only(text, VSCODE, RULE);
  assert.equal(finding.severity, 'warning');
  assert.equal(underlined(text, finding), `"${OPAQUE}"`);
  assert.match(finding.message, /API key in env "INTERNAL_API_KEY"/);
});

test('claude-code: a ${VAR:-literal} default is found on the literal alone; the fix replaces the whole reference', () => {
  const text = claude(`"TAVILY_API_KEY": "\${TAVILY_API_KEY:-${TAVILY}}"`);
  const finding = only(text, CLAUDE_CODE, RULE);
  assert.equal(finding.severity, 'error');
  assert.equal(underlined(text, finding), TAVILY);
  assert.match(finding.message, /Tavily API key \(as the default of a variable\)/);
  const fixed = checkFix(text, CLAUDE_CODE, finding);
  assert.ok(fixed.includes('"TAVILY_API_KEY": "${MCP_TAVILY_API_KEY}"'), fixed);
});

test('claude-code: references, placeholders, public keys and look-alikes are not findings', () => {
  for (const env of [
    '"TAVILY_API_KEY": "${TAVILY_API_KEY}"',
    '"TAVILY_API_KEY": "YOUR_TAVILY_API_KEY"',
    '"TAVILY_API_KEY": "tvly-xxxxxxxxxxxxxxxxxxxxxxxx"',
    '"AWS_ACCESS_KEY_ID": "AKIA' + 'IOSFODNN7EXAMPLE"',
    '"MAX_TOKENS": "4096"',
    '"GITHUB_TOKEN_FILE": "/run/secrets/gh"',
    '"SUPABASE_PUBLISHABLE_KEY": "sb_publishable_' + 'Ab12Cd34Ef56Gh78Ij90Kl"',
  ]) {
    assert.deepEqual(findings(claude(env), CLAUDE_CODE, RULE), [], env);
  }
});

test('an escape sequence before the secret widens the range to the whole string', () => {
  const text = claude(`"TAVILY_API_KEY": "\\u0024{TAVILY_API_KEY:-${TAVILY}}"`);
  const finding = only(text, CLAUDE_CODE, RULE);
  assert.ok(underlined(text, finding).startsWith('"\\u0024'));
});

test('claude-desktop: no replacement fix (the client expands no variables); the entry can be removed, the title says where the value goes', () => {
  const text = `{ "mcpServers": { "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"], "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${GHP}" } } } }`;
  const finding = only(text, CLAUDE_DESKTOP, RULE);
  assert.deepEqual(finding.fixes.map((f) => f.title), ['Remove the plaintext GITHUB_PERSONAL_ACCESS_TOKEN from the file (set it in the environment Claude Desktop starts from)']);
  assert.match(finding.message, /expands no variables/);
  const fixed = checkFix(text, CLAUDE_DESKTOP, finding, 0);
  assert.ok(fixed.includes('"env": {  }') || fixed.includes('"env": {}'), fixed);
  assert.ok(!fixed.includes('${'), 'no reference the client would pass on literally');
});

test('codex TOML and continue YAML env values are checked too', () => {
  const toml = `# personal servers\n[mcp_servers.github]\ncommand = "npx"\nargs = ["-y", "@modelcontextprotocol/server-github@0.6.2"]\n\n[mcp_servers.github.env]\nGITHUB_PERSONAL_ACCESS_TOKEN = "${GHP}"\n`;
  const codex = only(toml, CODEX, RULE);
  assert.equal(underlined(toml, codex), `"${GHP}"`);
  // Codex expands no variables: no replacement fix, only removing the entry (set it through env_vars).
  assert.deepEqual(codex.fixes.map((f) => f.title), ['Remove the plaintext GITHUB_PERSONAL_ACCESS_TOKEN from the file (list it in env_vars so Codex forwards it from its environment)']);
  const codexFixed = checkFix(toml, CODEX, codex, 0);
  assert.ok(codexFixed.includes('[mcp_servers.github.env]') && !codexFixed.includes(GHP) && !codexFixed.includes('${'), codexFixed);
  const yaml = `name: tavily\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: tavily\n    command: npx\n    args: ["-y", "tavily-mcp@0.2.4"]\n    env:\n      TAVILY_API_KEY: ${TAVILY}\n`;
  const cont = only(yaml, CONTINUE, RULE);
  assert.equal(underlined(yaml, cont), TAVILY);
  const fixed = checkFix(yaml, CONTINUE, cont, 0);
  assert.ok(fixed.includes('${{ secrets.MCP_TAVILY_API_KEY }}'), fixed);
});
