/**
 * `mcp-hygiene policy export` end to end: the file on stdout or written with --output (the
 * notes on stderr), the exported Claude Code file scanned clean by `scan`, and every way to
 * call it wrong answered with exit 2 and one line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, writeTree } from './helpers';

const POLICY = `{
  // The organisation's approved MCP servers (JSONC, as mcpHygiene.policyFile).
  "hosts": ["api.githubcopilot.com"],
  "commands": [["npx", "-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "."]],
  "packages": ["@acme/mcp-tickets"],
}
`;

test('stdout by default, --output writes the file; the notes (where it goes, what is not exported) go to stderr', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { 'policy.json': POLICY });
    const run = runCli(['policy', 'export', '--target', 'claude-code', '--policy', 'policy.json'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      allowManagedMcpServersOnly: true,
      allowedMcpServers: [
        { serverUrl: 'https://api.githubcopilot.com/*' },
        { serverCommand: ['npx', '-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '.'] },
      ],
    });
    assert.match(run.stderr, /\/etc\/claude-code\//);
    assert.match(run.stderr, /"@acme\/mcp-tickets" are not exported/);

    writeTree(dir, { 'etc/claude-code/.keep': '' });
    const written = runCli(['policy', 'export', '--target', 'claude-code', '--policy', 'policy.json', '--output', 'etc/claude-code/managed-settings.json'], {
      cwd: dir,
    });
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stdout, '');
    assert.equal(readFileSync(join(dir, 'etc/claude-code/managed-settings.json'), 'utf8'), run.stdout);
    const scan = runCli(['scan', 'etc/claude-code/managed-settings.json'], { cwd: dir });
    assert.equal(scan.code, 0, scan.stdout);
    assert.match(scan.stdout, /1 file, 0 findings/);

    for (const target of ['copilot', 'vscode', 'cline']) {
      const other = runCli(['policy', 'export', '--target', target, '--policy', 'policy.json'], { cwd: dir });
      assert.equal(other.code, 0, `${target}: ${other.stderr}`);
      assert.doesNotThrow(() => JSON.parse(other.stdout), target);
    }
  } finally {
    cleanup();
  }
});

test('usage and I/O problems: exit 2, one line, nothing written', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { 'policy.json': POLICY, 'bad.json': '{ "hosts": "mcp.acme.example" }', 'broken.json': '{ "hosts": [' });
    const fails = (args: string[], message: RegExp) => {
      const run = runCli(args, { cwd: dir });
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
    };
    fails(['policy', 'export', '--policy', 'policy.json'], /needs --target: claude-code, copilot, vscode, cline/);
    fails(['policy', 'export', '--target', 'cursor', '--policy', 'policy.json'], /Unknown --target "cursor"/);
    fails(['policy', 'export', '--target', 'copilot'], /needs --policy <file>/);
    fails(['policy', 'import', '--target', 'copilot', '--policy', 'policy.json'], /Unknown policy command "import"/);
    fails(['policy', 'export', '--target', 'copilot', '--policy', 'missing.json'], /Cannot read the policy file/);
    fails(['policy', 'export', '--target', 'copilot', '--policy', 'bad.json'], /The policy file is not valid: hosts/);
    fails(['policy', 'export', '--target', 'copilot', '--policy', 'broken.json'], /is not valid JSON/);
    fails(['policy', 'export', '--target', 'copilot', '--policy', 'policy.json', '--frobnicate'], /frobnicate/);
    symlinkSync(join(dir, 'policy.json'), join(dir, 'link.json'));
    fails(
      ['policy', 'export', '--target', 'copilot', '--policy', 'policy.json', '--output', 'link.json'],
      /Cannot write link\.json: a symbolic link; not followed/,
    );
    assert.equal(readFileSync(join(dir, 'policy.json'), 'utf8'), POLICY, 'the link target is untouched');
    const help = runCli(['policy', '--help'], { cwd: dir });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: mcp-hygiene policy export --target <client>/);
  } finally {
    cleanup();
  }
});
