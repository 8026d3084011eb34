import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck } from './_permissionTransport';

const RULE = 'tls-verification-disabled';

const VSCODE = `{
  "servers": {
    "jira": {
      "command": "npx",
      "args": ["-y", "jira-mcp@1.0.0"],
      "env": {
        // corporate proxy workaround
        "NODE_TLS_REJECT_UNAUTHORIZED": "0",
        "JIRA_URL": "https://jira.example.com"
      }
    }
  }
}
`;

test('NODE_TLS_REJECT_UNAUTHORIZED=0 is an error on the value (VS Code)', () => {
  const [finding, ...rest] = lintRule(RULE, '/repo/.vscode/mcp.json', VSCODE);
  assert.equal(rest.length, 0);
  assert.equal(finding.text, '"0"');
  assert.equal(finding.severity, 'error');
});

test('PYTHONHTTPSVERIFY, *_SSL_VERIFY=false, docker -e, --insecure (Claude Code, Cursor)', () => {
  const claude =
    '{"mcpServers":{"p":{"command":"uvx","args":["srv==1.0","--insecure"],"env":{"PYTHONHTTPSVERIFY":"0","GITLAB_SSL_VERIFY":"false","VERIFY_SSL":"true"}}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', claude).map((f) => [f.text, f.severity]),
    [
      ['"--insecure"', 'warning'],
      ['"0"', 'error'],
      ['"false"', 'warning'],
    ],
  );
  const cursor = '{"mcpServers":{"d":{"command":"docker","args":["run","-i","-e","NODE_TLS_REJECT_UNAUTHORIZED=0","img"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.cursor/mcp.json', cursor).map((f) => f.text),
    ['"NODE_TLS_REJECT_UNAUTHORIZED=0"'],
  );
});

test('custom CA and remote proxies are information; loopback proxies are not reported', () => {
  const text =
    '{"mcpServers":{"p":{"command":"x","env":{"NODE_EXTRA_CA_CERTS":"/etc/ssl/corp.pem","HTTPS_PROXY":"http://proxy.corp.example:3128","HTTP_PROXY":"http://127.0.0.1:8080"}}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', text).map((f) => [f.text, f.severity]),
    [
      ['"/etc/ssl/corp.pem"', 'information'],
      ['"http://proxy.corp.example:3128"', 'information'],
    ],
  );
});

test('valid: verification on', () => {
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"p":{"command":"x","env":{"NODE_TLS_REJECT_UNAUTHORIZED":"1","SSL_VERIFY":"true"}}}}');
});

test('fix removes the env entry (and a docker -e pair); comments kept; not safe', () => {
  const fixed = applyAndCheck(RULE, '/repo/.vscode/mcp.json', VSCODE, { comments: ['// corporate proxy workaround'] });
  assert.ok(!fixed.includes('NODE_TLS_REJECT_UNAUTHORIZED'));
  assert.ok(fixed.includes('"JIRA_URL": "https://jira.example.com"'));
  assert.equal(lintRule(RULE, '/repo/.vscode/mcp.json', VSCODE)[0].fixes[0].safe, false);
  const docker = '{"mcpServers":{"d":{"command":"docker","args":["run","-i","-e","NODE_TLS_REJECT_UNAUTHORIZED=0","img"]}}}';
  assert.equal(applyAndCheck(RULE, '/repo/.cursor/mcp.json', docker), '{"mcpServers":{"d":{"command":"docker","args":["run","-i","img"]}}}');
});

test('Codex TOML and Goose YAML: the env entry is removed cleanly', () => {
  const toml =
    '# codex\n[mcp_servers.jira]\ncommand = "npx"\nargs = ["-y", "jira-mcp@1.0.0"]\n\n[mcp_servers.jira.env]\nNODE_TLS_REJECT_UNAUTHORIZED = "0"\nJIRA_URL = "https://jira.example.com"\n';
  assert.deepEqual(
    lintRule(RULE, '/Users/a/.codex/config.toml', toml).map((f) => f.text),
    ['"0"'],
  );
  const fixedToml = applyAndCheck(RULE, '/Users/a/.codex/config.toml', toml, { comments: ['# codex'] });
  assert.ok(fixedToml.endsWith('[mcp_servers.jira.env]\nJIRA_URL = "https://jira.example.com"\n'), fixedToml);
  const yaml =
    'extensions:\n  jira:\n    type: stdio\n    cmd: npx\n    args: ["-y", "jira-mcp@1.0.0"]\n    envs:\n      NODE_TLS_REJECT_UNAUTHORIZED: "0"\n      JIRA_URL: https://jira.example.com\n';
  const fixedYaml = applyAndCheck(RULE, '/home/u/.config/goose/config.yaml', yaml);
  assert.ok(fixedYaml.endsWith('    envs:\n      JIRA_URL: https://jira.example.com\n'), fixedYaml);
});
