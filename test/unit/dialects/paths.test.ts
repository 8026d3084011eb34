import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, dialectForPath, configFileGlobs } from '../../../server/src/dialects';
import { normalizePath, type UserEnvironment } from '../../../server/src/core/dialect';

/** An example path for a glob: `**` = a project folder, `*` = a name. */
function exampleFor(glob: string): string {
  return glob.replace(/^\*\*\//, '/home/dev/project/').replace(/\*/g, 'example');
}

test('every glob has an example path that its own dialect matches and wins', () => {
  for (const dialect of DIALECTS) {
    for (const glob of dialect.globs) {
      const example = exampleFor(glob);
      assert.ok(dialect.matchPath(normalizePath(example)) > 0, `${dialect.id}: ${glob} -> ${example} is matched`);
      assert.equal(dialectForPath(example)?.id, dialect.id, `${glob} -> ${example} goes to ${dialect.id}`);
      // Windows spelling of the same path.
      assert.equal(dialectForPath('C:' + example.replace(/\//g, '\\'))?.id, dialect.id, `${glob} (Windows path)`);
    }
  }
});

test('globs are workspace-relative `**/` patterns and deduplicated for discovery', () => {
  for (const dialect of DIALECTS) for (const glob of dialect.globs) assert.match(glob, /^\*\*\/[^\\]+$/, `${dialect.id}: ${glob}`);
  const all = configFileGlobs();
  assert.equal(new Set(all).size, all.length);
});

const ENVIRONMENTS: UserEnvironment[] = [
  { platform: 'darwin', home: '/Users/me' },
  { platform: 'linux', home: '/home/me' },
  { platform: 'linux', home: '/home/me', xdgConfigHome: '/home/me/.xdg' },
  { platform: 'win32', home: 'C:\\Users\\me', appData: 'C:\\Users\\me\\AppData\\Roaming' },
];

test("every dialect's user-level files are absolute and detected as that dialect on every OS", () => {
  for (const env of ENVIRONMENTS) {
    for (const dialect of DIALECTS) {
      assert.ok(dialect.userConfigPaths, `${dialect.id} declares userConfigPaths`);
      for (const path of dialect.userConfigPaths!(env)) {
        assert.ok(env.platform === 'win32' ? /^[A-Z]:\\/.test(path) : path.startsWith('/'), `${dialect.id} on ${env.platform}: ${path} is absolute`);
        if (env.platform === 'win32') assert.ok(!path.includes('/'), `${path} uses Windows separators`);
        assert.equal(dialectForPath(path)?.id, dialect.id, `${dialect.id} on ${env.platform}: ${path}`);
      }
    }
  }
});

test('user-level files per OS, spot checks', () => {
  const paths = (id: string, env: UserEnvironment) => DIALECTS.find((d) => d.id === id)!.userConfigPaths!(env);
  const [mac, linux, xdg, win] = ENVIRONMENTS;
  assert.ok(paths('vscode', mac).includes('/Users/me/Library/Application Support/Code/User/mcp.json'));
  assert.ok(paths('vscode', win).includes('C:\\Users\\me\\AppData\\Roaming\\Code\\User\\mcp.json'));
  assert.ok(paths('vscode', xdg).includes('/home/me/.xdg/Code/User/mcp.json'));
  assert.deepEqual(paths('claude-desktop', linux), ['/home/me/.config/Claude/claude_desktop_config.json']);
  assert.deepEqual(paths('claude-desktop', win), ['C:\\Users\\me\\AppData\\Roaming\\Claude\\claude_desktop_config.json']);
  assert.deepEqual(paths('zed', win), ['C:\\Users\\me\\AppData\\Roaming\\Zed\\settings.json']);
  assert.deepEqual(paths('zed', mac), ['/Users/me/.config/zed/settings.json']);
  assert.deepEqual(paths('goose', win), ['C:\\Users\\me\\AppData\\Roaming\\Block\\goose\\config\\config.yaml']);
  assert.ok(paths('codex', linux).includes('/home/me/.codex/config.toml'));
  assert.ok(paths('claude-code-user', mac).includes('/Users/me/.claude.json'));
});

test('precedence: the most specific pattern wins; unrelated names are not claimed', () => {
  const cases: Array<[string, string | undefined]> = [
    ['/p/.vscode/mcp.json', 'vscode'],
    ['/p/.vscode/settings.json', 'vscode-settings'],
    ['/p/.zed/settings.json', 'zed'],
    ['/p/.gemini/settings.json', 'gemini-cli'],
    ['/p/.claude/settings.json', 'claude-code-settings'],
    ['/p/.claude/settings.local.json', 'claude-code-settings'],
    ['/p/.mcp.json', 'claude-code'],
    ['/p/.claude/.mcp.json', 'claude-code'],
    ['C:\\Users\\me\\.mcp.json', 'claude-code'],
    ['C:\\src\\app\\.vs\\mcp.json', 'visual-studio'],
    ['/p/.github/copilot/mcp.json', 'github-copilot-coding-agent'],
    ['/p/.cursor/mcp.json', 'cursor'],
    ['/p/.roo/mcp.json', 'roo-code'],
    ['/p/.kiro/settings/mcp.json', 'kiro'],
    ['/p/.amazonq/mcp.json', 'amazon-q'],
    ['/p/.junie/mcp/mcp.json', 'junie'],
    ['/p/mcp_config.json', 'windsurf'],
    ['/home/me/.gemini/antigravity/mcp_config.json', 'windsurf'],
    ['/p/.continue/mcpServers/a.yaml', 'continue'],
    ['/p/.continue/mcpServers/a.json', 'continue-json'],
    ['/p/.codex/config.toml', 'codex'],
    ['/p/opencode.jsonc', 'opencode'],
    ['/p/settings.json', undefined],
    ['/p/mcp.json', undefined],
    ['/p/config.toml', undefined],
    ['/p/config.yaml', undefined],
    ['/p/package.json', undefined],
  ];
  for (const [path, id] of cases) assert.equal(dialectForPath(path)?.id, id, path);
});

test('dialect ids are unique kebab-case and every dialect reads an empty file without throwing', async () => {
  const { parseDocument } = await import('../../../server/src/parse');
  const ids = DIALECTS.map((d) => d.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const dialect of DIALECTS) {
    assert.match(dialect.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    for (const text of ['', '{}', '[]', 'null', '{"mcpServers": 1, "servers": [1], "mcp": "x"}']) {
      const doc = parseDocument(text, dialect.syntax)!;
      assert.doesNotThrow(() => dialect.read(doc), `${dialect.id} reads ${JSON.stringify(text)}`);
    }
  }
});
