import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLAUDE_CODE, VSCODE, findings, underlined } from '../secrets/helpers';

const RULE = 'secret-credential-file-in-args';

test('vscode: ~/.aws mounted into a container and an SSH key argument', () => {
  const text = `{\n  "servers": { "deploy": { "command": "docker", "args": ["run", "-i", "--rm", "-v", "\${userHome}/.aws:/root/.aws", "example/deploy-mcp:1.0.0", "--key", "/home/dev/.ssh/id_ed25519"] } }\n}\n`;
  const found = findings(text, VSCODE, RULE);
  assert.deepEqual(
    found.map((f) => [underlined(text, f), f.severity]),
    [
      ['"${userHome}/.aws:/root/.aws"', 'warning'],
      ['"/home/dev/.ssh/id_ed25519"', 'warning'],
    ],
  );
});

test('claude-code: credentials.json and a .env file; .env is information', () => {
  const text = `{ "mcpServers": { "sheets": { "command": "npx", "args": ["-y", "sheets-mcp@1.0.0", "--credentials", "./credentials.json", "--env-file=.env"] } } }`;
  const found = findings(text, CLAUDE_CODE, RULE);
  assert.deepEqual(
    found.map((f) => [underlined(text, f), f.severity]),
    [
      ['"./credentials.json"', 'warning'],
      ['"--env-file=.env"', 'information'],
    ],
  );
});

test('public keys, CA bundles, templates and ordinary files are not findings', () => {
  const text = `{ "mcpServers": { "x": { "command": "npx", "args": ["-y", "x-mcp@1.0.0", "/home/dev/.ssh/id_ed25519.pub", "--ca", "/etc/ssl/ca-bundle.pem", ".env.example", "./config.json", "README.md"] } } }`;
  assert.deepEqual(findings(text, CLAUDE_CODE, RULE), []);
});
