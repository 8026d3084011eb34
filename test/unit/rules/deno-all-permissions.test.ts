import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean } from './_permissionTransport';

const RULE = 'deno-all-permissions';

test('-A and --allow-all (Roo, VS Code)', () => {
  assert.deepEqual(
    lintRule(RULE, '/repo/.roo/mcp.json', '{"mcpServers":{"d":{"command":"deno","args":["run","-A","jsr:@acme/mcp@1.0.0"]}}}').map((f) => [f.text, f.severity]),
    [['"-A"', 'warning']],
  );
  assert.deepEqual(
    lintRule(RULE, '/repo/.vscode/mcp.json', '{"servers":{"d":{"command":"deno","args":["run","--allow-all","--config","deno.json","main.ts"]}}}').map(
      (f) => f.text,
    ),
    ['"--allow-all"'],
  );
});

test('bare --allow-run and --allow-write (Claude Code)', () => {
  assert.deepEqual(
    lintRule(
      RULE,
      '/repo/.mcp.json',
      '{"mcpServers":{"d":{"command":"deno","args":["run","--allow-net=api.example.com","--allow-run","--allow-write","main.ts"]}}}',
    ).map((f) => f.text),
    ['"--allow-run"', '"--allow-write"'],
  );
});

test('valid: scoped permissions, flags after the script belong to the script', () => {
  assertClean(
    RULE,
    '/repo/.mcp.json',
    '{"mcpServers":{"d":{"command":"deno","args":["run","--allow-net=api.example.com","--allow-read=./data","--allow-write=./out","main.ts","-A"]}}}',
  );
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"d":{"command":"node","args":["-A"]}}}');
});
