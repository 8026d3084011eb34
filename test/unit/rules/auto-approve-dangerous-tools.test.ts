import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck } from './_permissionTransport';
import { toolRisk } from '../../../server/src/permissions/toolNames';

const RULE = 'auto-approve-dangerous-tools';

const CLINE = `{
  "mcpServers": {
    "db": {
      "command": "uvx",
      "args": ["db-mcp==1.2.0"],
      "autoApprove": ["list_tables", "execute_sql", "writeFile", "describe_table"]
    }
  }
}
`;

test('tool-name heuristic', () => {
  assert.equal(toolRisk('execute_sql')?.level, 'high');
  assert.equal(toolRisk('github.push_files')?.level, 'high');
  assert.equal(toolRisk('sendEmail')?.level, 'high');
  assert.equal(toolRisk('delete-branch')?.level, 'high');
  assert.equal(toolRisk('create_issue')?.level, 'moderate');
  assert.equal(toolRisk('writeFile')?.level, 'moderate');
  assert.equal(toolRisk('list_issues'), undefined);
  assert.equal(toolRisk('get_file_contents'), undefined);
  assert.equal(toolRisk('search_code'), undefined);
  assert.equal(toolRisk('runbook_search')?.word, undefined);
});

test('exec tools are warnings, write tools information (Cline); Roo alwaysAllow', () => {
  assert.deepEqual(lintRule(RULE, '/repo/cline_mcp_settings.json', CLINE).map((f) => [f.text, f.severity]), [
    ['"execute_sql"', 'warning'],
    ['"writeFile"', 'information'],
  ]);
  const roo = '{"mcpServers":{"m":{"command":"x","alwaysAllow":["delete_entities","read_graph"]}}}';
  assert.deepEqual(lintRule(RULE, '/repo/.roo/mcp.json', roo).map((f) => f.text), ['"delete_entities"']);
});

test('Codex per-tool approval_mode = "approve" (TOML)', () => {
  const codex = '[mcp_servers.gh]\ncommand = "gh-mcp"\n\n[mcp_servers.gh.tools.merge_pull_request]\napproval_mode = "approve"\n\n[mcp_servers.gh.tools.get_issue]\napproval_mode = "approve"\n';
  const found = lintRule(RULE, '/Users/a/.codex/config.toml', codex);
  assert.deepEqual(found.map((f) => [f.text, f.severity]), [['"approve"', 'warning']]);
  assert.match(found[0].message, /merge_pull_request/);
  const fixed = applyAndCheck(RULE, '/Users/a/.codex/config.toml', codex);
  assert.ok(fixed.includes('[mcp_servers.gh.tools.merge_pull_request]\napproval_mode = "prompt"'), fixed);
});

test('valid: read tools only; a wildcard is auto-approve-all-tools\' finding', () => {
  assertClean(RULE, '/repo/cline_mcp_settings.json', '{"mcpServers":{"db":{"command":"x","autoApprove":["list_tables","describe_table"]}}}');
  assertClean(RULE, '/repo/.roo/mcp.json', '{"mcpServers":{"db":{"command":"x","alwaysAllow":["*","execute_sql"]}}}');
});

test('information where the client does not read the key (VS Code alwaysAllow, Cline alwaysAllow)', () => {
  assert.deepEqual(lintRule(RULE, '/repo/.vscode/mcp.json', '{"servers":{"db":{"command":"x","alwaysAllow":["execute_sql"]}}}').map((f) => f.severity), ['information']);
  assert.deepEqual(lintRule(RULE, '/repo/cline_mcp_settings.json', '{"mcpServers":{"db":{"command":"x","alwaysAllow":["execute_sql"]}}}').map((f) => f.severity), ['information']);
});

test('fix drops the one tool and keeps the list shape; not safe', () => {
  const fixed = applyAndCheck(RULE, '/repo/cline_mcp_settings.json', CLINE);
  assert.ok(fixed.includes('"autoApprove": ["list_tables", "writeFile", "describe_table"]'), fixed);
  assert.equal(lintRule(RULE, '/repo/cline_mcp_settings.json', CLINE)[0].fixes[0].safe, false);
  const last = applyAndCheck(RULE, '/repo/cline_mcp_settings.json', CLINE.replace(', "describe_table"', ''), { findingIndex: 1 });
  assert.ok(last.includes('"autoApprove": ["list_tables", "execute_sql"]'), last);
});
