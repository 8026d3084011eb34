import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, ALNUM } from '../secrets/tokens';
import { CLAUDE_CODE, VSCODE, checkFix, findings, only, underlined } from '../secrets/helpers';

const RULE = 'secret-connection-string';
const rng = new Rng(51);
const PASSWORD = 'Pw' + rng.chars(ALNUM, 14) + '#9';

const vscode = (server: string) => `{
  // databases
  "servers": { "postgres": ${server} }
}
`;
const claude = (server: string) => `{
  "mcpServers": { "db": ${server} }
}
`;

test('vscode: a positional DSN with a privileged login: error on the password, the user is named', () => {
  const text = vscode(`{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://postgres:${PASSWORD}@db.example.com:5432/app"] }`);
  const finding = only(text, VSCODE, RULE);
  assert.equal(finding.severity, 'error');
  assert.equal(underlined(text, finding), PASSWORD);
  assert.match(finding.message, /PostgreSQL connection string/);
  assert.match(finding.message, /privileged user "postgres"/);
  const fixed = checkFix(text, VSCODE, finding);
  assert.ok(fixed.includes('"postgresql://postgres:${input:postgres-db-password}@db.example.com:5432/app"'), fixed);
});

test('claude-code: a MongoDB URL in env; the variable is named after the env key', () => {
  const text = claude(`{ "command": "npx", "args": ["-y", "mongodb-mcp-server@1.1.0"], "env": { "MDB_MCP_CONNECTION_STRING": "mongodb+srv://app:${PASSWORD}@cluster0.example.mongodb.net/app" } }`);
  const finding = only(text, CLAUDE_CODE, RULE);
  assert.equal(underlined(text, finding), PASSWORD);
  assert.deepEqual(findings(text, CLAUDE_CODE, 'secret-in-env'), [], 'not reported twice');
  const fixed = checkFix(text, CLAUDE_CODE, finding);
  assert.ok(fixed.includes('mongodb+srv://app:${MDB_MCP_PASSWORD}@cluster0'), fixed);
});

test('JDBC query passwords and ADO.NET Password= are found', () => {
  const jdbc = claude(`{ "command": "java", "args": ["-jar", "db-mcp.jar", "--url=jdbc:postgresql://db:5432/app?user=app&password=${PASSWORD}"] }`);
  assert.equal(underlined(jdbc, only(jdbc, CLAUDE_CODE, RULE)), PASSWORD);
  const ado = claude(`{ "command": "dotnet", "args": ["mssql-mcp.dll"], "env": { "MSSQL_CONNECTION": "Server=tcp:sql.example.com,1433;Database=app;User Id=sa;Password=${PASSWORD};Encrypt=true" } }`);
  const finding = only(ado, CLAUDE_CODE, RULE);
  assert.equal(underlined(ado, finding), PASSWORD);
  assert.match(finding.message, /privileged user "sa"/);
});

test('a local database is still reported, with a note', () => {
  const text = claude(`{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://postgres:postgres@localhost:5432/dev"] }`);
  assert.match(only(text, CLAUDE_CODE, RULE).message, /local database/);
});

test('references, masks, templates and password-less URLs are not findings', () => {
  for (const dsn of [
    'postgresql://app:${env:PG_PASSWORD}@db:5432/app',
    'postgresql://ai:***@localhost:5432/ai',
    'postgres://reader:YOUR_PASSWORD@localhost:5432/mydb',
    'mongodb://localhost:27017/test',
    'redis://cache.example.com:6379/0',
    'postgresql://app@db.example.com/app',
  ]) {
    assert.deepEqual(findings(vscode(`{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "${dsn}"] }`), VSCODE, RULE), [], dsn);
  }
});
