/**
 * eslint/ruff conventions (issue 16): --stdin with --stdin-filename, --color / --no-color,
 * .mcp-hygiene.json found by walking up from each file, --print-config.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli, tempDir, writeTree } from './helpers';

const UNPINNED = '{\n  "mcpServers": {\n    "docs": { "command": "npx", "args": ["-y", "docs-mcp-server"] }\n  }\n}\n';
const TRAILING = '{\n  "mcpServers": {\n    "docs": { "command": "npx", "args": ["-y", "docs-mcp-server@1.2.0"] },\n  }\n}\n';
const json = (text: string) => JSON.parse(text) as { findings: Array<{ file: string; ruleId: string }>; filesByDialect?: Record<string, number> };

describe('--stdin', () => {
  test('lints standard input as the file --stdin-filename names: the path decides the client, nothing is read or written there', () => {
    const { dir, cleanup } = tempDir();
    try {
      const run = runCli(['scan', '--stdin', '--stdin-filename', '.cursor/mcp.json', '-f', 'json'], { cwd: dir, stdin: UNPINNED });
      assert.equal(run.code, 1, run.stderr);
      const report = json(run.stdout);
      assert.deepEqual(
        report.findings.map((f) => [f.file, f.ruleId]),
        [['.cursor/mcp.json', 'unpinned-npm-package']],
      );
      assert.ok(!existsSync(join(dir, '.cursor')), 'nothing is created at the named path');
    } finally {
      cleanup();
    }
  });

  test('without --stdin-filename the content decides; input that is no MCP config is a usage error that says what to give', () => {
    const { dir, cleanup } = tempDir();
    try {
      const run = runCli(['scan', '--stdin'], { cwd: dir, stdin: UNPINNED });
      assert.equal(run.code, 1);
      assert.match(run.stdout, /<stdin>/);
      const notConfig = runCli(['scan', '--stdin'], { cwd: dir, stdin: '{ "name": "app", "version": "1.0.0" }' });
      assert.equal(notConfig.code, 2);
      assert.match(notConfig.stderr, /Standard input was not linted: not an MCP config.*--stdin-filename <path>/);
    } finally {
      cleanup();
    }
  });

  test('--fix prints the fixed text on stdout and the remaining findings on stderr (as ruff), writing no file', () => {
    const { dir, cleanup } = tempDir();
    try {
      const run = runCli(['scan', '--stdin', '--stdin-filename', '.mcp.json', '--fix'], { cwd: dir, stdin: TRAILING });
      assert.equal(run.stdout, TRAILING.replace('},\n  }', '}\n  }'), 'the trailing comma removed, every other byte kept');
      assert.match(run.stderr, /Fixed \.mcp\.json:\n {2}- Remove the trailing comma/);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(!existsSync(join(dir, '.mcp.json')));
      const clean = runCli(['scan', '--stdin', '--stdin-filename', '.mcp.json', '--fix'], { cwd: dir, stdin: UNPINNED });
      assert.equal(clean.stdout, UNPINNED, 'nothing to fix: the input comes back unchanged');
      assert.match(clean.stderr, /unpinned-npm-package/);
    } finally {
      cleanup();
    }
  });

  test('bounded like a file, and not combined with paths or file-only options', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { '.mcp-hygiene.json': '{ "maxFileSize": 16 }' });
      const large = runCli(['scan', '--stdin', '--stdin-filename', '.mcp.json'], { cwd: dir, stdin: UNPINNED });
      assert.equal(large.code, 2);
      assert.match(large.stderr, /Standard input is larger than maxFileSize \(16 bytes\)/);
      for (const [args, message] of [
        [['scan', '--stdin', 'a.json'], /give no paths with it/],
        [['scan', '--stdin-filename', 'x.json'], /only makes sense with --stdin/],
        [['scan', '--stdin', '--cache'], /--stdin cannot be combined/],
      ] as const) {
        const run = runCli(args, { cwd: dir, stdin: UNPINNED });
        assert.equal(run.code, 2, args.join(' '));
        assert.match(run.stderr, message);
      }
    } finally {
      cleanup();
    }
  });
});

describe('--color / --no-color', () => {
  test('override the terminal, NO_COLOR and FORCE_COLOR; both at once is a usage error', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { '.cursor/mcp.json': UNPINNED });
      const ansi = /\u001b\[/;
      assert.match(runCli(['scan', '--color'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout, ansi, '--color on a pipe with NO_COLOR set');
      assert.doesNotMatch(
        runCli(['scan', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' }, tty: true }).stdout,
        ansi,
        '--no-color on a terminal with FORCE_COLOR',
      );
      assert.doesNotMatch(runCli(['scan'], { cwd: dir }).stdout, ansi, 'default on a pipe: plain');
      const both = runCli(['scan', '--color', '--no-color'], { cwd: dir });
      assert.equal(both.code, 2);
      assert.match(both.stderr, /contradict/);
    } finally {
      cleanup();
    }
  });
});

describe('.mcp-hygiene.json found by walking up from each file', () => {
  test('the nearest one applies; a repository root stops the walk; nested ignoredPaths apply below their folder', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, {
        '.mcp-hygiene.json': JSON.stringify({ rules: { 'unpinned-npm-package': 'off' } }),
        'root-app/.cursor/mcp.json': UNPINNED,
        'strict/.mcp-hygiene.json': JSON.stringify({ rules: { 'unpinned-npm-package': 'error' }, ignoredPaths: ['fixtures/**'] }),
        'strict/.cursor/mcp.json': UNPINNED,
        'strict/fixtures/.cursor/mcp.json': UNPINNED,
        'vendored-repo/.cursor/mcp.json': UNPINNED,
      });
      mkdirSync(join(dir, 'vendored-repo', '.git'));
      const run = runCli(['scan', '-f', 'json', '--no-gitignore'], { cwd: dir });
      const findings = json(run.stdout)
        .findings.map((f) => `${f.file} ${f.ruleId}`)
        .sort();
      assert.deepEqual(findings, ['strict/.cursor/mcp.json unpinned-npm-package', 'vendored-repo/.cursor/mcp.json unpinned-npm-package']);
      // --config applies to every file instead.
      const forced = runCli(['scan', '-f', 'json', '--no-gitignore', '--config', '.mcp-hygiene.json'], { cwd: dir });
      assert.deepEqual(json(forced.stdout).findings, []);
    } finally {
      cleanup();
    }
  });

  test('--print-config shows the settings a file gets, where they come from and its client, never a credential', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, {
        '.mcp-hygiene.json': JSON.stringify({ trustedHosts: ['mcp.example.com'] }),
        'team/.mcp-hygiene.json': JSON.stringify({ npmRegistry: 'https://ci:s3cr3t-registry-token@npm.example.com/', rules: { 'secret-in-env': 'warning' } }),
      });
      const team = runCli(['--print-config', 'team/.cursor/mcp.json'], { cwd: dir });
      assert.equal(team.code, 0, team.stderr);
      const printed = JSON.parse(team.stdout) as {
        file: string;
        configFile: string;
        client: string;
        settings: { npmRegistry: string; rules: Record<string, string>; trustedHosts: string[] };
      };
      assert.equal(printed.file, 'team/.cursor/mcp.json');
      assert.equal(printed.configFile, join(dir, 'team', '.mcp-hygiene.json'));
      assert.equal(printed.client, 'cursor');
      assert.equal(printed.settings.rules['secret-in-env'], 'warning');
      assert.deepEqual(printed.settings.trustedHosts, [], 'the nearest file wins whole, as in ruff: settings are not merged');
      assert.ok(!team.stdout.includes('s3cr3t'), 'the registry credential is not printed');
      const root = JSON.parse(runCli(['--print-config', '.vscode/mcp.json'], { cwd: dir }).stdout) as {
        configFile: string;
        client: string;
        settings: { trustedHosts: string[] };
      };
      assert.equal(root.configFile, join(dir, '.mcp-hygiene.json'));
      assert.equal(root.client, 'vscode');
      assert.deepEqual(root.settings.trustedHosts, ['mcp.example.com']);
    } finally {
      cleanup();
    }
  });
});

test('--stdin reads a real pipe (the process entry point, not an injected reader)', () => {
  const { dir, cleanup } = tempDir();
  try {
    const entry = join(__dirname, '..', '..', 'server', 'src', 'cli-main.ts');
    // tsx by its absolute URL: the child runs in the temporary folder, where no node_modules is.
    const tsx = pathToFileURL(require.resolve('tsx')).href;
    const run = spawnSync(process.execPath, ['--import', tsx, entry, 'scan', '--stdin', '--stdin-filename', '.cursor/mcp.json', '-f', 'json'], {
      cwd: dir,
      input: UNPINNED,
      encoding: 'utf8',
    });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(
      json(run.stdout).findings.map((f) => f.ruleId),
      ['unpinned-npm-package'],
    );
  } finally {
    cleanup();
  }
});

test('--machine lints only the user-level configs of the home it sees, and the JSON names the host and user', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { 'home/alice/.cursor/mcp.json': UNPINNED, 'project/.vscode/mcp.json': UNPINNED.replace('mcpServers', 'servers') });
    const home = join(dir, 'home', 'alice');
    const run = runCli(['scan', '--machine', '--format', 'json', '--fail-on', 'none'], { cwd: join(dir, 'project'), env: { HOME: home } });
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: Array<{ file: string }>; machine: { host: string; user: string; home: string } };
    assert.deepEqual([...new Set(report.findings.map((f) => f.file))], [join(home, '.cursor', 'mcp.json')], 'the working directory is not scanned');
    assert.equal(report.machine.user, 'alice');
    assert.equal(report.machine.home, home);
    assert.ok(report.machine.host.length > 0);
    const withProject = runCli(['scan', '--machine', '--format', 'json', '--fail-on', 'none', '.'], { cwd: join(dir, 'project'), env: { HOME: home } });
    assert.equal(
      new Set((JSON.parse(withProject.stdout) as { findings: Array<{ file: string }> }).findings.map((f) => f.file)).size,
      2,
      'named folders are added',
    );
  } finally {
    cleanup();
  }
});
