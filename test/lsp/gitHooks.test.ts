/**
 * Issue 13 item 1: opening a cloned repository must never run a program the repository
 * chose. git reads `.git/config`, where `core.fsmonitor` (run by every `git ls-files`) and
 * `core.hooksPath` name programs; these tests use the server's real git runner.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { withClient } from './harness';
import { MCP_JSON } from './fixtures';
import { ruleById } from '../../server/src/rules';

function hostileRepository(): { root: string; marker: string } {
  const root = mkdtempSync(join(tmpdir(), 'mcp-hygiene-hostile-git-'));
  const marker = join(root, 'PWNED');
  const files: Record<string, string> = {
    '.vscode/mcp.json': MCP_JSON,
    '.cursor/mcp.json': MCP_JSON.replace('"servers"', '"mcpServers"'),
    '.gitignore': 'local/\n',
    'local/.cursor/mcp.json': MCP_JSON.replace('"servers"', '"mcpServers"'),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '.vscode/mcp.json', '.gitignore'], { cwd: root });
  // Set after `git add`, so only the server's git could run them.
  const script = join(root, 'payload.sh');
  writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\n`);
  chmodSync(script, 0o755);
  mkdirSync(join(root, 'hooks'));
  for (const hook of ['post-index-change', 'pre-commit', 'post-checkout']) {
    writeFileSync(join(root, 'hooks', hook), `#!/bin/sh\ntouch '${marker}'\n`);
    chmodSync(join(root, 'hooks', hook), 0o755);
  }
  execFileSync('git', ['config', 'core.fsmonitor', `${script}; echo`], { cwd: root });
  execFileSync('git', ['config', 'core.hooksPath', join(root, 'hooks')], { cwd: root });
  execFileSync('git', ['config', 'diff.external', script], { cwd: root });
  execFileSync('git', ['config', 'core.pager', script], { cwd: root });
  return { root, marker };
}

const RULES = [ruleById('secret-in-env')!];
const uriOf = (root: string, path: string) => pathToFileURL(join(root, path)).toString();

test('the attack works: plain git ls-files in the hostile repository runs its fsmonitor', () => {
  const { root, marker } = hostileRepository();
  try {
    execFileSync('git', ['ls-files', '-z', '--cached'], { cwd: root });
    assert.ok(existsSync(marker), 'the fixture must really be hostile');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('untrusted workspace (Restricted Mode): git never runs, so nothing the repository names runs; git state stays unknown', async () => {
  const { root, marker } = hostileRepository();
  try {
    await withClient(
      { pull: true, rules: RULES, workspaceFolder: pathToFileURL(root).toString(), settings: {}, initializationOptions: { workspaceTrusted: false } },
      async (client) => {
        await client.open(uriOf(root, '.vscode/mcp.json'), MCP_JSON);
        const items = await client.pullItems(uriOf(root, '.vscode/mcp.json'));
        const secret = items.find((d) => d.code === 'secret-in-env')!;
        assert.ok(secret, 'the file is still linted');
        assert.doesNotMatch(secret.message, /already committed|not tracked|git-ignored/);
      },
    );
    assert.ok(!existsSync(marker), 'a program named by the repository ran');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("trusted workspace: git runs with the repository's programs neutralised and still tells tracked, untracked and ignored apart", async () => {
  const { root, marker } = hostileRepository();
  try {
    await withClient(
      { pull: true, rules: RULES, workspaceFolder: pathToFileURL(root).toString(), settings: {}, initializationOptions: { workspaceTrusted: true } },
      async (client) => {
        const tracked = await client.published.wait((p) => p.uri === uriOf(root, '.vscode/mcp.json') && p.diagnostics.length > 0, 'tracked file', 8000);
        assert.equal(tracked.diagnostics[0].severity, DiagnosticSeverity.Error);
        assert.match(tracked.diagnostics[0].message, /rotate it \(committed\)/);
        const untracked = await client.published.wait((p) => p.uri === uriOf(root, '.cursor/mcp.json') && p.diagnostics.length > 0, 'untracked file', 8000);
        const untrackedSecret = untracked.diagnostics.find((d) => d.code === 'secret-in-env')!;
        assert.equal(untrackedSecret.severity, DiagnosticSeverity.Warning);
        assert.doesNotMatch(untrackedSecret.message, /committed/);
        const ignored = await client.published.wait((p) => p.uri === uriOf(root, 'local/.cursor/mcp.json') && p.diagnostics.length > 0, 'ignored file', 8000);
        assert.equal(ignored.diagnostics.find((d) => d.code === 'secret-in-env')!.severity, DiagnosticSeverity.Warning);
      },
    );
    assert.ok(!existsSync(marker), 'a program named by the repository ran');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
