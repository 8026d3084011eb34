import { test } from 'node:test';
import assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { configFileGlobs } from '../../server/src/dialects';
import { configFileMatcher } from '../../server/src/cli/discover';
import { corpusManifest } from './helpers';

test('the walk matcher agrees with the plain globs on every corpus path and on edge cases', () => {
  const fast = configFileMatcher();
  const plain = picomatch(configFileGlobs(), { dot: true, nocase: true });
  const paths = corpusManifest().flatMap((e) => [e.path, `${e.repo}/${e.path}`, `${e.repo}/${e.path}`.toUpperCase()]);
  paths.push('mcp.json', '.vscode/mcp.json', 'a/b/.VSCode/MCP.json', 'x/Code/User/profiles/p1/mcp.json', 'x/.amazonq/cli-agents/a.json', 'x/.continue/mcpServers/s.yaml', 'x/.continue/mcpServers/deep/s.yaml', 'settings.json', 'x/.vscode/settings.json', 'README.md', 'x/opencode.jsonc');
  let matched = 0;
  for (const path of paths) {
    assert.equal(fast(path), plain(path), path);
    if (plain(path)) matched++;
  }
  assert.ok(matched > 100);
});
