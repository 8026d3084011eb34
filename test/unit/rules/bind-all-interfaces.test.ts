import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean, applyAndCheck } from './_permissionTransport';

const RULE = 'bind-all-interfaces';

test('--host 0.0.0.0, --bind=0.0.0.0:8000 and HOST env (Claude Code, VS Code)', () => {
  const claude =
    '{"mcpServers":{"s":{"command":"uvx","args":["srv==1.0","--transport","http","--host","0.0.0.0","--bind=0.0.0.0:8000"],"env":{"FASTMCP_HOST":"::"}}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', claude).map((f) => [f.text, f.severity]),
    [
      ['"0.0.0.0"', 'warning'],
      ['0.0.0.0', 'warning'],
      ['"::"', 'warning'],
    ],
  );
  const vscode = '{"servers":{"s":{"command":"node","args":["server.js"],"env":{"HOST":"0.0.0.0"}}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.vscode/mcp.json', vscode).map((f) => f.text),
    ['"0.0.0.0"'],
  );
});

test('docker -p without an address or with 0.0.0.0 (Cursor); in-container binds are fine', () => {
  const cursor =
    '{"mcpServers":{"d":{"command":"docker","args":["run","-p","8080:8080","--publish=0.0.0.0:9000:9000","-p","127.0.0.1:7000:7000","-e","HOST=0.0.0.0","img","--host","0.0.0.0"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.cursor/mcp.json', cursor).map((f) => f.text),
    ['"8080:8080"', '0.0.0.0:9000:9000'],
  );
});

test('valid: loopback, unrelated HOST values', () => {
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"s":{"command":"uvx","args":["srv==1.0","--host","127.0.0.1"],"env":{"DB_HOST":"db.example.com"}}}}');
});

test('fixes bind to loopback, keeping the rest of the value; not safe', () => {
  const claude = '{"mcpServers":{"s":{"command":"uvx","args":["srv==1.0","--bind=0.0.0.0:8000"]}}}';
  assert.ok(applyAndCheck(RULE, '/repo/.mcp.json', claude).includes('"--bind=127.0.0.1:8000"'));
  const docker = '{"mcpServers":{"d":{"command":"docker","args":["run","-p","8080:8080","img"]}}}';
  assert.ok(applyAndCheck(RULE, '/repo/.cursor/mcp.json', docker).includes('"-p","127.0.0.1:8080:8080"'));
  assert.equal(lintRule(RULE, '/repo/.cursor/mcp.json', docker)[0].fixes[0].safe, false);
});
