import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck } from './_permissionTransport';
import { isCollaborationService, toolRisk } from '../../../server/src/permissions/toolNames';

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
  assert.deepEqual(
    lintRule(RULE, '/repo/cline_mcp_settings.json', CLINE).map((f) => [f.text, f.severity]),
    [
      ['"execute_sql"', 'warning'],
      ['"writeFile"', 'information'],
    ],
  );
  const roo = '{"mcpServers":{"m":{"command":"x","alwaysAllow":["delete_entities","read_graph"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.roo/mcp.json', roo).map((f) => f.text),
    ['"delete_entities"'],
  );
});

test('Codex per-tool approval_mode = "approve" (TOML)', () => {
  const codex =
    '[mcp_servers.gh]\ncommand = "gh-mcp"\n\n[mcp_servers.gh.tools.merge_pull_request]\napproval_mode = "approve"\n\n[mcp_servers.gh.tools.get_issue]\napproval_mode = "approve"\n';
  const found = lintRule(RULE, '/Users/a/.codex/config.toml', codex);
  assert.deepEqual(
    found.map((f) => [f.text, f.severity]),
    [['"approve"', 'warning']],
  );
  assert.match(found[0].message, /merge_pull_request/);
  const fixed = applyAndCheck(RULE, '/Users/a/.codex/config.toml', codex);
  assert.ok(fixed.includes('[mcp_servers.gh.tools.merge_pull_request]\napproval_mode = "prompt"'), fixed);
});

test("valid: read tools only; a wildcard is auto-approve-all-tools' finding", () => {
  assertClean(RULE, '/repo/cline_mcp_settings.json', '{"mcpServers":{"db":{"command":"x","autoApprove":["list_tables","describe_table"]}}}');
  assertClean(RULE, '/repo/.roo/mcp.json', '{"mcpServers":{"db":{"command":"x","alwaysAllow":["*","execute_sql"]}}}');
});

test('information where the client does not read the key (VS Code alwaysAllow, Cline alwaysAllow)', () => {
  assert.deepEqual(
    lintRule(RULE, '/repo/.vscode/mcp.json', '{"servers":{"db":{"command":"x","alwaysAllow":["execute_sql"]}}}').map((f) => f.severity),
    ['information'],
  );
  assert.deepEqual(
    lintRule(RULE, '/repo/cline_mcp_settings.json', '{"mcpServers":{"db":{"command":"x","alwaysAllow":["execute_sql"]}}}').map((f) => f.severity),
    ['information'],
  );
});

test('fix drops the one tool and keeps the list shape; not safe', () => {
  const fixed = applyAndCheck(RULE, '/repo/cline_mcp_settings.json', CLINE);
  assert.ok(fixed.includes('"autoApprove": ["list_tables", "writeFile", "describe_table"]'), fixed);
  assert.equal(lintRule(RULE, '/repo/cline_mcp_settings.json', CLINE)[0].fixes[0].safe, false);
  const last = applyAndCheck(RULE, '/repo/cline_mcp_settings.json', CLINE.replace(', "describe_table"', ''), { findingIndex: 1 });
  assert.ok(last.includes('"autoApprove": ["list_tables", "execute_sql"]'), last);
});

test('tool-name words: verbs vs objects (reviewed false positives of the corpus)', () => {
  // A reading or presenting verb makes what follows its object.
  assert.equal(toolRisk('dismiss-update'), undefined, 'hides an update notice');
  assert.equal(toolRisk('get_commit'), undefined);
  assert.equal(toolRisk('get_workflow_run'), undefined);
  assert.equal(toolRisk('check_for_updates'), undefined);
  assert.equal(toolRisk('get_terminal_output'), undefined);
  // A verb-or-noun after a namespace word and before a reading word names what is read.
  assert.equal(toolRisk('profiler-commit-query'), undefined, 'a React profiler render commit');
  assert.equal(toolRisk('workflow_run_logs'), undefined);
  // A read-only query language run: no code, no change.
  assert.equal(toolRisk('execute_sparql'), undefined);
  assert.equal(toolRisk('execute_sparql_query'), undefined);
  assert.equal(toolRisk('run_select_query'), undefined);
  assert.equal(toolRisk('execute_readonly_sql'), undefined);
  assert.equal(toolRisk('execute_graphql_query'), undefined);
  // A comment with no shared object is a local annotation: at most moderate.
  assert.equal(toolRisk('set_comment')?.level, 'moderate');
  assert.equal(toolRisk('add_comment')?.level, 'moderate');
});

test('tool-name words: the same words used as actions stay risky', () => {
  const high = (name: string, word: string, server?: string) => {
    const collaboration = server !== undefined && isCollaborationService(server);
    assert.deepEqual([toolRisk(name, collaboration)?.level, toolRisk(name, collaboration)?.word], ['high', word], name);
  };
  // Commit as a verb: first word, or after a namespace and not before a reading word.
  high('git_commit', 'commit');
  high('commit_changes', 'commit');
  high('git_commit_changes', 'commit');
  // Execute/run whose object is code, a shell, or any SQL/GraphQL/Cypher statement.
  high('execute_command', 'execute');
  high('execute_code', 'execute');
  high('run_shell', 'run');
  high('run_terminal_cmd', 'run');
  high('execute_sql', 'execute');
  high('execute_query', 'execute');
  high('executeSQL', 'execute');
  high('runSQLQuery', 'run');
  high('query_sql', 'sql');
  high('execute_graphql', 'execute');
  high('run_graphql_mutation', 'run');
  high('run_cypher', 'run');
  high('execute_sparql_update', 'execute');
  high('execute_search_command', 'execute');
  // A read-only word does not cover a second action.
  high('get_and_delete_file', 'delete');
  high('fetch_and_execute', 'execute');
  high('read_query_then_drop_table', 'drop');
  // Comments posted where other people read them.
  high('create_issue_comment', 'comment');
  high('add_pr_comment', 'comment');
  high('add_pull_request_review_comment_to_pending_review', 'comment');
  high('add_comment', 'comment', 'jira @atlassian/jira-mcp@1.2.0');
  high('reply_to_comment', 'reply');
  // Namespace + verb (object-verb order) and verb + object.
  high('flow-execute', 'execute');
  high('debugger-evaluate', 'evaluate');
  high('playwright_post', 'post');
  high('rerun_workflow_run', 'run');
  high('merge_status_checks', 'merge');
  assert.equal(toolRisk('update_status')?.level, 'moderate', 'verb first: it updates a status');
  assert.equal(toolRisk('update-argent')?.level, 'moderate');
  assert.equal(toolRisk('forceReleaseReader')?.level, 'moderate');
  assert.equal(toolRisk('sparql_update')?.level, 'moderate');
});

// The IDA Pro plugin's own example config: set_comment annotates the local database.
const IDA = `{
  "mcpServers": {
    "local-server": {
      "command": "C:/Users/me/AppData/Local/Programs/Python/Python311/python.exe",
      "args": ["C:/Users/me/AppData/Roaming/Hex-Rays/IDA Pro/plugins/ida_pro_mcp/server.py"],
      "timeout": 1800,
      "disabled": false,
      "autoApprove": [
        "get_function_by_name",
        "decompile_function",
        "set_comment",
        "rename_local_variable",
        "set_function_prototype"
      ]
    }
  }
}
`;

test('IDA Pro: set_comment is a local annotation, information like rename_*', () => {
  assert.deepEqual(
    lintRule(RULE, '/repo/cline_mcp_settings.json', IDA).map((f) => [f.text, f.severity]),
    [
      ['"set_comment"', 'information'],
      ['"rename_local_variable"', 'information'],
      ['"set_function_prototype"', 'information'],
    ],
  );
});

test('GitHub server: comments on issues and pull requests are posted to other people (warning)', () => {
  const text = `{
  "mcpServers": {
    "github": {
      "command": "docker",
      "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server:v0.13.0"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "\${env:GITHUB_TOKEN}" },
      "autoApprove": ["get_issue", "get_commit", "get_workflow_run", "add_issue_comment", "add_comment", "create_pull_request"]
    },
    "notes": {
      "command": "npx",
      "args": ["-y", "local-notes-mcp@1.0.0"],
      "autoApprove": ["add_comment"]
    }
  }
}
`;
  assert.deepEqual(
    lintRule(RULE, '/repo/cline_mcp_settings.json', text).map((f) => [f.server, f.text, f.severity]),
    [
      ['github', '"add_issue_comment"', 'warning'],
      ['github', '"add_comment"', 'warning'],
      ['github', '"create_pull_request"', 'information'],
      ['notes', '"add_comment"', 'information'],
    ],
  );
});

test('Codex: profiler queries and dismissing an update notice are not reported; updating the tool is', () => {
  const codex = `[mcp_servers.argent]
command = "argent"
args = ["mcp"]

[mcp_servers.argent.tools.profiler-cpu-query]
approval_mode = "approve"

[mcp_servers.argent.tools.profiler-commit-query]
approval_mode = "approve"

[mcp_servers.argent.tools.dismiss-update]
approval_mode = "approve"

[mcp_servers.argent.tools.update-argent]
approval_mode = "approve"

[mcp_servers.argent.tools.debugger-evaluate]
approval_mode = "approve"
`;
  const found = lintRule(RULE, '/Users/a/.codex/config.toml', codex);
  assert.deepEqual(
    found.map((f) => [f.severity, f.message.match(/^Auto-approved tool "([^"]+)"/)?.[1]]),
    [
      ['information', 'update-argent'],
      ['warning', 'debugger-evaluate'],
    ],
  );
});

test('Roo: a SPARQL endpoint query is read-only; a SQL tool that runs any statement is not', () => {
  const roo = `{
  "mcpServers": {
    "wikidata": {
      "type": "streamable-http",
      "url": "https://wd-mcp.wmcloud.org/mcp",
      "alwaysAllow": ["execute_sparql", "get_claim_values", "vector_search_items"]
    },
    "postgres": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://localhost/app"],
      "alwaysAllow": ["execute_sql", "run_select_query"]
    }
  }
}
`;
  assert.deepEqual(
    lintRule(RULE, '/repo/.roo/mcp.json', roo).map((f) => [f.server, f.text, f.severity]),
    [['postgres', '"execute_sql"', 'warning']],
  );
});
