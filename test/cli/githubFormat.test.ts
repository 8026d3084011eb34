/**
 * `--format github`: one GitHub Actions annotation per finding, escaped the way the runner
 * reads workflow commands (actions/toolkit packages/core/src/command.ts), so scanned text
 * can neither end an annotation early nor add one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, tempDir, writeTree, FAKE_GITHUB_TOKEN } from './helpers';

const VSCODE = `{
  // Team servers
  "servers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${FAKE_GITHUB_TOKEN}" }
    }
  }
}
`;

/** The runner's reading of one line: command, properties, message (unescaped). */
function parseAnnotation(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(match, `not an annotation: ${JSON.stringify(line)}`);
  const unescape = (text: string) => text.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  const properties = Object.fromEntries(match[2].split(',').map((pair) => [pair.slice(0, pair.indexOf('=')), unescape(pair.slice(pair.indexOf('=') + 1))]));
  return { command: match[1], properties, message: unescape(match[3]) };
}

test('--format github: one annotation per finding with file, line, column, end and the rule as title; exit code as usual; no secret', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { '.vscode/mcp.json': VSCODE });
    const run = runCli(['scan', '--format', 'github'], { cwd: dir });
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n');
    const annotations = lines.map(parseAnnotation);
    const secret = annotations.find((a) => a.properties.title === 'secret-in-env')!;
    assert.equal(secret.command, 'error');
    const tokenLine = VSCODE.split('\n')[6];
    const col = tokenLine.indexOf('"' + FAKE_GITHUB_TOKEN) + 1;
    assert.deepEqual(
      { ...secret.properties },
      { file: '.vscode/mcp.json', line: '7', col: String(col), endLine: '7', endColumn: String(col + FAKE_GITHUB_TOKEN.length + 2), title: 'secret-in-env' },
    );
    assert.match(secret.message, /^Plaintext GitHub token in env "GITHUB_PERSONAL_ACCESS_TOKEN": move it out of the file\..* \[github\]$/);
    const unpinned = annotations.find((a) => a.properties.title === 'unpinned-npm-package')!;
    assert.equal(unpinned.command, 'warning');
    assert.ok(!run.stdout.includes(FAKE_GITHUB_TOKEN.slice(4)), 'the token is not printed');
  } finally {
    cleanup();
  }
});

test('--format github: a hostile server name cannot end the annotation or start another one', () => {
  const { dir, cleanup } = tempDir();
  try {
    const name = 'x\u001b[2K\r\n::error file=README.md,line=1::all clear %0A::notice::';
    writeTree(dir, { '.cursor/mcp.json': JSON.stringify({ mcpServers: { [name]: { command: 'npx', args: ['-y', 'some-server'] } } }, null, 2) });
    const run = runCli(['scan', '--format', 'github'], { cwd: dir });
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1, run.stdout);
    const annotation = parseAnnotation(lines[0]);
    assert.equal(annotation.command, 'warning');
    assert.equal(annotation.properties.file, '.cursor/mcp.json');
    assert.ok(!/[\u0000-\u001f]/.test(annotation.message), 'no control character reaches the log');
    assert.match(annotation.message, /%0A::notice::/, 'a literal %0A in the data stays literal');
  } finally {
    cleanup();
  }
});

test('--format github on a clean folder prints nothing and exits 0', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, {
      '.cursor/mcp.json': JSON.stringify({ mcpServers: { memory: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory@2025.9.25'] } } }),
    });
    const run = runCli(['scan', '--format', 'github'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
  } finally {
    cleanup();
  }
});
