import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, ALNUM } from '../secrets/tokens';
import { CLAUDE_CODE, GEMINI, VSCODE, checkFix, findings, only, underlined } from '../secrets/helpers';

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
  const text = vscode(
    `{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://postgres:${PASSWORD}@db.example.com:5432/app"] }`,
  );
  const finding = only(text, VSCODE, RULE);
  assert.equal(finding.severity, 'error');
  assert.equal(underlined(text, finding), PASSWORD);
  assert.match(finding.message, /PostgreSQL connection string/);
  assert.match(finding.message, /privileged user "postgres"/);
  const fixed = checkFix(text, VSCODE, finding);
  assert.ok(fixed.includes('"postgresql://postgres:${input:postgres-db-password}@db.example.com:5432/app"'), fixed);
});

test('claude-code: a MongoDB URL in env; the variable is named after the env key', () => {
  const text = claude(
    `{ "command": "npx", "args": ["-y", "mongodb-mcp-server@1.1.0"], "env": { "MDB_MCP_CONNECTION_STRING": "mongodb+srv://app:${PASSWORD}@cluster0.example.mongodb.net/app" } }`,
  );
  const finding = only(text, CLAUDE_CODE, RULE);
  assert.equal(underlined(text, finding), PASSWORD);
  assert.deepEqual(findings(text, CLAUDE_CODE, 'secret-in-env'), [], 'not reported twice');
  const fixed = checkFix(text, CLAUDE_CODE, finding);
  assert.ok(fixed.includes('mongodb+srv://app:${MDB_MCP_PASSWORD}@cluster0'), fixed);
});

test('JDBC query passwords and ADO.NET Password= are found', () => {
  const jdbc = claude(`{ "command": "java", "args": ["-jar", "db-mcp.jar", "--url=jdbc:postgresql://db:5432/app?user=app&password=${PASSWORD}"] }`);
  assert.equal(underlined(jdbc, only(jdbc, CLAUDE_CODE, RULE)), PASSWORD);
  const ado = claude(
    `{ "command": "dotnet", "args": ["mssql-mcp.dll"], "env": { "MSSQL_CONNECTION": "Server=tcp:sql.example.com,1433;Database=app;User Id=sa;Password=${PASSWORD};Encrypt=true" } }`,
  );
  const finding = only(ado, CLAUDE_CODE, RULE);
  assert.equal(underlined(ado, finding), PASSWORD);
  assert.match(finding.message, /privileged user "sa"/);
});

test('a local database with a real password is still reported, with a note', () => {
  const text = claude(
    `{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://postgres:${PASSWORD}@localhost:5432/dev"] }`,
  );
  const finding = only(text, CLAUDE_CODE, RULE);
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /local database/);
  assert.equal(underlined(text, finding), PASSWORD);
  // A weak but non-default password is a password: reported.
  const weak = claude(`{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://app:hunter2@127.0.0.1:5432/app"] }`);
  assert.equal(underlined(weak, only(weak, CLAUDE_CODE, RULE)), 'hunter2');
});

test('a well-known default credential on a loopback database is information only (issue 15 class 1)', () => {
  // gemini settings.json of a Supabase/Postgres project: the postgres image default, on localhost.
  const gemini = `{
  "mcpServers": {
    "postgres": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://postgres:postgres@localhost:5432/db"]
    }
  }
}
`;
  const information = (text: string, dialect: string) => findings(text, dialect, RULE).map((f) => f.severity);
  assert.deepEqual(information(gemini, GEMINI), ['information']);
  assert.match(only(gemini, GEMINI, RULE).message, /well-known default password/);
  // The superuser login is still broad-database-credentials' finding.
  assert.equal(findings(gemini, GEMINI, 'broad-database-credentials').length, 1);
  for (const dsn of [
    'mysql://root:root@127.0.0.1:3306/shop',
    'amqp://guest:guest@localhost:5672/',
    'neo4j://neo4j:neo4j@localhost:7687',
    'postgres://Postgres:POSTGRES@[::1]:5432/dev',
    'oracle://scott:tiger@localhost:1521/XE',
    'jdbc:postgresql://localhost:5432/app?user=postgres&password=postgres',
    'mongodb://admin:admin@host.docker.internal:27017/app',
  ]) {
    assert.deepEqual(information(claude(`{ "command": "db-mcp", "env": { "DATABASE_URL": "${dsn}" } }`), CLAUDE_CODE), ['information'], dsn);
  }
  const ado = claude(
    `{ "command": "dotnet", "args": ["mssql-mcp.dll"], "env": { "MSSQL_CONNECTION": "Server=localhost,1433;Database=app;User Id=sa;Password=sa" } }`,
  );
  assert.deepEqual(information(ado, CLAUDE_CODE), ['information']);
});

test('a default credential on a host that is not loopback is reported (a real server with a guessable password)', () => {
  for (const dsn of [
    'postgresql://postgres:postgres@db.example.com:5432/app',
    'mysql://root:root@10.0.0.5:3306/shop',
    'postgresql://postgres:postgres@db:5432/app',
  ]) {
    const text = claude(`{ "command": "db-mcp", "env": { "DATABASE_URL": "${dsn}" } }`);
    assert.equal(only(text, CLAUDE_CODE, RULE).severity, 'error', dsn);
  }
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
