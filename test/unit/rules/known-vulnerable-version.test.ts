import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindings, expectClean, run } from '../launch/harness';
import { applyFix } from '../../../server/src/engine';

const ID = 'known-vulnerable-version';

test('pinned versions inside advisories: npm, PyPI (PEP 440), Go and the GitHub image', () => {
  expectFindings(
    ID,
    {
      remote: { command: 'npx', args: ['-y', 'mcp-remote@0.1.15', 'https://example.com/mcp'] },
      git: { command: 'uvx', args: ['mcp-server-git==2025.9.1'] },
      k8s: { command: 'npx', args: ['mcp-server-kubernetes@2.4.0'] },
      gh: { command: 'docker', args: ['run', '-i', '--rm', 'ghcr.io/github/github-mcp-server:v0.20.0'] },
      gosdk: { command: 'go', args: ['run', 'github.com/modelcontextprotocol/go-sdk/examples/server@v1.3.0'] },
      azure: { command: 'uvx', args: ['msmcp-azure==2.0.0b15'] },
    },
    [
      {
        at: 'mcp-remote@0.1.15',
        severity: 'error',
        message: /^"mcp-remote@0\.1\.15" has a known vulnerability: upgrade to 0\.1\.16 or later\..*GHSA-6xpm-ggf7-wc3p \(CVE-2025-6514\)/,
        fixes: 1,
      },
      { at: 'mcp-server-git==2025.9.1', severity: 'error', message: /4 known vulnerabilities: upgrade to 2026\.1\.14/, fixes: 1 },
      { at: 'mcp-server-kubernetes@2.4.0', severity: 'error', message: /upgrade to 3\.7\.0/ },
      { at: 'ghcr.io/github/github-mcp-server:v0.20.0', severity: 'warning', message: /GHSA-w4q6-qw23-4rg7/ },
      { at: 'github.com/modelcontextprotocol/go-sdk/examples/server@v1.3.0', severity: 'warning', message: /upgrade to 1\.4\.1/ },
      { at: 'msmcp-azure==2.0.0b15', severity: 'warning', message: /2\.0\.0b17/ },
    ],
  );
});

test('ranges are reported only when every allowed version is affected; fixed and unpinned versions are not', () => {
  expectFindings(
    ID,
    { a: { command: 'npx', args: ['@modelcontextprotocol/inspector@~0.14.0'] } },
    [{ at: '@modelcontextprotocol/inspector@~0.14.0', message: /every version allowed by/ }],
    { dialects: ['vscode', 'codex'] },
  );
  expectClean(ID, {
    a: { command: 'npx', args: ['-y', 'mcp-remote@0.1.16'] },
    b: { command: 'npx', args: ['-y', 'mcp-remote'] },
    c: { command: 'npx', args: ['-y', 'mcp-remote@^0.1.0'] },
    d: { command: 'uvx', args: ['mcp-server-git==2026.1.14'] },
    e: { command: 'uvx', args: ['mcp-server-git==2026.1.14.post1'] },
    f: { command: 'npx', args: ['@modelcontextprotocol/server-filesystem@2025.7.1'] },
  });
});

test('an advisory covering every version with no fix is reported even unpinned, without a fix', () => {
  expectFindings(
    ID,
    { a: { command: 'uvx', args: ['mcp-run-python'] } },
    [{ at: 'mcp-run-python', severity: 'error', message: /every version of.*No fixed version is published/, fixes: 0 }],
    { dialects: ['claude-code', 'continue'] },
  );
});

test('the upgrade fix rewrites only the version, keeps the launcher syntax and clears the finding', () => {
  for (const [spec, want] of [
    ['mcp-remote@0.1.15', 'mcp-remote@0.1.16'],
    ['mcp-server-git==2025.9.1', 'mcp-server-git==2026.1.14'],
    ['mcp-server-git@2025.9.1', 'mcp-server-git@2026.1.14'],
  ]) {
    const command = spec.startsWith('mcp-remote') ? 'npx' : 'uvx';
    const { text, findings } = run(ID, 'vscode', { s: { command, args: ['-y', spec].slice(command === 'npx' ? 0 : 1) } });
    const fix = findings[0].fixes[0];
    assert.equal(fix.safe, false, 'an upgrade changes behaviour: never applied by fix-all');
    const fixed = applyFix(text, fix);
    assert.ok(fixed.includes(`"${want}"`), fixed);
    assert.deepEqual(run(ID, 'vscode', JSON.parse(fixed).servers).findings, []);
  }
});

test('inside a command written as one string, the finding points at the package and the fix rewrites only it', () => {
  expectFindings(
    ID,
    { r: { command: 'npx -y mcp-remote@0.1.15 https://example.com/sse' } },
    [{ at: 'npx -y mcp-remote@0.1.15 https://example.com/sse', piece: 'mcp-remote@0.1.15', fixes: 1 }],
    { dialects: ['vscode', 'codex', 'continue'] },
  );
  const { text, findings } = run(ID, 'codex', { r: { command: 'npx -y mcp-remote@0.1.15 https://example.com/sse' } });
  assert.ok(applyFix(text, findings[0].fixes[0]).includes('command = "npx -y mcp-remote@0.1.16 https://example.com/sse"'));
});
