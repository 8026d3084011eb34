import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean } from './_permissionTransport';

const RULE = 'broad-database-credentials';

test('superuser in a DSN argument: warning on the user name (Claude Desktop, VS Code)', () => {
  const desktop =
    '{"mcpServers":{"pg":{"command":"npx","args":["-y","@modelcontextprotocol/server-postgres","postgresql://postgres:pw@db.prod.example.com:5432/app"]}}}';
  const [finding] = lintRule(RULE, '/Users/a/Library/Application Support/Claude/claude_desktop_config.json', desktop);
  assert.equal(finding.text, 'postgres');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /^Database login "postgres" can change or drop anything: connect as a role/);
  const vscode = '{"servers":{"my":{"command":"uvx","args":["mysql-mcp==1.0"],"env":{"DATABASE_URL":"mysql://root:${input:pw}@10.0.0.5/app"}}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.vscode/mcp.json', vscode).map((f) => f.text),
    ['root'],
  );
});

test('local databases are information; env user keys; SQL Server keyword strings; --user for db servers', () => {
  const local = '{"mcpServers":{"pg":{"command":"npx","args":["-y","pg-mcp@1.0.0","postgres://postgres@localhost/dev"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', local).map((f) => [f.text, f.severity]),
    [['postgres', 'information']],
  );
  const env = '{"mcpServers":{"pg":{"command":"npx","args":["-y","pg-mcp@1.0.0"],"env":{"PGHOST":"db.internal.example.com","PGUSER":"postgres"}}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.cursor/mcp.json', env).map((f) => [f.text, f.severity]),
    [['"postgres"', 'warning']],
  );
  const mssql = '{"mcpServers":{"ms":{"command":"npx","args":["-y","mssql-mcp@1.0.0"],"env":{"CONN":"Server=sql.example.com;User Id=sa;Password=${SA_PW}"}}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', mssql).map((f) => f.text),
    ['sa'],
  );
  const flag = '{"mcpServers":{"my":{"command":"uvx","args":["mysql-mcp-server==1.0","--user","root","--host","db.example.com"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', flag).map((f) => f.text),
    ['"root"'],
  );
});

test('valid: dedicated roles, docker --user root is the container user', () => {
  assertClean(
    RULE,
    '/repo/.mcp.json',
    '{"mcpServers":{"pg":{"command":"npx","args":["-y","pg-mcp@1.0.0","postgresql://mcp_reader:${PGPASSWORD}@db.example.com/app"]}}}',
  );
  assertClean(
    RULE,
    '/repo/.mcp.json',
    '{"mcpServers":{"pg":{"command":"docker","args":["run","--user","root","-i","mcp/postgres","postgresql://reader@db/app"]}}}',
  );
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"x":{"command":"npx","args":["-y","tool@1.0.0","--user","admin"]}}}');
});
