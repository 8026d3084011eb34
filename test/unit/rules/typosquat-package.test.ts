import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindings, expectClean, settingsWith, run } from '../launch/harness';
import { applyFix } from '../../../server/src/engine';

const ID = 'typosquat-package';

test('look-alike characters, scope typos, near-miss names and curated collisions', () => {
  expectFindings(
    ID,
    {
      a: { command: 'npx', args: ['-y', '@modelcontextprotocoI/server-memory'] },
      b: { command: 'npx', args: ['-y', '@modelcontextprot0col/server-filesystem@1.0.0'] },
      c: { command: 'npx', args: ['-y', '@modelcontextprotocolx/server-everything'] },
      d: { command: 'uvx', args: ['mcp-server-fetsh'] },
      e: { command: 'npx', args: ['-y', 'github-mcp-server'] },
      f: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-fetch'] },
      g: { command: 'docker', args: ['run', '-i', 'mcp/filesytem'] },
      h: { command: 'npx', args: ['-y', 'chrome-devtool-mcp'] },
    },
    [
      { at: '@modelcontextprotocoI/server-memory', severity: 'error', message: /looks identical to "@modelcontextprotocol\/server-memory"/ },
      { at: '@modelcontextprot0col/server-filesystem@1.0.0', severity: 'error' },
      { at: '@modelcontextprotocolx/server-everything', severity: 'warning', message: /scope differs by a typo/ },
      { at: 'mcp-server-fetsh', severity: 'warning', message: /"mcp-server-fetch"/ },
      { at: 'github-mcp-server', severity: 'warning', message: /unrelated third-party Git tool/ },
      { at: '@modelcontextprotocol/server-fetch', severity: 'warning', message: /Python package.*uvx mcp-server-fetch/ },
      { at: 'mcp/filesytem', severity: 'warning', message: /same publisher: probably a typo/ },
      { at: 'chrome-devtool-mcp', severity: 'warning', message: /"chrome-devtools-mcp"/ },
    ],
  );
});

test('genuine names, PEP 503 spellings, unrelated names, local images and trusted packages are fine', () => {
  expectClean(ID, {
    a: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] },
    b: { command: 'uvx', args: ['awslabs-aws-api-mcp-server'] },
    c: { command: 'npx', args: ['-y', '@upstash/context7-mcp'] },
    d: { command: 'npx', args: ['-y', 'my-own-mcp-tool'] },
    e: { command: 'docker', args: ['run', '-i', 'mcp-git:latest'] },
    f: { command: 'npx', args: ['-y', 'kubernetes-mcp-server'] },
  });
  expectClean(
    ID,
    { a: { command: 'uvx', args: ['mcp-server-fetsh'] } },
    { settings: settingsWith({ trustedPackages: ['mcp-server-fetsh'] }), dialects: ['vscode', 'codex'] },
  );
});

test('the rename fix keeps the version and clears the finding (not safe for fix-all)', () => {
  const { text, findings } = run(ID, 'codex', { m: { command: 'npx', args: ['-y', '@modelcontextprot0col/server-memory@2025.8.4'] } });
  const fix = findings[0].fixes[0];
  assert.equal(fix.safe, false);
  const fixed = applyFix(text, fix);
  assert.ok(fixed.includes('"@modelcontextprotocol/server-memory@2025.8.4"'), fixed);
  assert.equal(run(ID, 'vscode', { m: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory@2025.8.4'] } }).findings.length, 0);
  assert.equal(run(ID, 'vscode', { g: { command: 'npx', args: ['-y', 'github-mcp-server'] } }).findings[0].fixes.length, 0, 'no fix for a known collision');
});
