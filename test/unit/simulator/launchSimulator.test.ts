/**
 * The launch simulator (test/support/launchSimulator.ts) is the oracle of every secret-fix
 * test, so its own behaviour is pinned here, client by client, on realistic files: a reference
 * the client expands, a literal, an unset variable, a default, and a syntax the client does
 * not expand (which reaches the server verbatim).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readersOf, simulate, type ClientId, type Launch } from '../../support/launchSimulator';

const one = (client: ClientId, text: string, path: string, world = {}): Launch => {
  const launches = simulate(client, text, path, world);
  assert.equal(launches.length, 1, `${client}: one server`);
  return launches[0];
};
const json = (value: unknown) => JSON.stringify(value, null, 2);
const env = { HOME: '/home/dev', PATH: '/usr/bin', USER: 'dev', LANG: 'C.UTF-8', GH_TOKEN: 'from-env', EDITOR: 'vim' };

describe('VS Code', () => {
  const file = (server: object, inputs: object[] = []) => `// team servers\n${json({ inputs, servers: { gh: server } })}`;
  const path = '/work/app/.vscode/mcp.json';

  test("${input:} takes the user's answer, ${env:} the environment, ${workspaceFolder} the folder; ${VAR} and $VAR stay literal", () => {
    const text = file(
      {
        command: 'npx',
        args: ['-y', 'gh-mcp@1.0.0', '${workspaceFolder}', '${GH_TOKEN}', '$GH_TOKEN'],
        env: { A: '${input:gh}', B: '${env:GH_TOKEN}', C: '${env:UNSET}' },
      },
      [{ type: 'promptString', id: 'gh', password: true }],
    );
    const launch = one('vscode', text, path, { env, inputs: { gh: 'answer' } });
    assert.deepEqual(launch.args, ['-y', 'gh-mcp@1.0.0', '/work/app', '${GH_TOKEN}', '$GH_TOKEN']);
    assert.equal(launch.env.A, 'answer');
    assert.equal(launch.env.B, 'from-env');
    assert.equal(launch.env.C, '', 'an unset ${env:} is empty');
    assert.equal(launch.env.EDITOR, 'vim', "the child inherits VS Code's environment");
  });

  test('an ${input:} not declared in "inputs", or not answered, keeps the server from starting', () => {
    assert.match(one('vscode', file({ command: 'x', env: { A: '${input:gh}' } }), path, { inputs: { gh: 'a' } }).refused ?? '', /not declared/);
    assert.match(one('vscode', file({ command: 'x', env: { A: '${input:gh}' } }, [{ type: 'promptString', id: 'gh' }]), path).refused ?? '', /did not answer/);
  });

  test('envFile is read before env, which wins', () => {
    const text = file({ command: 'x', envFile: '${workspaceFolder}/.env.local', env: { B: 'file' } });
    const launch = one('vscode', text, path, { files: { '/work/app/.env.local': 'A=from-envfile\nB=overridden\n' } });
    assert.equal(launch.env.A, 'from-envfile');
    assert.equal(launch.env.B, 'file');
  });

  test('settings.json "mcp" and a dev container\'s customizations are read the same way', () => {
    const settings = json({
      'editor.fontSize': 14,
      mcp: { servers: { gh: { url: 'https://api.example.com/mcp', headers: { Authorization: 'Bearer ${env:GH_TOKEN}' } } } },
    });
    assert.equal(one('vscode', settings, '/home/dev/.config/Code/User/settings.json', { env }).headers.Authorization, 'Bearer from-env');
    const container = json({ customizations: { vscode: { mcp: { servers: { gh: { command: 'x', env: { T: '${env:GH_TOKEN}' } } } } } } });
    assert.equal(one('vscode', container, '/work/app/.devcontainer/devcontainer.json', { env }).env.T, 'from-env');
  });

  test('a project .mcp.json (the portable format): ${VAR} and ${VAR:-default} only; unset stays verbatim; $VAR literal', () => {
    const text = json({ mcpServers: { gh: { command: 'x', args: ['${GH_TOKEN}', '${NOPE}', '${NOPE:-dflt}', '$GH_TOKEN', '${env:GH_TOKEN}'] } } });
    assert.deepEqual(one('vscode', text, '/work/app/.mcp.json', { env }).args, ['from-env', '${NOPE}', 'dflt', '$GH_TOKEN', '${env:GH_TOKEN}']);
  });

  test('Agent Host sessions skip a server that needs ${input:} and take the others', () => {
    const text = json({
      inputs: [{ type: 'promptString', id: 'gh' }],
      servers: { a: { command: 'x', env: { T: '${input:gh}' } }, b: { command: 'y', env: { T: '${env:GH_TOKEN}' } } },
    });
    const [a, b] = simulate('vscode-agent-host', text, '/work/app/.vscode/mcp.json', { env, inputs: { gh: 'answer' } });
    assert.match(a.refused ?? '', /\$\{input:\}/);
    assert.equal(b.refused, undefined);
    assert.equal(b.env.T, 'from-env');
  });
});

describe('Claude Code, Copilot CLI and the Copilot coding agent', () => {
  const text = json({ mcpServers: { gh: { command: 'x', args: ['${GH_TOKEN}', '${NOPE:-dflt}', '$GH_TOKEN'], env: { T: '${GH_TOKEN}' } } } });

  test('Claude Code expands ${VAR} and ${VAR:-default}, leaves $VAR literal, and refuses a config whose variable is unset', () => {
    const launch = one('claude-code', text, '/work/app/.mcp.json', { env });
    assert.deepEqual(launch.args, ['from-env', 'dflt', '$GH_TOKEN']);
    assert.equal(launch.env.T, 'from-env');
    assert.match(one('claude-code', text, '/work/app/.mcp.json', { env: {} }).refused ?? '', /GH_TOKEN/);
  });

  test('Copilot CLI expands $VAR too', () => {
    assert.deepEqual(one('github-copilot-cli', text, '/home/dev/.copilot/mcp-config.json', { env }).args, ['from-env', 'dflt', 'from-env']);
  });

  test('the coding agent sees only COPILOT_MCP_* secrets', () => {
    const agent = json({ mcpServers: { gh: { type: 'local', command: 'x', args: ['$COPILOT_MCP_GH', '${GH_TOKEN}'], tools: ['*'] } } });
    assert.deepEqual(one('github-copilot-coding-agent', agent, '/work/app/.github/copilot/mcp.json', { env: { ...env, COPILOT_MCP_GH: 'secret' } }).args, [
      'secret',
      '${GH_TOKEN}',
    ]);
  });
});

describe('clients with ${env:NAME}', () => {
  for (const [client, path, urlKey] of [
    ['cursor', '/work/app/.cursor/mcp.json', 'url'],
    ['windsurf', '/home/dev/.codeium/windsurf/mcp_config.json', 'serverUrl'],
    ['cline', '/home/dev/.cline/data/settings/cline_mcp_settings.json', 'url'],
    ['roo-code', '/work/app/.roo/mcp.json', 'url'],
    ['amazon-q', '/work/app/.amazonq/mcp.json', 'url'],
  ] as const) {
    test(`${client}: \${env:NAME} in env and headers; \${NAME} stays literal; the child gets only the file's env`, () => {
      const stdio = one(client, json({ mcpServers: { gh: { command: 'x', env: { A: '${env:GH_TOKEN}', B: '${GH_TOKEN}', C: 'literal' } } } }), path, { env });
      assert.deepEqual(stdio.env, { A: 'from-env', B: '${GH_TOKEN}', C: 'literal' });
      const remote = one(
        client,
        json({ mcpServers: { gh: { [urlKey]: 'https://api.example.com/mcp', headers: { Authorization: 'Bearer ${env:GH_TOKEN}' } } } }),
        path,
        { env },
      );
      assert.equal(remote.url, 'https://api.example.com/mcp');
      assert.equal(remote.headers.Authorization, 'Bearer from-env');
    });
  }
});

describe('Gemini CLI and Kiro', () => {
  test('Gemini CLI expands $VAR and ${VAR}; httpUrl is the remote address', () => {
    const launch = one(
      'gemini-cli',
      json({ mcpServers: { gh: { command: 'x', args: ['$GH_TOKEN', '${GH_TOKEN}', '${env:GH_TOKEN}'] } } }),
      '/work/app/.gemini/settings.json',
      { env },
    );
    assert.deepEqual(launch.args, ['from-env', 'from-env', '${env:GH_TOKEN}']);
    assert.equal(
      one('gemini-cli', json({ mcpServers: { gh: { httpUrl: 'https://a.example.com/mcp' } } }), '/work/app/.gemini/settings.json').url,
      'https://a.example.com/mcp',
    );
  });

  test('Kiro expands ${VAR} and ${env:VAR}', () => {
    const launch = one(
      'kiro',
      json({ mcpServers: { gh: { command: 'x', env: { A: '${GH_TOKEN}', B: '${env:GH_TOKEN}', C: '$GH_TOKEN' } } } }),
      '/work/app/.kiro/settings/mcp.json',
      { env },
    );
    assert.deepEqual(launch.env, { A: 'from-env', B: 'from-env', C: '$GH_TOKEN' });
  });
});

describe('opencode', () => {
  const path = '/work/app/opencode.json';
  test('command is an array, env sits under "environment"; {env:} (unset -> empty) and {file:} are expanded', () => {
    const text = json({
      mcp: {
        gh: {
          type: 'local',
          command: ['npx', '-y', 'gh-mcp@1.0.0'],
          environment: { A: '{env:GH_TOKEN}', B: '{env:NOPE}', C: '{file:~/.secrets/gh}', D: '${GH_TOKEN}' },
        },
      },
    });
    const launch = one('opencode', text, path, { env, files: { '/home/dev/.secrets/gh': 'from-file\n' } });
    assert.equal(launch.command, 'npx');
    assert.deepEqual(launch.args, ['-y', 'gh-mcp@1.0.0']);
    assert.equal(launch.env.A, 'from-env');
    assert.equal(launch.env.B, '');
    assert.equal(launch.env.C, 'from-file');
    assert.equal(launch.env.D, '${GH_TOKEN}');
  });
  test('a {file:} that does not exist keeps the server from starting', () => {
    assert.match(
      one('opencode', json({ mcp: { gh: { type: 'local', command: ['x'], environment: { C: '{file:./missing}' } } } }), path).refused ?? '',
      /missing/,
    );
  });
});

describe('Continue', () => {
  const yaml =
    'name: Team\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: gh\n    command: npx\n    args: ["-y", "gh-mcp@1.0.0"]\n    env:\n      GH: ${{ secrets.GH_TOKEN }}\n  - name: remote\n    url: https://a.example.com/mcp\n    requestOptions:\n      headers:\n        Authorization: Bearer ${{ secrets.GH_TOKEN }}\n';
  const path = '/work/app/.continue/mcpServers/team.yaml';
  test("${{ secrets.NAME }} comes from ~/.continue/.env first, then the workspace's .continue/.env and .env", () => {
    const [stdio, remote] = simulate('continue', yaml, path, {
      files: { '/work/app/.env': 'GH_TOKEN=workspace\n', '/home/dev/.continue/.env': 'GH_TOKEN="user"\n' },
    });
    assert.equal(stdio.env.GH, 'user');
    assert.equal(remote.headers.Authorization, 'Bearer user');
    assert.equal(simulate('continue', yaml, path, { files: { '/work/app/.env': 'GH_TOKEN=workspace\n' } })[0].env.GH, 'workspace');
  });
  test('a secret in no .env file (the environment does not count) keeps the server from starting', () => {
    assert.match(simulate('continue', yaml, path, { env: { GH_TOKEN: 'env' } })[0].refused ?? '', /GH_TOKEN/);
  });
});

describe('clients without variables', () => {
  test('Codex: env literal, env_vars forwarded from its environment, a fixed default set inherited, nothing else', () => {
    const toml =
      'model = "gpt-5-codex"\n\n[mcp_servers.gh]\ncommand = "npx"\nargs = ["-y", "gh-mcp@1.0.0", "${GH_TOKEN}"]\nenv_vars = ["GH_TOKEN"]\n\n[mcp_servers.gh.env]\nLOG = "info"\n';
    const launch = one('codex', toml, '/home/dev/.codex/config.toml', { env });
    assert.deepEqual(launch.args, ['-y', 'gh-mcp@1.0.0', '${GH_TOKEN}']);
    assert.deepEqual(launch.env, { HOME: '/home/dev', PATH: '/usr/bin', USER: 'dev', LANG: 'C.UTF-8', GH_TOKEN: 'from-env', LOG: 'info' });
  });

  test('Codex remote: http_headers literal, env_http_headers and bearer_token_env_var from the environment; an unset bearer variable fails the server', () => {
    const toml =
      '[mcp_servers.gh]\nurl = "https://a.example.com/mcp"\nbearer_token_env_var = "GH_TOKEN"\nhttp_headers = { "X-Team" = "docs" }\nenv_http_headers = { "X-Key" = "GH_TOKEN", "X-Missing" = "NOPE" }\n';
    assert.deepEqual(one('codex', toml, '/home/dev/.codex/config.toml', { env }).headers, {
      'X-Team': 'docs',
      'X-Key': 'from-env',
      Authorization: 'Bearer from-env',
    });
    assert.match(one('codex', toml, '/home/dev/.codex/config.toml').refused ?? '', /GH_TOKEN/);
  });

  test('Goose: envs literal, env_keys from the environment, then the keyring', () => {
    const yaml =
      'extensions:\n  gh:\n    name: gh\n    enabled: true\n    type: stdio\n    cmd: npx\n    args: ["-y", "gh-mcp@1.0.0"]\n    envs:\n      LOG: info\n    env_keys:\n      - GH_TOKEN\n';
    const path = '/home/dev/.config/goose/config.yaml';
    assert.deepEqual(one('goose', yaml, path, { env }).env, { LOG: 'info', GH_TOKEN: 'from-env' });
    assert.equal(one('goose', yaml, path, { keyring: { GH_TOKEN: 'from-keyring' } }).env.GH_TOKEN, 'from-keyring');
    assert.match(one('goose', yaml, path).refused ?? '', /GH_TOKEN/);
  });

  test("Zed: nothing expanded, the child inherits Zed's environment (flat and nested command forms)", () => {
    const flat = `// Zed\n${json({ context_servers: { gh: { command: 'npx', args: ['${GH_TOKEN}'], env: { LOG: 'info' } } } })}`;
    const launch = one('zed', flat, '/work/app/.zed/settings.json', { env });
    assert.deepEqual(launch.args, ['${GH_TOKEN}']);
    assert.equal(launch.env.GH_TOKEN, 'from-env');
    assert.equal(launch.env.LOG, 'info');
    const nested = json({ context_servers: { gh: { command: { path: 'npx', args: ['-y'], env: { LOG: 'x' } } } } });
    const old = one('zed', nested, '/home/dev/.config/zed/settings.json', { env });
    assert.equal(old.command, 'npx');
    assert.deepEqual(old.args, ['-y']);
    assert.equal(old.env.LOG, 'x');
  });

  test("Claude Desktop: nothing expanded; the child gets the SDK's default variables and the file's env only", () => {
    const text = json({ mcpServers: { gh: { command: 'npx', args: ['${GH_TOKEN}'], env: { LOG: 'info' } } } });
    const launch = one('claude-desktop', text, '/Users/dev/Library/Application Support/Claude/claude_desktop_config.json', { env });
    assert.deepEqual(launch.args, ['${GH_TOKEN}']);
    assert.deepEqual(launch.env, { HOME: '/home/dev', PATH: '/usr/bin', USER: 'dev', LOG: 'info' });
  });
});

test('readersOf names every client that reads a shared path', () => {
  assert.deepEqual(readersOf('/work/app/.mcp.json'), ['claude-code', 'github-copilot-cli', 'vscode', 'visual-studio']);
  assert.deepEqual(readersOf('/work/app/.vscode/mcp.json'), ['vscode', 'vscode-agent-host', 'visual-studio']);
  assert.deepEqual(readersOf('/work/app/.cursor/mcp.json'), ['cursor', 'visual-studio']);
  assert.deepEqual(readersOf('/home/dev/.claude.json'), ['claude-code']);
  assert.deepEqual(readersOf('/home/dev/.codex/config.toml'), ['codex']);
  assert.deepEqual(readersOf('/work/app/package.json'), []);
});
