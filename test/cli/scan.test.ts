import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { RULES } from '../../server/src/engine';
import { DIALECTS } from '../../server/src/dialects';
import { parseCliArgs } from '../../server/src/cli/args';
import { loadSettings } from '../../server/src/cli/config';
import { FAKE_GITHUB_TOKEN, REPO_ROOT, runCli, tempDir, writeTree } from './helpers';

const VSCODE_WITH_PROBLEMS = `{
  // Shared team servers
  "servers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${FAKE_GITHUB_TOKEN}" }
    },
    "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem"] }
  }
}
`;
const ONLY_UNPINNED = `{ "mcpServers": { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem"] } } }\n`;
const CLEAN = `{ "servers": {} }\n`;

function parseJsonOutput(stdout: string) {
  return JSON.parse(stdout) as {
    version: number;
    findings: Array<
      Record<string, unknown> & { file: string; ruleId: string; severity: string; server: string | null; range: { start: { line: number; character: number } } }
    >;
    skipped: Array<{ file: string; reason: string }>;
  };
}

describe('JSON output (the scripts contract)', () => {
  test('has exactly version, findings, skipped and filesByDialect, and each finding exactly the documented keys', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { '.vscode/mcp.json': VSCODE_WITH_PROBLEMS });
      const run = runCli(['scan', '--format', 'json'], { cwd: dir });
      assert.equal(run.code, 1, run.stderr);
      const output = parseJsonOutput(run.stdout);
      assert.deepEqual(Object.keys(output), ['version', 'findings', 'skipped', 'filesByDialect']);
      assert.equal(output.version, 1);
      assert.ok(output.findings.length >= 2);
      for (const finding of output.findings) {
        assert.deepEqual(Object.keys(finding), ['file', 'ruleId', 'category', 'severity', 'server', 'range', 'message', 'fixes']);
        assert.equal(finding.file, '.vscode/mcp.json');
        assert.ok(['error', 'warning', 'information', 'hint'].includes(finding.severity));
        assert.deepEqual(Object.keys(finding.range), ['start', 'end']);
        assert.ok(Array.isArray(finding.fixes) && (finding.fixes as unknown[]).every((f) => typeof f === 'string'));
      }
      const secret = output.findings.find((f) => f.ruleId === 'secret-in-env');
      assert.ok(secret);
      assert.equal(secret.server, 'github');
      assert.deepEqual(secret.range.start, { line: 6, character: 47 });
      assert.deepEqual(output.skipped, []);
      assert.deepEqual((output as unknown as { filesByDialect: unknown }).filesByDialect, { vscode: 1 });
    } finally {
      cleanup();
    }
  });

  test('paths are shown as found from the given root', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { 'proj/.cursor/mcp.json': ONLY_UNPINNED });
      const fromParent = parseJsonOutput(runCli(['scan', 'proj', '-f', 'json'], { cwd: dir }).stdout);
      assert.deepEqual(
        fromParent.findings.map((f) => f.file),
        ['proj/.cursor/mcp.json'],
      );
      const fromInside = parseJsonOutput(runCli(['scan', '-f', 'json'], { cwd: join(dir, 'proj') }).stdout);
      assert.deepEqual(
        fromInside.findings.map((f) => f.file),
        ['.cursor/mcp.json'],
      );
      const absolute = parseJsonOutput(runCli(['scan', join(dir, 'proj'), '-f', 'json'], { cwd: REPO_ROOT }).stdout);
      assert.deepEqual(
        absolute.findings.map((f) => f.file),
        [join(dir, 'proj', '.cursor', 'mcp.json')],
      );
    } finally {
      cleanup();
    }
  });

  test('--output writes the report to a file and leaves stdout empty', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { '.mcp.json': ONLY_UNPINNED });
      const run = runCli(['scan', '-f', 'json', '-o', 'report.json'], { cwd: dir });
      assert.equal(run.code, 1);
      assert.equal(run.stdout, '');
      assert.equal(parseJsonOutput(readFileSync(join(dir, 'report.json'), 'utf8')).findings.length, 1);
    } finally {
      cleanup();
    }
  });
});

describe('exit codes and --fail-on', () => {
  test('0 when clean, 1 with findings at or above the threshold (default warning)', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { 'clean/.vscode/mcp.json': CLEAN, 'dirty/.mcp.json': ONLY_UNPINNED });
      assert.equal(runCli(['scan', 'clean'], { cwd: dir }).code, 0);
      assert.equal(runCli(['scan', 'dirty'], { cwd: dir }).code, 1);
      assert.equal(runCli(['scan', 'dirty', '--fail-on', 'error'], { cwd: dir }).code, 0, 'a warning does not fail --fail-on error');
      assert.equal(runCli(['scan', 'dirty', '--fail-on', 'none'], { cwd: dir }).code, 0);
      assert.equal(runCli(['scan', 'dirty', '--fail-on', 'warning'], { cwd: dir }).code, 1);
    } finally {
      cleanup();
    }
  });

  test("'note' counts information and hint findings; warning does not", () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { '.mcp.json': ONLY_UNPINNED });
      for (const level of ['information', 'hint']) {
        const args = ['scan', '--rule', `unpinned-npm-package=${level}`];
        assert.equal(runCli([...args, '--fail-on', 'warning'], { cwd: dir }).code, 0, level);
        assert.equal(runCli([...args, '--fail-on', 'note'], { cwd: dir }).code, 1, level);
      }
      assert.equal(runCli(['scan', '--rule', 'unpinned-npm-package=error', '--fail-on', 'error'], { cwd: dir }).code, 1);
      const off = runCli(['scan', '--rule', 'unpinned-npm-package=off', '-f', 'json'], { cwd: dir });
      assert.equal(off.code, 0);
      assert.equal(parseJsonOutput(off.stdout).findings.length, 0);
    } finally {
      cleanup();
    }
  });

  test('2 on usage and I/O errors, with a clear message on stderr', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { '.mcp.json': ONLY_UNPINNED, 'bad.json': '{ nope' });
      const cases: Array<[string[], RegExp]> = [
        [[], /Missing command/],
        [['lint'], /Unknown command "lint"/],
        [['scan', '--bogus'], /Unknown option '--bogus'/],
        [['scan', '--format', 'xml'], /Invalid value for --format: "xml"/],
        [['scan', '--fail-on', 'info'], /Invalid value for --fail-on/],
        [['scan', '--rule', 'no-such-rule=off'], /Unknown rule "no-such-rule"/],
        [['scan', '--rule', 'secret-in-env'], /Invalid --rule/],
        [['scan', '--rule', 'secret-in-env=loud'], /Invalid value for --rule secret-in-env/],
        [['scan', '--dry-run'], /--dry-run only makes sense with --fix/],
        [['scan', 'does-not-exist'], /No such file or directory: does-not-exist/],
        [['scan', 'nothing/**/*.json'], /No such directory: nothing/],
        [['scan', '*.yaml'], /No files match the glob \*\.yaml/],
        [['scan', '--baseline', 'missing.json'], /Cannot read the baseline missing\.json: not found\./],
        [['scan', '--baseline', 'bad.json'], /not valid JSON/],
        [['scan', '--config', 'missing.json'], /Cannot read the settings file missing\.json/],
        [['scan', '--config', 'bad.json'], /settings file bad\.json is not valid/],
        [['scan', '--output', join(dir, 'no', 'such', 'dir', 'out.txt')], /Cannot write the report/],
      ];
      for (const [args, message] of cases) {
        const run = runCli(args, { cwd: dir });
        assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
        assert.match(run.stderr, message, args.join(' '));
      }
    } finally {
      cleanup();
    }
  });
});

describe('discovery', () => {
  test('walks every dialect glob, skips node_modules and .git, honours nested .gitignore files', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, {
        '.gitignore': 'vendor/\ngenerated/*\n!generated/.mcp.json\n',
        'a/.vscode/mcp.json': ONLY_UNPINNED.replace('mcpServers', 'servers'),
        'b/.cursor/mcp.json': ONLY_UNPINNED,
        'c/claude_desktop_config.json': ONLY_UNPINNED,
        'vendor/.mcp.json': ONLY_UNPINNED,
        'generated/x/.mcp.json': ONLY_UNPINNED,
        'generated/.mcp.json': ONLY_UNPINNED,
        'pkg/.gitignore': '.cursor/\n',
        'pkg/.cursor/mcp.json': ONLY_UNPINNED,
        'pkg/deeper/.mcp.json': ONLY_UNPINNED,
        'node_modules/some-pkg/.mcp.json': ONLY_UNPINNED,
        '.git/.mcp.json': ONLY_UNPINNED,
        'notes/mcp.json': ONLY_UNPINNED,
      });
      const files = (args: string[]) =>
        [...new Set(parseJsonOutput(runCli(['scan', '-f', 'json', ...args], { cwd: dir }).stdout).findings.map((f) => f.file))].sort();
      // notes/mcp.json: no client reads it there, but its name says MCP and its content is a config (issue 15 class 9).
      assert.deepEqual(files([]), [
        'a/.vscode/mcp.json',
        'b/.cursor/mcp.json',
        'c/claude_desktop_config.json',
        'generated/.mcp.json',
        'notes/mcp.json',
        'pkg/deeper/.mcp.json',
      ]);
      assert.deepEqual(files(['--no-gitignore']), [
        'a/.vscode/mcp.json',
        'b/.cursor/mcp.json',
        'c/claude_desktop_config.json',
        'generated/.mcp.json',
        'generated/x/.mcp.json',
        'notes/mcp.json',
        'pkg/.cursor/mcp.json',
        'pkg/deeper/.mcp.json',
        'vendor/.mcp.json',
      ]);
      assert.deepEqual(files(['--exclude', 'pkg', '--exclude', 'a/**', '--exclude', '**/claude_desktop_config.json']), [
        'b/.cursor/mcp.json',
        'generated/.mcp.json',
        'notes/mcp.json',
      ]);
    } finally {
      cleanup();
    }
  });

  test('a .gitignore between the repository root and the scanned folder applies too', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, {
        '.git/HEAD': 'ref: refs/heads/main\n',
        '.gitignore': 'secret-stuff/\n',
        'sub/secret-stuff/.mcp.json': ONLY_UNPINNED,
        'sub/ok/.mcp.json': ONLY_UNPINNED,
      });
      const run = runCli(['scan', 'sub', '-f', 'json'], { cwd: dir });
      assert.deepEqual(
        parseJsonOutput(run.stdout).findings.map((f) => f.file),
        ['sub/ok/.mcp.json'],
      );
    } finally {
      cleanup();
    }
  });

  test('settings ignoredPaths exclude like --exclude', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, {
        '.mcp-hygiene.json': JSON.stringify({ ignoredPaths: ['fixtures/**'] }),
        'fixtures/.mcp.json': ONLY_UNPINNED,
        'app/.mcp.json': ONLY_UNPINNED,
      });
      const run = runCli(['scan', '-f', 'json'], { cwd: dir });
      assert.deepEqual(
        parseJsonOutput(run.stdout).findings.map((f) => f.file),
        ['app/.mcp.json'],
      );
    } finally {
      cleanup();
    }
  });

  test('a file named explicitly is linted whatever its name; a non-config one is listed as skipped', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, {
        'configs/team-servers.json': ONLY_UNPINNED,
        'package.json': '{ "name": "x", "version": "1.0.0" }\n',
        'logo.json': Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x7d]),
        'latin1.json': Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]),
        'gitignored/.mcp.json': ONLY_UNPINNED,
        '.gitignore': 'gitignored/\n',
      });
      const run = runCli(['scan', 'configs/team-servers.json', 'package.json', 'logo.json', 'latin1.json', 'gitignored/.mcp.json', '-f', 'json'], { cwd: dir });
      const output = parseJsonOutput(run.stdout);
      assert.deepEqual(
        [...new Set(output.findings.map((f) => f.file))],
        ['configs/team-servers.json', 'gitignored/.mcp.json'],
        'explicit files are linted even when gitignored',
      );
      assert.deepEqual(output.skipped, [
        { file: 'latin1.json', reason: 'not UTF-8 text' },
        { file: 'logo.json', reason: 'binary file' },
        { file: 'package.json', reason: 'not an MCP config (no client uses this file name and it has no servers key)' },
      ]);
    } finally {
      cleanup();
    }
  });

  test('a broken link with a config name and a named non-regular file are listed as skipped', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { 'app/README.md': '# app' });
      symlinkSync(join(dir, 'nowhere.json'), join(dir, 'app', '.mcp.json'));
      const fifo = spawnSync('mkfifo', [join(dir, 'pipe.json')]);
      const args = ['scan', 'app', '-f', 'json', ...(fifo.status === 0 ? ['pipe.json'] : [])];
      const output = parseJsonOutput(runCli(args, { cwd: dir }).stdout);
      assert.deepEqual(output.skipped, [
        { file: 'app/.mcp.json', reason: 'broken symbolic link' },
        ...(fifo.status === 0 ? [{ file: 'pipe.json', reason: 'not a regular file (a FIFO)' }] : []),
      ]);
    } finally {
      cleanup();
    }
  });

  test('files over maxFileSize are skipped with the reason, in every format', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { '.mcp-hygiene.json': '{ "maxFileSize": 10 }', '.mcp.json': ONLY_UNPINNED });
      const json = parseJsonOutput(runCli(['scan', '-f', 'json'], { cwd: dir }).stdout);
      assert.equal(json.findings.length, 0);
      assert.deepEqual(
        json.skipped.map((s) => s.file),
        ['.mcp.json'],
      );
      assert.match(json.skipped[0].reason, /^too large \(\d+ bytes; maxFileSize is 10\)$/);
      const text = runCli(['scan'], { cwd: dir }).stdout;
      assert.match(text, /^Skipped\n {2}\.mcp\.json: too large/m);
      const sarif = JSON.parse(runCli(['scan', '-f', 'sarif'], { cwd: dir }).stdout);
      const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
      assert.equal(notes.length, 1);
      assert.equal(notes[0].locations[0].physicalLocation.artifactLocation.uri, '.mcp.json');
    } finally {
      cleanup();
    }
  });

  test('glob arguments are expanded; their matches count as named files', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, {
        'configs/one.json': ONLY_UNPINNED,
        'configs/nested/two.json': ONLY_UNPINNED,
        'configs/readme.md': '# hi',
        'configs/not-mcp.json': '[1, 2]',
      });
      const output = parseJsonOutput(runCli(['scan', 'configs/**/*.json', '-f', 'json'], { cwd: dir }).stdout);
      assert.deepEqual([...new Set(output.findings.map((f) => f.file))], ['configs/nested/two.json', 'configs/one.json']);
      assert.deepEqual(
        output.skipped.map((s) => s.file),
        ['configs/not-mcp.json'],
      );
    } finally {
      cleanup();
    }
  });

  test('--user-configs adds the user-level files the dialects declare', (t) => {
    const { dir, cleanup } = tempDir();
    try {
      const home = join(dir, 'home');
      const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), APPDATA: join(home, 'AppData', 'Roaming') };
      const where = { home, platform: process.platform, xdgConfigHome: env.XDG_CONFIG_HOME, appData: env.APPDATA };
      const dialect = DIALECTS.find((d) => (d.userConfigPaths?.(where) ?? []).some((p) => p.endsWith('.json')));
      if (!dialect) return t.skip('no dialect declares a JSON user-level config yet');
      const path = dialect.userConfigPaths!(where).find((p) => p.endsWith('.json'))!;
      writeTree('/', { [path]: dialect.id === 'vscode' ? ONLY_UNPINNED.replace('mcpServers', 'servers') : ONLY_UNPINNED });
      writeTree(dir, { 'project/README.md': '# nothing here' });
      const without = parseJsonOutput(runCli(['scan', 'project', '-f', 'json'], { cwd: dir, env }).stdout);
      assert.equal(without.findings.length, 0);
      const withUser = parseJsonOutput(runCli(['scan', 'project', '--user-configs', '-f', 'json'], { cwd: dir, env }).stdout);
      assert.ok(
        withUser.findings.some((f) => f.file === path),
        `expected a finding in ${path}`,
      );
    } finally {
      cleanup();
    }
  });
});

describe('text output', () => {
  test('groups by file with severity, rule, server, line:col, message and a fix hint; then Skipped and a summary', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { '.vscode/mcp.json': VSCODE_WITH_PROBLEMS, 'odd.json': '[]' });
      const run = runCli(['scan', '.', 'odd.json'], { cwd: dir });
      const lines = run.stdout.split('\n');
      assert.equal(lines[0], '.vscode/mcp.json');
      assert.match(run.stdout, /^ {2}7:48 +error +secret-in-env {2}\[github\] {2}Plaintext GitHub token in env/m);
      assert.match(run.stdout, /^ +fix: Replace with \$\{input:/m);
      assert.match(run.stdout, /^Skipped\n {2}odd\.json: not an MCP config/m);
      assert.match(lines.filter(Boolean).at(-1)!, /^1 file, \d+ findings \(\d+ errors?, \d+ warnings?, \d+ information, \d+ hints?\), 1 skipped$/);
      assert.doesNotMatch(run.stdout, /\u001b\[/, 'no colour when stdout is not a terminal');
    } finally {
      cleanup();
    }
  });

  test('colour only on a terminal, never with NO_COLOR, always with FORCE_COLOR', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { '.mcp.json': ONLY_UNPINNED });
      assert.match(runCli(['scan'], { cwd: dir, tty: true }).stdout, /\u001b\[33m/);
      assert.doesNotMatch(runCli(['scan'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } }).stdout, /\u001b\[/);
      assert.match(runCli(['scan'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
      assert.doesNotMatch(runCli(['scan'], { cwd: dir, tty: true, env: { FORCE_COLOR: '0' } }).stdout, /\u001b\[/);
    } finally {
      cleanup();
    }
  });
});

describe('progress', () => {
  test('only on a terminal, on stderr, and cleared at the end', () => {
    const { dir, cleanup } = tempDir();
    try {
      const files: Record<string, string> = {};
      for (let i = 0; i < 300; i++) files[`p${i}/.mcp.json`] = ONLY_UNPINNED;
      writeTree(dir, files);
      const piped = runCli(['scan'], { cwd: dir });
      assert.equal(piped.stderr, '');
      const tty = runCli(['scan'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
      assert.doesNotMatch(tty.stdout, /Scanning/);
      // Shown only once a run has taken a moment, so a fast machine may show nothing.
      if (tty.stderr !== '') {
        assert.match(tty.stderr, /^(\rScanning \d+\/300 files…)+\r\u001b\[K$/);
      }
    } finally {
      cleanup();
    }
  });
});

describe('secrets never appear in any output', () => {
  test('text, JSON, SARIF, the dry-run diff and the baseline hold no secret value', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { '.vscode/mcp.json': VSCODE_WITH_PROBLEMS, 'claude/.mcp.json': VSCODE_WITH_PROBLEMS.replace('"servers"', '"mcpServers"') });
      const outputs = [
        runCli(['scan'], { cwd: dir }),
        runCli(['scan', '-f', 'json'], { cwd: dir }),
        runCli(['scan', '-f', 'sarif'], { cwd: dir }),
        runCli(['scan', '--fix', '--dry-run'], { cwd: dir }),
        runCli(['scan', '--write-baseline', 'baseline.json'], { cwd: dir }),
      ];
      const secretPart = FAKE_GITHUB_TOKEN.slice(8);
      for (const run of outputs) {
        assert.ok(!run.stdout.includes(secretPart) && !run.stderr.includes(secretPart), run.stdout + run.stderr);
      }
      assert.ok(!readFileSync(join(dir, 'baseline.json'), 'utf8').includes(secretPart));
    } finally {
      cleanup();
    }
  });
});

describe('settings', () => {
  test('.mcp-hygiene.json in the cwd is used; --config names another; bad values warn and fall back', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, {
        '.mcp-hygiene.json': JSON.stringify({ rules: { 'unpinned-npm-package': 'off' } }),
        'strict.json': JSON.stringify({ 'mcpHygiene.rules': { 'unpinned-npm-package': 'error' }, maxFileSize: -3, colour: true }),
        '.mcp.json': ONLY_UNPINNED,
      });
      assert.equal(runCli(['scan'], { cwd: dir }).code, 0);
      const strict = runCli(['scan', '--config', 'strict.json', '--fail-on', 'error'], { cwd: dir });
      assert.equal(strict.code, 1);
      assert.match(strict.stderr, /warning: Invalid setting mcpHygiene\.maxFileSize/);
      assert.match(strict.stderr, /warning: Unknown setting "colour"/);
      assert.equal(runCli(['scan', '--rule', 'unpinned-npm-package=warning'], { cwd: dir }).code, 1, '--rule wins over the file');
    } finally {
      cleanup();
    }
  });

  test('--network is plumbed into settings.network (off by default)', () => {
    const { dir, cleanup } = tempDir();
    try {
      assert.equal(loadSettings(parseCliArgs(['scan']), dir).settings.network, false);
      assert.equal(loadSettings(parseCliArgs(['scan', '--network']), dir).settings.network, true);
    } finally {
      cleanup();
    }
  });
});

describe('meta commands', () => {
  test('--version prints the package version; --help the usage; --list-rules every rule', () => {
    const version = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version;
    assert.deepEqual(runCli(['--version'], { cwd: REPO_ROOT }), { code: 0, stdout: version + '\n', stderr: '' });
    const help = runCli(['--help'], { cwd: REPO_ROOT });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: mcp-hygiene scan/);
    for (const flag of [
      '--format',
      '--output',
      '--fail-on',
      '--fix',
      '--dry-run',
      '--baseline',
      '--write-baseline',
      '--rule',
      '--config',
      '--network',
      '--user-configs',
      '--exclude',
      '--list-rules',
    ]) {
      assert.ok(help.stdout.includes(flag), flag);
    }
    const list = runCli(['--list-rules'], { cwd: REPO_ROOT });
    for (const rule of RULES) assert.match(list.stdout, new RegExp(`^${rule.id} `, 'm'));
    const json = JSON.parse(runCli(['--list-rules', '-f', 'json'], { cwd: REPO_ROOT }).stdout);
    assert.deepEqual(
      json.map((r: { id: string }) => r.id),
      RULES.map((r) => r.id),
    );
  });
});
