import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindings, expectClean, run } from '../launch/harness';
import { applyFix } from '../../../server/src/engine';

const ID = 'deprecated-server';

test('archived and deprecated servers name their replacement; drop-ins get a fix', () => {
  expectFindings(
    ID,
    {
      gh: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] },
      brave: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-brave-search@0.6.2'] },
      sqlite: { command: 'uvx', args: ['mcp-server-sqlite', '--db-path', 'x.db'] },
    },
    [
      { at: '@modelcontextprotocol/server-github', severity: 'warning', message: /archived.*ghcr\.io\/github\/github-mcp-server/, fixes: 0 },
      { at: '@modelcontextprotocol/server-brave-search@0.6.2', message: /Drop-in replacement: @brave\/brave-search-mcp-server/, fixes: 1 },
      { at: 'mcp-server-sqlite', message: /SQL injection/, fixes: 0 },
    ],
  );
});

test('the drop-in fix swaps the package (not safe for fix-all) and the finding goes away', () => {
  const { text, findings } = run(ID, 'claude-code', { brave: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-brave-search'] } });
  const fix = findings[0].fixes[0];
  assert.equal(fix.safe, false);
  const fixed = applyFix(text, fix);
  assert.ok(fixed.includes('"@brave/brave-search-mcp-server"'));
  assert.deepEqual(run(ID, 'claude-code', JSON.parse(fixed).mcpServers).findings, []);
});

test('maintained servers are fine', () => {
  expectClean(ID, { a: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory@2025.8.4'] }, b: { command: 'uvx', args: ['mcp-server-fetch'] } });
});
