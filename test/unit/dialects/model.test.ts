import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine/lint';
import type { TreeNode } from '../../../server/src/core/tree';
import { VIRTUAL_PATH, readFixture } from './fixtureHelpers';

function read(id: string, file: string) {
  const text = readFixture(id, file);
  const analysis = analyze(text, VIRTUAL_PATH[id])!;
  const src = (node: TreeNode | undefined) => (node ? text.slice(node.offset, node.offset + node.length) : undefined);
  const server = (name: string, scope?: string) => {
    const found = analysis.config.servers.find((s) => s.name === name && (scope === undefined || s.scope === scope));
    assert.ok(found, `${id}/${file}: server ${name}`);
    return found;
  };
  return { text, analysis, src, server };
}

test('Claude Code ~/.claude.json: user servers and per-project servers keep their real names, the project goes in scope', () => {
  const { analysis, server, src } = read('claude-code-user', 'valid.json');
  assert.deepEqual(
    analysis.config.servers.map((s) => [s.name, s.scope]),
    [
      ['global', 'user'],
      ['github', 'project /home/me/app'],
      ['github', 'project /home/me/other'],
    ],
  );
  assert.equal(src(server('github', 'project /home/me/app').nameNode), '"github"');
  assert.equal(server('github', 'project /home/me/app').transport, 'http');
});

test('Claude Code settings files expose the trust knobs, no servers', () => {
  const { analysis } = read('claude-code-settings', 'valid.json');
  const knobs = analysis.config.knobs!;
  assert.deepEqual(
    knobs.booleans.map((k) => [k.key, k.value]),
    [['enableAllProjectMcpServers', true]],
  );
  assert.deepEqual(
    knobs.lists.map((k) => [k.key, k.values.map((v) => v.value)]),
    [
      ['enabledMcpjsonServers', ['api']],
      ['permissions.allow', ['mcp__api__search', 'mcp__db']],
      ['permissions.deny', ['mcp__db__drop']],
    ],
  );
  assert.deepEqual(
    knobs.strings.map((k) => [k.key, k.value]),
    [['permissions.defaultMode', 'acceptEdits']],
  );
});

test('Codex: TOML tables map command/args/env, name indirection, tool filters, approvals and knobs', () => {
  const { analysis, server, src } = read('codex', 'valid.toml');
  const docs = server('docs');
  assert.equal(src(docs.nameNode), 'docs');
  assert.equal(docs.command?.value, 'npx');
  assert.deepEqual(
    docs.args.map((a) => a.value),
    ['-y', 'some-docs-server@1.0.0'],
  );
  assert.deepEqual(
    docs.env.map((e) => [e.key, e.value]),
    [['LOG', 'debug']],
  );
  assert.deepEqual(
    docs.envPassthrough?.map((v) => v.value),
    ['DOCS_API_KEY', 'OTHER'],
  );
  assert.deepEqual(
    docs.toolFilter?.include?.values.map((v) => v.value),
    ['search'],
  );
  assert.equal(docs.timeout?.value, 30);
  const api = server('api');
  assert.equal(api.transport, 'http');
  assert.equal(api.disabled, true);
  assert.deepEqual(
    api.envPassthrough?.map((v) => v.value),
    ['API_TOKEN', 'API_KEY'],
  );
  assert.deepEqual(
    api.autoApprove?.values.map((v) => v.value),
    ['search'],
  );
  assert.equal(src(api.autoApprove?.values[0].node), '"approve"');
  assert.deepEqual(
    analysis.config.knobs?.strings.map((k) => [k.key, k.value]),
    [['approval_policy', 'on-request']],
  );
});

test('opencode: command array = program + args, environment, remote with oauth:false', () => {
  const { server, src } = read('opencode', 'valid.json');
  const fs = server('fs');
  assert.equal(fs.transport, 'stdio');
  assert.equal(src(fs.command?.node), '"npx"');
  assert.deepEqual(
    fs.args.map((a) => a.value),
    ['-y', 'fs-mcp@1.0.0'],
  );
  assert.equal(src(fs.argsNode), '["npx", "-y", "fs-mcp@1.0.0"]');
  assert.deepEqual(
    fs.env.map((e) => e.key),
    ['X'],
  );
  assert.equal(server('api').transport, 'http');
  assert.equal(src(server('api').oauth), 'false');
});

test('Continue: array items are servers named by their `name` value node; headers from requestOptions', () => {
  const { server, src } = read('continue', 'valid.yaml');
  const github = server('github');
  assert.equal(src(github.nameNode), 'github');
  assert.equal(github.env[0].value, '${{ secrets.GITHUB_TOKEN }}');
  const remote = server('remote');
  assert.equal(remote.transport, 'http');
  assert.deepEqual(
    remote.headers.map((h) => h.key),
    ['Authorization'],
  );
});

test('Goose: cmd/uri/envs/env_keys, builtin extensions are not processes', () => {
  const { server } = read('goose', 'valid.yaml');
  assert.equal(server('github').command?.value, 'npx');
  assert.deepEqual(
    server('github').envPassthrough?.map((v) => v.value),
    ['GITHUB_TOKEN'],
  );
  assert.equal(server('developer').transport, 'unknown');
  assert.equal(server('remote').url?.value, 'https://example.com/mcp');
  assert.equal(server('remote').transport, 'http');
});

test('Zed: legacy nested command, tagged and current shapes all map to command/args/env', () => {
  const legacy = read('zed', 'invalid-legacy.json').server('legacy');
  assert.equal(legacy.command?.value, 'npx');
  assert.deepEqual(
    legacy.args.map((a) => a.value),
    ['-y', 'old-mcp@1.0.0'],
  );
  assert.deepEqual(
    legacy.env.map((e) => e.key),
    ['A'],
  );
  const { server } = read('zed', 'valid.json');
  assert.equal(server('tagged').command?.value, 'npx');
  assert.equal(server('current').disabled, true);
  assert.equal(server('remote').transport, 'http');
  assert.equal(server('extension').transport, 'unknown');
});

test('Gemini: httpUrl = streamable HTTP, url alone = SSE, trust and tool filters', () => {
  const { server } = read('gemini-cli', 'valid.json');
  assert.equal(server('api').transport, 'http');
  assert.equal(server('api').url?.value, 'https://example.com/mcp');
  assert.equal(server('events').transport, 'sse');
  const gh = server('gh');
  assert.equal(gh.trust?.value, false);
  assert.deepEqual(
    gh.toolFilter?.include?.values.map((v) => v.value),
    ['list_issues'],
  );
  assert.deepEqual(
    gh.toolFilter?.exclude?.values.map((v) => v.value),
    ['delete'],
  );
});

test('Windsurf serverUrl, Cline typeless url = SSE, Amazon Q agent knobs', () => {
  assert.equal(read('windsurf', 'valid.json').server('remote').url?.value, 'https://example.com/mcp');
  assert.equal(read('cline', 'valid.json').server('legacy').transport, 'sse');
  assert.deepEqual(
    read('cline', 'valid.json')
      .server('remote')
      .autoApprove?.values.map((v) => v.value),
    ['search'],
  );
  const q = read('amazon-q', 'valid.json').analysis.config.knobs!;
  assert.deepEqual(
    q.lists.map((k) => k.key),
    ['tools', 'allowedTools'],
  );
});

test('settings-file knobs: VS Code flat keys, Gemini nested lists, Goose mode', async () => {
  const { parseDocument } = await import('../../../server/src/parse');
  const vscode = analyze('{ "chat.tools.autoApprove": true, "chat.mcp.access": "all", "mcp": { "servers": {} } }', '/p/.vscode/settings.json')!;
  assert.deepEqual(
    vscode.config.knobs?.booleans.map((k) => [k.key, k.value]),
    [['chat.tools.autoApprove', true]],
  );
  assert.deepEqual(
    vscode.config.knobs?.strings.map((k) => [k.key, k.value]),
    [['chat.mcp.access', 'all']],
  );
  const gemini = analyze('{ "mcp": { "allowed": ["gh"] }, "mcpServers": {} }', '/p/.gemini/settings.json')!;
  assert.deepEqual(
    gemini.config.knobs?.lists.map((k) => [k.key, k.values.map((v) => v.value)]),
    [['mcp.allowed', ['gh']]],
  );
  const goose = analyze('GOOSE_MODE: auto\nextensions: {}\n', '/home/me/.config/goose/config.yaml')!;
  assert.deepEqual(
    goose.config.knobs?.strings.map((k) => [k.key, k.value]),
    [['GOOSE_MODE', 'auto']],
  );
  assert.ok(parseDocument);
});
