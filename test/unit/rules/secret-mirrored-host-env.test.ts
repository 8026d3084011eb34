import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLAUDE_CODE, CODEX, VSCODE, findings, only, underlined } from '../secrets/helpers';

const RULE = 'secret-mirrored-host-env';

test('vscode: "GITHUB_TOKEN": "${env:GITHUB_TOKEN}" for an npx server is information on the value', () => {
  const text = `{\n  // shared\n  "servers": { "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"], "env": { "GITHUB_TOKEN": "\${env:GITHUB_TOKEN}" } } }\n}\n`;
  const finding = only(text, VSCODE, RULE);
  assert.equal(finding.severity, 'information');
  assert.equal(underlined(text, finding), '"${env:GITHUB_TOKEN}"');
  assert.match(finding.message, /third-party code/);
  assert.deepEqual(finding.fixes, []);
});

test('claude-code: a docker server mirroring ${GITHUB_TOKEN}; a local script or a dedicated variable is fine', () => {
  const docker = `{ "mcpServers": { "github": { "command": "docker", "args": ["run", "-i", "--rm", "-e", "GITHUB_TOKEN", "ghcr.io/github/github-mcp-server:v0.9.0"], "env": { "GITHUB_TOKEN": "\${GITHUB_TOKEN}" } } } }`;
  assert.equal(only(docker, CLAUDE_CODE, RULE).severity, 'information');
  const local = `{ "mcpServers": { "github": { "command": "node", "args": ["./tools/github.js"], "env": { "GITHUB_TOKEN": "\${GITHUB_TOKEN}" } } } }`;
  assert.deepEqual(findings(local, CLAUDE_CODE, RULE), []);
  const dedicated = `{ "mcpServers": { "github": { "command": "npx", "args": ["-y", "x@1.0.0"], "env": { "GITHUB_TOKEN": "\${GITHUB_MCP_TOKEN}" } } } }`;
  assert.deepEqual(findings(dedicated, CLAUDE_CODE, RULE), []);
  const notExpanded = `{ "mcpServers": { "github": { "command": "npx", "args": ["-y", "x@1.0.0"], "env": { "GITHUB_TOKEN": "\${env:GITHUB_TOKEN}" } } } }`;
  assert.deepEqual(findings(notExpanded, CLAUDE_CODE, RULE), [], 'Claude Code does not expand ${env:}: nothing is mirrored');
});

test('vscode: ${input:} prompts are not host variables', () => {
  const text = `{ "servers": { "github": { "command": "npx", "args": ["-y", "x@1.0.0"], "env": { "GITHUB_TOKEN": "\${input:github-token}" } } } }`;
  assert.deepEqual(findings(text, VSCODE, RULE), []);
});

test('codex: env_vars = ["*"] is a warning, a mirrored credential name is information', () => {
  const toml = `[mcp_servers.docs]\ncommand = "npx"\nargs = ["-y", "some-docs-server@1.2.3"]\nenv_vars = ["*", "DOCS_API_KEY", "LANG"]\n`;
  const found = findings(toml, CODEX, RULE);
  assert.deepEqual(
    found.map((f) => [underlined(toml, f), f.severity]),
    [
      ['"*"', 'warning'],
      ['"DOCS_API_KEY"', 'information'],
    ],
  );
});
