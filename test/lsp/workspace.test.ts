import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver/node';
import { withClient } from './harness';
import { MCP_JSON, TOKEN } from './fixtures';
import { ruleById } from '../../server/src/rules';
import { SCAN_MACHINE_REQUEST, type ScanMachineResult } from '../../server/src/common/protocol';
import type { Rule } from '../../server/src/core/rule';

const RULES: Rule[] = [
  'secret-in-env',
  'unpinned-npm-package',
  'unpinned-python-package',
  'server-not-allowed',
  'unused-suppression',
  'suppression-without-reason',
].map((id) => ruleById(id)!);

function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mcp-hygiene-ws-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
const uriOf = (root: string, path: string) => pathToFileURL(join(root, path)).toString();

const CURSOR = `{ "mcpServers": { "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] } } }\n`;
const CURSOR_PINNED = `{ "mcpServers": { "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory@2025.9.25"] } } }\n`;

test('workspace diagnostics: closed config files are linted on start-up with progress; node_modules, .git and ignoredPaths are skipped', async () => {
  const root = tempTree({
    '.vscode/mcp.json': MCP_JSON,
    '.cursor/mcp.json': CURSOR,
    'node_modules/pkg/.vscode/mcp.json': MCP_JSON,
    '.git/x/.cursor/mcp.json': CURSOR,
    'examples/.vscode/mcp.json': MCP_JSON,
    'package.json': '{ "name": "x" }',
  });
  try {
    await withClient(
      { pull: true, rules: RULES, workDoneProgress: true, workspaceFolder: pathToFileURL(root).toString(), settings: { ignoredPaths: ['examples/**'] } },
      async (client) => {
        const vscode = await client.published.wait((p) => p.uri === uriOf(root, '.vscode/mcp.json'), 'workspace diagnostics for .vscode/mcp.json', 8000);
        assert.deepEqual(
          vscode.diagnostics.map((d) => d.code),
          ['secret-in-env'],
        );
        const cursor = await client.published.wait((p) => p.uri === uriOf(root, '.cursor/mcp.json'), 'workspace diagnostics for .cursor/mcp.json', 8000);
        assert.deepEqual(
          cursor.diagnostics.map((d) => d.code),
          ['unpinned-npm-package'],
        );
        await client.progress.wait((p) => p.kind === 'end', 'the end of the scan progress', 8000);
        const begin = client.progress.all().find((p) => p.kind === 'begin');
        assert.match(begin?.message ?? '', /Linting 2 MCP config files/);
        const uris = client.published.all().map((p) => p.uri);
        assert.ok(!uris.some((u) => u.includes('node_modules') || u.includes('/.git/') || u.includes('/examples/')), uris.join('\n'));
        assert.ok(!JSON.stringify(client.published.all()).includes(TOKEN.slice(4)), 'no secret in diagnostics');

        // A file change reported by the client's watcher: re-linted from disk.
        writeFileSync(join(root, '.cursor/mcp.json'), CURSOR_PINNED);
        await client.watchedFilesChanged([{ uri: uriOf(root, '.cursor/mcp.json'), type: FileChangeType.Changed }]);
        await client.published.wait((p) => p.uri === uriOf(root, '.cursor/mcp.json') && p.diagnostics.length === 0, 'the fixed file cleared');
        // A new file appears.
        mkdirSync(join(root, 'sub/.cursor'), { recursive: true });
        writeFileSync(join(root, 'sub/.cursor/mcp.json'), CURSOR);
        await client.watchedFilesChanged([{ uri: uriOf(root, 'sub/.cursor/mcp.json'), type: FileChangeType.Created }]);
        await client.published.wait((p) => p.uri === uriOf(root, 'sub/.cursor/mcp.json') && p.diagnostics.length === 1, 'the new file linted');
        // Deleted: its diagnostics go.
        rmSync(join(root, 'sub/.cursor/mcp.json'));
        const before = client.published.all().length;
        await client.watchedFilesChanged([{ uri: uriOf(root, 'sub/.cursor/mcp.json'), type: FileChangeType.Deleted }]);
        await client.published.wait(
          (p) => client.published.all().indexOf(p) >= before && p.uri === uriOf(root, 'sub/.cursor/mcp.json') && p.diagnostics.length === 0,
          'the deleted file cleared',
        );

        // Opening a file hands it to pull diagnostics: the pushed ones are withdrawn (no duplicates).
        const count = client.published.all().length;
        await client.open(uriOf(root, '.vscode/mcp.json'), MCP_JSON);
        await client.published.wait(
          (p) => client.published.all().indexOf(p) >= count && p.uri === uriOf(root, '.vscode/mcp.json') && p.diagnostics.length === 0,
          'pushed diagnostics withdrawn on open',
        );
        assert.equal((await client.pullItems(uriOf(root, '.vscode/mcp.json'))).length, 1);
        // Closing it: the diagnostics come from disk again.
        const count2 = client.published.all().length;
        await client.close(uriOf(root, '.vscode/mcp.json'));
        await client.published.wait(
          (p) => client.published.all().indexOf(p) >= count2 && p.uri === uriOf(root, '.vscode/mcp.json') && p.diagnostics.length === 1,
          'diagnostics from disk after close',
        );
      },
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('git state: a token in a tracked file is an error (rotate it), in an untracked one a warning; git runs once per folder', async () => {
  const root = tempTree({
    '.vscode/mcp.json': MCP_JSON,
    '.cursor/mcp.json': MCP_JSON.replace('"servers"', '"mcpServers"'),
    '.gitignore': 'local/\n',
    'local/.cursor/mcp.json': MCP_JSON.replace('"servers"', '"mcpServers"'),
  });
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['add', '.vscode/mcp.json', '.gitignore'], { cwd: root });
  let gitRuns = 0;
  const git = (cwd: string, args: string[]) => {
    gitRuns++;
    return Promise.resolve(execFileSync('git', args, { cwd, encoding: 'utf8' }));
  };
  try {
    await withClient({ pull: true, rules: RULES, git, workspaceFolder: pathToFileURL(root).toString(), settings: {} }, async (client) => {
      const tracked = await client.published.wait((p) => p.uri === uriOf(root, '.vscode/mcp.json') && p.diagnostics.length > 0, 'tracked file', 8000);
      assert.equal(tracked.diagnostics[0].severity, DiagnosticSeverity.Error);
      assert.match(tracked.diagnostics[0].message, /rotate it \(committed\)\.$/, 'the diagnostic (first sentence) says to rotate a committed secret');
      const untracked = await client.published.wait((p) => p.uri === uriOf(root, '.cursor/mcp.json') && p.diagnostics.length > 0, 'untracked file', 8000);
      const secret = untracked.diagnostics.find((d) => d.code === 'secret-in-env')!;
      assert.equal(secret.severity, DiagnosticSeverity.Warning);
      assert.doesNotMatch(secret.message, /committed/);
      const ignored = await client.published.wait((p) => p.uri === uriOf(root, 'local/.cursor/mcp.json') && p.diagnostics.length > 0, 'ignored file', 8000);
      assert.equal(ignored.diagnostics.find((d) => d.code === 'secret-in-env')!.severity, DiagnosticSeverity.Warning);
      // Editing an open document never runs git again.
      const runs = gitRuns;
      await client.open(uriOf(root, '.vscode/mcp.json'), MCP_JSON);
      for (let i = 0; i < 5; i++) await client.change(uriOf(root, '.vscode/mcp.json'), MCP_JSON + ' '.repeat(i));
      const items = await client.pullItems(uriOf(root, '.vscode/mcp.json'));
      assert.equal(items[0].severity, DiagnosticSeverity.Error);
      assert.equal(gitRuns, runs);
      assert.ok(runs <= 2, `git ran ${runs} times`);
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('machine scan: user-level files of several clients under a given home, per client and per severity; missing is normal, a directory is unreadable', async () => {
  const home = tempTree({
    '.cursor/mcp.json': CURSOR,
    '.codeium/windsurf/mcp_config.json': `{ "mcpServers": { "gh": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"], "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${TOKEN}" } } } }`,
    '.codex/config.toml': `[mcp_servers.fetch]\ncommand = "uvx"\nargs = ["mcp-server-fetch"]\n`,
    '.gemini/settings.json': `{ "mcpServers": {} }`,
  });
  mkdirSync(join(home, '.kiro/settings/mcp.json'), { recursive: true });
  try {
    await withClient({ pull: true, rules: RULES, settings: {} }, async (client) => {
      const result = (await client.connection.sendRequest(SCAN_MACHINE_REQUEST, { home })) as ScanMachineResult;
      assert.equal(result.home, home);
      const clients = result.files.map((f) => f.client).sort();
      assert.deepEqual(clients, ['Codex', 'Cursor', 'Gemini CLI', 'Windsurf / Antigravity']);
      assert.deepEqual(result.perClient['Cursor'], { error: 0, warning: 1, information: 0, hint: 0 });
      assert.equal(result.perClient['Windsurf / Antigravity'].error, 1);
      assert.equal(result.totals.error + result.totals.warning, 3);
      assert.deepEqual(
        result.unreadable.map((u) => u.path),
        [join(home, '.kiro/settings/mcp.json')],
      );
      assert.ok(result.checked > 20);
      await client.published.wait((p) => p.uri === uriOf(home, '.codex/config.toml') && p.diagnostics.length === 1, 'diagnostics for the Codex file');
      assert.ok(!JSON.stringify(result).includes(TOKEN.slice(4)));
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('policy file and .mcp-hygiene.json: server-not-allowed follows the setting; file suppressions apply to strict JSON, not in an untrusted workspace', async () => {
  const root = tempTree({
    'policy.json': JSON.stringify({ publishers: ['@modelcontextprotocol'] }),
    'strict-policy.json': JSON.stringify({ servers: ['nothing'] }),
    '.mcp-hygiene.json': JSON.stringify({
      suppressions: [{ file: '**/claude_desktop_config.json', rule: 'unpinned-npm-package', server: 'memory', reason: 'vendored' }],
    }),
  });
  const desktopUri = uriOf(root, 'Claude/claude_desktop_config.json');
  const vscodeUri = uriOf(root, '.vscode/mcp.json');
  try {
    await withClient({ pull: true, rules: RULES, workspaceFolder: pathToFileURL(root).toString(), settings: { policyFile: 'policy.json' } }, async (client) => {
      await client.open(vscodeUri, MCP_JSON);
      assert.deepEqual(
        (await client.pullItems(vscodeUri)).map((d) => d.code),
        ['secret-in-env'],
      );
      await client.changeSettings({ policyFile: 'strict-policy.json' });
      await client.refreshes.wait((n) => n >= 1, 'refresh');
      const items = await client.pullItems(vscodeUri);
      assert.deepEqual(items.map((d) => d.code).sort(), ['secret-in-env', 'server-not-allowed']);
      assert.match(items.find((d) => d.code === 'server-not-allowed')!.message, /^Server "github" is not on your MCP allow-list: remove it/);
      await client.changeSettings({ policyFile: 'missing.json' });
      assert.deepEqual(
        (await client.pullItems(vscodeUri)).map((d) => d.code),
        ['secret-in-env'],
      );
      await client.messages.wait((m) => m.message.includes('missing.json'), 'the unreadable policy file reported');

      await client.open(
        desktopUri,
        `{ "mcpServers": { "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] }, "other": { "command": "npx", "args": ["-y", "mcp-other"] } } }`,
      );
      const desktop = await client.pullItems(desktopUri);
      const unpinned = desktop.filter((d) => d.code === 'unpinned-npm-package');
      assert.equal(unpinned.length, 1, JSON.stringify(desktop.map((d) => d.message)));
      assert.match(unpinned[0].message, /"mcp-other"/);
    });
    // Untrusted workspace: its .mcp-hygiene.json cannot silence the linter.
    await withClient(
      { pull: true, rules: RULES, workspaceFolder: pathToFileURL(root).toString(), settings: {}, initializationOptions: { workspaceTrusted: false } },
      async (client) => {
        await client.open(desktopUri, `{ "mcpServers": { "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] } } }`);
        assert.deepEqual(
          (await client.pullItems(desktopUri)).map((d) => d.code),
          ['unpinned-npm-package'],
        );
      },
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
