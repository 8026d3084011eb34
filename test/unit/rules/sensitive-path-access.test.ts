import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean } from './_permissionTransport';

const RULE = 'sensitive-path-access';

test('filesystem server given ~/.ssh and /etc (Claude Desktop)', () => {
  const text = JSON.stringify(
    { mcpServers: { fs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.7.1', '/Users/ann/.ssh', '/etc', '/Users/ann/code'] } } },
    null,
    2,
  );
  const found = lintRule(RULE, '/Users/ann/Library/Application Support/Claude/claude_desktop_config.json', text);
  assert.deepEqual(
    found.map((f) => [f.text, f.severity]),
    [
      ['"/Users/ann/.ssh"', 'error'],
      ['"/etc"', 'warning'],
    ],
  );
  assert.match(found[0].message, /SSH keys/);
});

test('docker mounts of ~/.aws and ~/.kube, --allowed-directory= forms (VS Code)', () => {
  const text = JSON.stringify({
    servers: {
      aws: { command: 'docker', args: ['run', '-v', '${userHome}/.aws:/root/.aws:ro', '-v', '~/.kube/config:/k', 'img'] },
      fs: { command: 'npx', args: ['-y', 'mcp-server-filesystem@1.0.0', '--allowed-directory=$HOME/.config/gcloud'] },
    },
  });
  assert.deepEqual(
    lintRule(RULE, '/repo/.vscode/mcp.json', text).map((f) => f.text),
    ['"${userHome}/.aws:/root/.aws:ro"', '"~/.kube/config:/k"', '"--allowed-directory=$HOME/.config/gcloud"'],
  );
});

test('whole folders that hold credentials: ~/.config, ~/Library, AppData, browser profiles (Cline)', () => {
  const text = JSON.stringify({
    mcpServers: {
      fs: {
        command: 'npx',
        args: [
          '-y',
          '@modelcontextprotocol/server-filesystem@2025.7.1',
          '~/.config',
          '/Users/ann/Library',
          '~/.mozilla',
          '/Users/ann/Library/Mobile Documents/notes',
          '~/.config/myapp/data',
        ],
      },
    },
  });
  assert.deepEqual(
    lintRule(RULE, '/repo/cline_mcp_settings.json', text).map((f) => f.text),
    ['"~/.config"', '"/Users/ann/Library"', '"~/.mozilla"'],
  );
});

test('valid: project dirs, non-filesystem servers taking a kubeconfig, docker /etc mounts (docker-host-mount reports those)', () => {
  assertClean(
    RULE,
    '/repo/.mcp.json',
    JSON.stringify({
      mcpServers: { fs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.7.1', '/Users/ann/code/.sshconfig-tool'] } },
    }),
  );
  assertClean(
    RULE,
    '/repo/.mcp.json',
    JSON.stringify({ mcpServers: { k8s: { command: 'npx', args: ['-y', 'mcp-server-kubernetes@3.0.0', '--kubeconfig', '~/.kube/config'] } } }),
  );
  assertClean(RULE, '/repo/.cursor/mcp.json', JSON.stringify({ mcpServers: { d: { command: 'docker', args: ['run', '-v', '/etc:/etc', 'img'] } } }));
});
