import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import picomatch from 'picomatch';
import { compileGlob, globProblem, matchesIgnorePattern, MAX_GLOB_ALTERNATIVES, MAX_GLOB_LENGTH } from '../../../server/src/core/glob';
import { lint, parseSettings } from '../../../server/src/engine';
import { isIgnoredPath } from '../../../server/src/handlers/documentPath';
import { discover } from '../../../server/src/host/discover';

/**
 * One table, three consumers: the editor's ignoredPaths, the CLI's --exclude (a real walk
 * over a temporary folder) and suppressions[].file must agree. Paths are relative to the
 * workspace folder / working directory; suppressions see the absolute path.
 * `ignored`: the editor and the CLI skip the file. `suppressed`: a suppression entry
 * with this file pattern applies to it.
 */
const TABLE: Array<{ pattern: string; path: string; ignored: boolean; suppressed: boolean }> = [
  // A bare name is any folder or file on the path, as in .gitignore (issue 16: the editor linted these).
  { pattern: 'fixtures', path: 'test/fixtures/.vscode/mcp.json', ignored: true, suppressed: false },
  { pattern: '*.json', path: 'a/.vscode/mcp.json', ignored: true, suppressed: true },
  { pattern: 'mcp.json', path: 'a/.vscode/mcp.json', ignored: true, suppressed: true },
  { pattern: '.VSCODE', path: 'a/.vscode/mcp.json', ignored: true, suppressed: false },
  // A pattern with a slash is anchored at the folder; a matching folder takes its content.
  { pattern: 'examples/**', path: 'examples/x/.vscode/mcp.json', ignored: true, suppressed: true },
  // Suppressions see the absolute path: a relative pattern matches its tail, at any depth.
  { pattern: 'examples/**', path: 'src/examples/.vscode/mcp.json', ignored: false, suppressed: true },
  { pattern: 'examples/x', path: 'examples/x/.vscode/mcp.json', ignored: true, suppressed: false },
  { pattern: '**/fixtures/**', path: 'test/fixtures/x/.cursor/mcp.json', ignored: true, suppressed: true },
  { pattern: '.vscode/mcp.json', path: 'a/.vscode/mcp.json', ignored: false, suppressed: true },
  { pattern: '.vscode/mcp.json', path: '.vscode/mcp.json', ignored: true, suppressed: true },
  { pattern: '**/.vscode/mcp.json', path: 'a/b/.vscode/mcp.json', ignored: true, suppressed: true },
  { pattern: 'a/*/.vscode/mcp.json', path: 'a/b/c/.vscode/mcp.json', ignored: false, suppressed: false },
  { pattern: 'a/**/.vscode/mcp.json', path: 'a/.vscode/mcp.json', ignored: true, suppressed: true },
  // Classes and alternatives mean the same everywhere (issue 16: `[ab]` was literal in the editor, `{a,b}` in suppressions).
  { pattern: '[ab]/**', path: 'b/.vscode/mcp.json', ignored: true, suppressed: true },
  { pattern: '[ab]/**', path: 'c/.vscode/mcp.json', ignored: false, suppressed: false },
  { pattern: '[!c]/.vscode/mcp.json', path: 'b/.vscode/mcp.json', ignored: true, suppressed: true },
  { pattern: '{a,b}/.vscode/mcp.json', path: 'b/.vscode/mcp.json', ignored: true, suppressed: true },
  { pattern: '{a,{b,c}}/.cursor/mcp.json', path: 'c/.cursor/mcp.json', ignored: true, suppressed: true },
  { pattern: 'pkg-?/.vscode/mcp.json', path: 'pkg-1/.vscode/mcp.json', ignored: true, suppressed: true },
  { pattern: 'pkg-?/.vscode/mcp.json', path: 'pkg-10/.vscode/mcp.json', ignored: false, suppressed: false },
  // Case-insensitive, backslashes are separators, `./` and a trailing slash are ignored.
  { pattern: 'Examples\\X', path: 'examples/x/.vscode/mcp.json', ignored: true, suppressed: false },
  { pattern: './examples/', path: 'examples/.vscode/mcp.json', ignored: true, suppressed: false },
  // `./name` has a slash: the folder's own file, not every file so named (the "Lint this file" command writes these).
  { pattern: './mcp.json', path: 'mcp.json', ignored: true, suppressed: true },
  { pattern: './mcp.json', path: 'a/.vscode/mcp.json', ignored: false, suppressed: true },
  // `*` stays within one segment; `**` inside a segment is a `*`.
  { pattern: 'a*/.cursor/mcp.json', path: 'ab/.cursor/mcp.json', ignored: true, suppressed: true },
  { pattern: 'a**json', path: 'a/.vscode/mcp.json', ignored: false, suppressed: false },
];

const ROOT = '/home/me/proj';

test('the editor skips exactly the files of the table', () => {
  for (const row of TABLE) {
    assert.equal(isIgnoredPath(`${ROOT}/${row.path}`, [row.pattern], [ROOT]), row.ignored, `${row.pattern} vs ${row.path}`);
  }
});

test('the CLI walk skips exactly the files of the table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'glob-table-'));
  try {
    for (const row of TABLE) {
      mkdirSync(dirname(join(dir, row.path)), { recursive: true });
      writeFileSync(join(dir, row.path), '{}');
    }
    const all = discover({ cwd: dir, paths: ['.'], exclude: [], gitignore: false, userConfigs: false, env: {} }).files.map((f) => f.display);
    for (const row of TABLE) {
      assert.ok(all.includes(row.path), `${row.path} is found without --exclude`);
      const found = discover({ cwd: dir, paths: ['.'], exclude: [row.pattern], gitignore: false, userConfigs: false, env: {} }).files.map((f) => f.display);
      assert.equal(!found.includes(row.path), row.ignored, `--exclude ${row.pattern} vs ${row.path}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('suppression entries apply to exactly the files of the table', () => {
  const server = '{ "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] } }';
  for (const row of TABLE) {
    const path = `${ROOT}/${row.path}`;
    const config = `{ "${path.includes('.vscode/') ? 'servers' : 'mcpServers'}": ${server} }`;
    assert.ok(
      lint(config, path).some((f) => f.ruleId === 'unpinned-npm-package'),
      `${path} has a finding to suppress`,
    );
    const { settings } = parseSettings({ suppressions: [{ file: row.pattern, rule: 'unpinned-npm-package', reason: 'table' }] });
    const suppressed = !lint(config, path, settings).some((f) => f.ruleId === 'unpinned-npm-package');
    assert.equal(suppressed, row.suppressed, `suppressions[].file ${row.pattern} vs ${path}`);
  }
});

test('whole-path matching agrees with picomatch (dot, nocase) except where documented', () => {
  const rows: Array<[string, string]> = [
    ['*', 'a'],
    ['*.json', '.x.json'],
    ['*.json', 'a/b.json'],
    ['**', 'a/.b/c'],
    ['a/**', 'a'],
    ['a/**', 'a/b/c'],
    ['a/**', 'ab'],
    ['a/**/b', 'a/b'],
    ['a/**/b', 'a/x/y/b'],
    ['a/**/b', 'a/xb'],
    ['**/b', 'b'],
    ['**/b', 'x/b'],
    ['**/b', 'xb'],
    ['[ab]/**', 'a/x'],
    ['[ab]/**', 'c/x'],
    ['[^a]', 'a'],
    ['[a-c]x', 'bx'],
    ['[a-c]x', 'dx'],
    ['{a,b}/x', 'b/x'],
    ['{a,{b,c}}', 'c'],
    ['{,a}b', 'b'],
    ['a**b', 'axxb'],
    ['a**b', 'ax/xb'],
    ['a?', 'ab'],
    ['a?', 'a/'],
    ['**/*.json', 'x/y/z.json'],
    ['x/**/*.json', 'x/z.json'],
    ['*/b', 'x/y/b'],
    ['*a*a*a*a*b', 'aaaaaaab'],
    ['*a*a*a*a*b', 'aaaaaaa'],
    ['{a,b', '{a,b'],
    ['a{b}c', 'a{b}c'],
    ['a.b', 'axb'],
    ['a+b', 'a+b'],
    ['$x', '$x'],
    ['(a)', '(a)'],
    ['A/B', 'a/b'],
    ['**/**', 'x'],
    ['.vscode/*.json', '.vscode/mcp.json'],
  ];
  for (const [pattern, path] of rows) {
    assert.equal(compileGlob(pattern).matches(path), picomatch(pattern, { dot: true, nocase: true })(path), `${pattern} vs ${path}`);
  }
  // Deliberate differences: `[!a]` is a negated class (picomatch reads the `!` as negating the pattern),
  // `\` separates folders (a Windows path), and extglobs are literal text.
  assert.ok(compileGlob('[!a]').matches('b'));
  assert.ok(compileGlob('a\\b').matches('a/b'));
  assert.ok(compileGlob('+(a|b)').matches('+(a|b)'));
});

test('a backtracking pattern against a 4 096-character name does work linear in the path', () => {
  const hostile = '*a*a*a*a*b';
  const name = 'a'.repeat(4096);
  for (const path of [name, `${name}/.vscode/mcp.json`, `x/${name}/${name}`]) {
    const work = { steps: 0 };
    assert.equal(compileGlob(`**/${hostile}`).matches(path, { orParentFolder: true, work }), false);
    // Each character moves each live state at most once: ≤ characters × states (here 6 + 3 states, a few moves each).
    assert.ok(work.steps <= path.length * 30, `${work.steps} steps for ${path.length} characters`);
    assert.ok(work.steps >= path.length, 'the whole path was read');
  }
  // The same pattern through the three consumers returns (the test would hang otherwise).
  assert.equal(matchesIgnorePattern(hostile, `${name}/.vscode/mcp.json`), false);
  assert.equal(isIgnoredPath(`${ROOT}/${name}/.vscode/mcp.json`, [hostile, `${hostile}/**`], [ROOT]), false);
  const { settings } = parseSettings({ suppressions: [{ file: `**/${hostile}/**`, rule: '*' }] });
  assert.ok(lint('{ "mcpServers": { "m": { "command": "npx", "args": ["-y", "pkg"] } } }', `${ROOT}/${name}/claude_desktop_config.json`, settings).length > 0);
});

test('patterns too long or with too many alternatives are refused and match nothing', () => {
  const long = 'a'.repeat(MAX_GLOB_LENGTH + 1);
  assert.match(globProblem(long) ?? '', /longer than 1024 characters/);
  assert.equal(compileGlob(long).matches(long), false);
  const braces = '{a,b}'.repeat(7); // 2^7 = 128 alternatives
  assert.ok(2 ** 7 > MAX_GLOB_ALTERNATIVES);
  assert.match(globProblem(braces) ?? '', /more than 64 patterns/);
  assert.equal(compileGlob(braces).matches('aaaaaaa'), false);
  assert.equal(globProblem('{a,b}{c,d}/**'), undefined);
  assert.throws(
    () => discover({ cwd: ROOT, paths: [], exclude: [braces], gitignore: false, userConfigs: false, env: {} }),
    /Cannot use the --exclude or ignoredPaths pattern/,
  );
});
