import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLAUDE_CODE, CODEX, VSCODE, findings, only, underlined } from '../secrets/helpers';

const RULE = 'secret-sensitive-env-exposure';

test('vscode: the SSH agent socket mounted into a container', () => {
  const text = `{\n  "servers": { "git": { "command": "docker", "args": ["run", "-i", "--rm", "-v", "\${env:SSH_AUTH_SOCK}:/ssh-agent", "example/git-mcp:1.0.0"] } }\n}\n`;
  const finding = only(text, VSCODE, RULE);
  assert.equal(finding.severity, 'warning');
  assert.equal(underlined(text, finding), '"${env:SSH_AUTH_SOCK}:/ssh-agent"');
  assert.match(finding.message, /SSH agent/);
});

test('claude-code: AWS_SESSION_TOKEN and SSH_AUTH_SOCK passed from the host env', () => {
  const text = `{ "mcpServers": { "aws": { "command": "uvx", "args": ["awslabs.core-mcp-server@1.0.0"], "env": { "AWS_SESSION_TOKEN": "\${AWS_SESSION_TOKEN}", "SSH_AUTH_SOCK": "\${SSH_AUTH_SOCK}", "AWS_PROFILE": "mcp-readonly" } } } }`;
  const found = findings(text, CLAUDE_CODE, RULE);
  assert.deepEqual(
    found.map((f) => underlined(text, f)),
    ['"${AWS_SESSION_TOKEN}"', '"${SSH_AUTH_SOCK}"'],
  );
  assert.deepEqual(findings(text, CLAUDE_CODE, 'secret-mirrored-host-env'), [], 'not reported twice');
});

test('codex: env_vars forwarding SSH_AUTH_SOCK', () => {
  const toml = `[mcp_servers.git]\ncommand = "uvx"\nargs = ["mcp-server-git==0.6.2"]\nenv_vars = ["SSH_AUTH_SOCK"]\n`;
  assert.equal(findings(toml, CODEX, RULE).length, 1);
});
