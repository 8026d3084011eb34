import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The manifest parts the VS Code client relies on. The client's own source is read as
// text here (it imports `vscode` at run time, which only exists in an extension host).
interface Manifest {
  main: string;
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] } };
  contributes: { commands: { command: string; title: string; category?: string }[]; configuration: { properties: Record<string, unknown> } };
}
const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const clientDir = join(root, 'client', 'src');
const clientSource = readdirSync(clientDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(clientDir, f), 'utf8'))
  .join('\n');

test('main is the client bundle', () => {
  assert.equal(manifest.main, './dist/client.js');
});

test('@types/vscode is no newer than engines.vscode', () => {
  const engine = manifest.engines.vscode.replace(/^\^/, '');
  assert.equal(manifest.devDependencies['@types/vscode'], engine);
});

test('every contributed command is registered by the client, and titled "MCP Hygiene: ..."', () => {
  assert.ok(manifest.contributes.commands.length > 0);
  for (const { command, category } of manifest.contributes.commands) {
    assert.equal(category, 'MCP Hygiene');
    assert.ok(clientSource.includes(`'${command}'`), `${command} is contributed but the client never registers it`);
  }
});

test('untrusted workspaces: limited support, and every restricted setting exists', () => {
  const { supported, restrictedConfigurations = [] } = manifest.capabilities.untrustedWorkspaces;
  assert.equal(supported, 'limited');
  const declared = Object.keys(manifest.contributes.configuration.properties);
  for (const key of restrictedConfigurations) assert.ok(declared.includes(key), `${key} is restricted but not a contributed setting`);
  // Settings a workspace could use to silence the linter are never taken from an untrusted one.
  for (const key of ['enable', 'rules', 'ignoredPaths', 'trustedPackages', 'trustedHosts', 'network', 'maxFileSize']) {
    if (declared.includes(`mcpHygiene.${key}`)) assert.ok(restrictedConfigurations.includes(`mcpHygiene.${key}`), `mcpHygiene.${key} should be restricted`);
  }
});

test('no "*" activation', () => {
  assert.ok(!manifest.activationEvents.includes('*'));
});
