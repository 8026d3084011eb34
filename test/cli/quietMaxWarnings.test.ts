/** `--quiet` and `--max-warnings N`, with eslint's meanings, on a config holding one error and two warnings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, tempDir, writeTree, FAKE_GITHUB_TOKEN } from './helpers';

// One error (a GitHub token in env) and two warnings (two servers with no version).
const CURSOR = JSON.stringify(
  {
    mcpServers: {
      github: { command: 'npx', args: ['-y', '@acme/tools@1.4.2'], env: { GITHUB_PERSONAL_ACCESS_TOKEN: FAKE_GITHUB_TOKEN } },
      memory: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] },
      fetch: { command: 'uvx', args: ['mcp-server-fetch'] },
    },
  },
  null,
  2,
);
const WARNINGS_ONLY = CURSOR.replace(/,\n\s*"env": \{[^}]*\}/, '');

function scan(files: Record<string, string>, args: string[]) {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, files);
    return runCli(['scan', '--format', 'json', ...args], { cwd: dir });
  } finally {
    cleanup();
  }
}
const severities = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ severity: string }> }).findings.map((f) => f.severity).sort();

test('the fixture: one error and two warnings', () => {
  const run = scan({ '.cursor/mcp.json': CURSOR }, []);
  assert.deepEqual(severities(run.stdout), ['error', 'warning', 'warning']);
  assert.equal(run.code, 1);
});

test('--quiet reports errors only, and the exit code follows them', () => {
  const run = scan({ '.cursor/mcp.json': CURSOR }, ['--quiet']);
  assert.deepEqual(severities(run.stdout), ['error']);
  assert.equal(run.code, 1);
  const clean = scan({ '.cursor/mcp.json': WARNINGS_ONLY }, ['--quiet']);
  assert.deepEqual(severities(clean.stdout), []);
  assert.equal(clean.code, 0, 'warnings are not reported, so they do not fail the run');
});

test('--max-warnings N: warnings fail only past N; errors still fail; a bad N is a usage error', () => {
  assert.equal(scan({ '.cursor/mcp.json': WARNINGS_ONLY }, ['--max-warnings', '2']).code, 0);
  const over = scan({ '.cursor/mcp.json': WARNINGS_ONLY }, ['--max-warnings', '1']);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /2 warnings, more than --max-warnings 1\./);
  assert.equal(scan({ '.cursor/mcp.json': CURSOR }, ['--max-warnings', '5']).code, 1, 'the error fails the run');
  const bad = scan({ '.cursor/mcp.json': CURSOR }, ['--max-warnings', 'many']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--max-warnings needs a whole number/);
});
