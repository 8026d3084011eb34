import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck, assertFixAllStable } from './_permissionTransport';

const RULE = 'auto-approve-all-tools';

const ROO = `{
  "mcpServers": {
    "gh": {
      "command": "npx",
      "args": ["-y", "@acme/gh-mcp@1.0.0"],
      "alwaysAllow": ["*"]
    }
  }
}
`;

test('alwaysAllow ["*"] (Roo) and autoApprove ["*"] (Kiro) are errors on the wildcard', () => {
  const [finding] = lintRule(RULE, '/repo/.roo/mcp.json', ROO);
  assert.equal(finding.text, '"*"');
  assert.equal(finding.severity, 'error');
  assert.match(
    finding.message,
    /^Every tool auto-approved \("alwaysAllow": \["\*"\]\): list only read-only tools.*Server "gh": a client that honours this runs any of its tools/,
  );
  const kiro = '{"mcpServers":{"k":{"command":"uvx","args":["k-mcp==1.0"],"autoApprove":["read","*"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.kiro/settings/mcp.json', kiro).map((f) => f.text),
    ['"*"'],
  );
});

test('Codex default_tools_approval_mode = "approve" (TOML)', () => {
  const codex = '# my codex\n[mcp_servers.gh]\nurl = "https://api.githubcopilot.com/mcp/"\ndefault_tools_approval_mode = "approve"\n';
  const found = lintRule(RULE, '/Users/a/.codex/config.toml', codex);
  assert.deepEqual(
    found.map((f) => f.text),
    ['"approve"'],
  );
  const fixed = applyAndCheck(RULE, '/Users/a/.codex/config.toml', codex, { comments: ['# my codex'] });
  assert.ok(fixed.includes('default_tools_approval_mode = "prompt"'), fixed);
});

test('Amazon Q agent allowedTools "@server" (whole server) is reported; "@server/tool" is not', () => {
  const agent = '{\n  "mcpServers": { "github": { "command": "gh-mcp" } },\n  "allowedTools": ["@github", "@fs/read_file", "@builtin"]\n}\n';
  const found = lintRule(RULE, '/repo/.amazonq/cli-agents/dev.json', agent);
  assert.deepEqual(
    found.map((f) => [f.text, f.severity, f.server]),
    [['"@github"', 'error', 'github']],
  );
  const fixed = applyAndCheck(RULE, '/repo/.amazonq/cli-agents/dev.json', agent);
  assert.ok(fixed.includes('"allowedTools": ["@fs/read_file", "@builtin"]'), fixed);
});

test('a key the client does not read (alwaysAllow in VS Code, Claude Code) is information', () => {
  const vscode = '{"servers":{"gh":{"command":"srv","alwaysAllow":["*"]}}}';
  const [finding] = lintRule(RULE, '/repo/.vscode/mcp.json', vscode);
  assert.equal(finding.severity, 'information');
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', '{"mcpServers":{"gh":{"command":"srv","autoApprove":["*"]}}}').map((f) => f.severity),
    ['information'],
  );
});

test('valid: named tools, empty lists', () => {
  assertClean(RULE, '/repo/.roo/mcp.json', '{"mcpServers":{"gh":{"command":"x","alwaysAllow":["list_issues"]}}}');
  assertClean(RULE, '/repo/cline_mcp_settings.json', '{"mcpServers":{"gh":{"command":"x","autoApprove":[]}}}');
});

test('fix replaces the list with [] and is safe; fix-all is idempotent', () => {
  const fixed = applyAndCheck(RULE, '/repo/.roo/mcp.json', ROO);
  assert.ok(fixed.includes('"alwaysAllow": []'), fixed);
  assert.equal(lintRule(RULE, '/repo/.roo/mcp.json', ROO)[0].fixes[0].safe, true);
  assert.ok(assertFixAllStable(RULE, '/repo/.roo/mcp.json', ROO).includes('"alwaysAllow": []'));
});
