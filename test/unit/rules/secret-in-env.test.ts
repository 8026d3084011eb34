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
    '"MAX_TOKENS": "4096"',
    '"GITHUB_TOKEN_FILE": "/run/secrets/gh"',
    '"SUPABASE_PUBLISHABLE_KEY": "sb_publishable_' + 'Ab12Cd34Ef56Gh78Ij90Kl"',
  ]) {
    assert.deepEqual(findings(claude(env), CLAUDE_CODE, RULE), [], env);
  }
});

test("a vendor's published documentation example is information only (issue 15 class 1)", () => {
  const finding = only(claude('"AWS_ACCESS_KEY_ID": "AKIA' + 'IOSFODNN7EXAMPLE"'), CLAUDE_CODE, RULE);
  assert.equal(finding.severity, 'information');
  assert.match(finding.message, /documented example value/);
});

test('an escape sequence before the secret widens the range to the whole string', () => {
  const text = claude(`"TAVILY_API_KEY": "\\u0024{TAVILY_API_KEY:-${TAVILY}}"`);
  const finding = only(text, CLAUDE_CODE, RULE);
  assert.ok(underlined(text, finding).startsWith('"\\u0024'));
});

test('claude-desktop: no fix (no variable syntax, and its servers get only a few standard variables, so deleting the value would break the server); the message says what to do', () => {
  const text = `{ "mcpServers": { "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"], "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${GHP}" } } } }`;
  const finding = only(text, CLAUDE_DESKTOP, RULE);
  assert.deepEqual(
    finding.fixes.map((f) => f.title),
    [],
  );
  assert.match(
    finding.message,
    /expands no variables here: start the server through a wrapper that reads it from your keychain or an env file outside the repository, or use the server's own login/,
  );
});

test('codex TOML and continue YAML env values are checked too', () => {
  const toml = `# personal servers\n[mcp_servers.github]\ncommand = "npx"\nargs = ["-y", "@modelcontextprotocol/server-github@0.6.2"]\n\n[mcp_servers.github.env]\nGITHUB_PERSONAL_ACCESS_TOKEN = "${GHP}"\n`;
  const codex = only(toml, CODEX, RULE);
  assert.equal(underlined(toml, codex), `"${GHP}"`);
  // Codex expands no variables: the entry moves to env_vars, which Codex forwards from its environment.
  assert.deepEqual(
    codex.fixes.map((f) => f.title),
    ['Move GITHUB_PERSONAL_ACCESS_TOKEN to env_vars (Codex passes it from its environment; set it there)'],
  );
  const codexFixed = checkFix(toml, CODEX, codex, 0);
  assert.ok(codexFixed.includes('env_vars = ["GITHUB_PERSONAL_ACCESS_TOKEN"]') && !codexFixed.includes(GHP) && !codexFixed.includes('${'), codexFixed);
  const yaml = `name: tavily\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: tavily\n    command: npx\n    args: ["-y", "tavily-mcp@0.2.4"]\n    env:\n      TAVILY_API_KEY: ${TAVILY}\n`;
  const cont = only(yaml, CONTINUE, RULE);
  assert.equal(underlined(yaml, cont), TAVILY);
  const fixed = checkFix(yaml, CONTINUE, cont, 0);
  assert.ok(fixed.includes('${{ secrets.MCP_TAVILY_API_KEY }}'), fixed);
});
