/**
 * Files scanned per dialect: a line in the text report ("Scanned 4 files: vscode 2, …,
 * generic 1"), `filesByDialect` in the JSON report (added to version 1; the other keys are
 * unchanged), nothing on SARIF's stdout. Over the real corpus the CLI's counts match the
 * engine's detection of every file at its repository path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REPO_ROOT, layOutCorpus, runCli, tempDir, writeTree } from './helpers';
import { runCorpus } from '../unit/corpus/corpusReport';

const UNPINNED = (root: string) => `{ "${root}": { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem"] } } }\n`;

const TREE = {
  'a/.vscode/mcp.json': UNPINNED('servers'),
  'b/.vscode/mcp.json': '{ "servers": {} }\n',
  '.cursor/mcp.json': UNPINNED('mcpServers'),
  'configs/team-servers.json': UNPINNED('mcpServers'),
  'configs/notes.json': '{ "title": "not a config" }\n',
};
const NAMED = ['.', 'configs/team-servers.json', 'configs/notes.json'];

test('text: one "Scanned" line before the summary, most files first, generic last, skipped files not counted', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, TREE);
    const run = runCli(['scan', ...NAMED], { cwd: dir });
    const lines = run.stdout.split('\n').filter(Boolean);
    assert.equal(lines.at(-2), 'Scanned 4 files: vscode 2, cursor 1, generic 1');
    assert.match(lines.at(-1)!, /^4 files, 4 findings \(0 errors, 3 warnings, 1 information, 0 hints\), 1 skipped$/);
    assert.match(run.stdout, /^Skipped\n {2}configs\/notes\.json: not an MCP config/m);
  } finally {
    cleanup();
  }
});

test('text: no "Scanned" line when no file was linted; one file reads "1 file"', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { 'README.md': '# nothing', 'x/.mcp.json': UNPINNED('mcpServers') });
    assert.doesNotMatch(runCli(['scan', 'README.md'], { cwd: dir }).stdout, /Scanned/);
    assert.match(runCli(['scan', 'x'], { cwd: dir }).stdout, /^Scanned 1 file: claude-code 1$/m);
  } finally {
    cleanup();
  }
});

test('JSON: filesByDialect after the version 1 keys, adding up to the files linted', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, TREE);
    const output = JSON.parse(runCli(['scan', ...NAMED, '-f', 'json'], { cwd: dir }).stdout);
    assert.deepEqual(Object.keys(output), ['version', 'findings', 'skipped', 'filesByDialect']);
    assert.equal(output.version, 1);
    assert.deepEqual(output.filesByDialect, { vscode: 2, cursor: 1, generic: 1 });
    assert.deepEqual(
      output.skipped.map((s: { file: string }) => s.file),
      ['configs/notes.json'],
    );
    const empty = JSON.parse(runCli(['scan', 'configs/notes.json', '-f', 'json'], { cwd: dir }).stdout);
    assert.deepEqual(empty.filesByDialect, {});
  } finally {
    cleanup();
  }
});

test('SARIF: stdout stays one SARIF log (the counts are text and JSON only)', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, TREE);
    const run = runCli(['scan', ...NAMED, '-f', 'sarif'], { cwd: dir });
    const log = JSON.parse(run.stdout);
    assert.equal(log.version, '2.1.0');
    assert.doesNotMatch(run.stdout + run.stderr, /Scanned/);
  } finally {
    cleanup();
  }
});

test('over the real corpus laid out at its repository paths, the per-dialect counts match the engine', () => {
  const { dir, cleanup } = tempDir();
  try {
    layOutCorpus(dir);
    // Every file named (the walk alone finds only client file names; named files are linted whatever their name).
    const run = runCli(['scan', '.', '**/*', '-f', 'json', '--fail-on', 'none'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const output = JSON.parse(run.stdout) as { filesByDialect: Record<string, number>; skipped: Array<{ file: string; reason: string }> };
    const expected: Record<string, number> = {};
    for (const row of runCorpus(REPO_ROOT)) if (row.detected) expected[row.detected] = (expected[row.detected] ?? 0) + 1;
    for (const [id, n] of Object.entries(expected))
      assert.equal(output.filesByDialect[id], n, `${id}: the CLI linted ${output.filesByDialect[id]} files, the engine detects ${n}`);
    assert.equal(Object.keys(output.filesByDialect).length, Object.keys(expected).length);
    const text = runCli(['scan', '.', '**/*', '--fail-on', 'none'], { cwd: dir }).stdout;
    const line = text.split('\n').find((l) => l.startsWith('Scanned '));
    assert.ok(line, 'the text report has the per-dialect line');
    console.log(line);
  } finally {
    cleanup();
  }
});
