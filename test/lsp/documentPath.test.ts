import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIgnoredPath, uriToPath } from '../../server/src/handlers/documentPath';

test('uriToPath decodes file URIs, drive letters and UNC authorities; other schemes keep their path', () => {
  assert.equal(uriToPath('file:///home/me/proj/.vscode/mcp.json'), '/home/me/proj/.vscode/mcp.json');
  assert.equal(uriToPath('file:///c%3A/Users/me/.cursor/mcp.json'), 'c:/Users/me/.cursor/mcp.json');
  assert.equal(uriToPath('file:///c:/Users/me/Application%20Support/claude_desktop_config.json'), 'c:/Users/me/Application Support/claude_desktop_config.json');
  assert.equal(uriToPath('file://server/share/.mcp.json'), '//server/share/.mcp.json');
  assert.equal(uriToPath('vscode-remote://ssh-remote%2Bbox/home/me/.vscode/mcp.json'), '/home/me/.vscode/mcp.json');
  assert.equal(uriToPath('untitled:Untitled-1'), 'Untitled-1');
  // VS Code's user-profile mcp.json is opened through the vscode-userdata scheme.
  assert.equal(uriToPath('vscode-userdata:/home/me/.config/Code/User/mcp.json'), '/home/me/.config/Code/User/mcp.json');
  assert.equal(uriToPath('vscode-userdata:/c%3A/Users/me/AppData/Roaming/Code/User/mcp.json'), 'c:/Users/me/AppData/Roaming/Code/User/mcp.json');
});

test('ignoredPaths globs match relative to a workspace folder, case-insensitively', () => {
  const folders = ['/home/me/proj'];
  assert.ok(isIgnoredPath('/home/me/proj/examples/a/mcp.json', ['examples/**'], folders));
  assert.ok(isIgnoredPath('/home/me/proj/examples/mcp.json', ['examples'], folders), 'a folder name covers its content');
  assert.ok(isIgnoredPath('/home/me/proj/test/fixtures/x/.vscode/mcp.json', ['**/fixtures/**'], folders));
  assert.ok(isIgnoredPath('/home/me/proj/.VSCode/mcp.json', ['.vscode/*.json'], folders));
  assert.ok(isIgnoredPath('/home/me/proj/a.json', ['{a,b}.json'], folders));
  assert.ok(!isIgnoredPath('/home/me/proj/src/examples/mcp.json', ['examples/**'], folders), 'anchored at the folder');
  assert.ok(!isIgnoredPath('/home/me/proj/a/.vscode/mcp.json', ['.vscode/*.json'], folders), 'a pattern with a slash is anchored at the folder');
  assert.ok(isIgnoredPath('/home/me/proj/.vscode/mcp.json', ['*.json'], folders), 'a name without a slash matches at any depth, as the CLI does');
  assert.ok(!isIgnoredPath('/home/me/proj/.vscode/mcp.json', [], folders));
  assert.ok(!isIgnoredPath('/home/me/proj/.vscode/mcp.json', [''], folders));
});
