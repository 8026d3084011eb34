/**
 * `policy export` (issue 17): the organisation's allow-list compiled into each client's own
 * enforcement. Every exported file is checked against the client's documented shape (written
 * here as a zod schema from the docs and source each exporter cites), lints clean where we lint
 * that file, and lets the same servers through as `server-not-allowed` does, decided by a
 * re-statement of the client's own matching rules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod';
import { exportPolicy, EXPORT_TARGETS } from '../../../server/src/policy/export';
import { lint, parsePolicy } from '../../../server/src/engine';
import type { Policy } from '../../../server/src/common/policy';

const entry = z.union([
  z.strictObject({ serverName: z.string().min(1) }),
  z.strictObject({ serverUrl: z.string().min(1) }),
  z.strictObject({ serverCommand: z.array(z.string()).min(1) }),
]);
/** code.claude.com/docs/en/managed-mcp.md: one key per entry; allow names are letters, digits, - and _. */
const CLAUDE = z.strictObject({
  allowManagedMcpServersOnly: z.literal(true),
  allowedMcpServers: z.array(
    z.union([
      z.strictObject({ serverName: z.string().regex(/^[A-Za-z0-9_-]+$/) }),
      z.strictObject({ serverUrl: z.string().min(1) }),
      z.strictObject({ serverCommand: z.array(z.string()).min(1) }),
    ]),
  ),
});
/** docs.github.com Copilot enterprise-managed-settings: allowedMcpServers, the same three matchers. */
const COPILOT = z.strictObject({ allowedMcpServers: z.array(entry) });
/** microsoft/vscode: policy values are string | number | boolean; ChatAllowedMcpServers holds the list as JSON text. */
const VSCODE = z.strictObject({
  ChatAllowedMcpServers: z
    .string()
    .transform((text) => JSON.parse(text) as unknown)
    .pipe(z.array(entry)),
  ChatToolsAutoApprove: z.literal(false),
});
/** Cline remote config: allowedMCPServers [{ id }], mcpMarketplaceEnabled, blockPersonalRemoteMCPServers. */
const CLINE = z.strictObject({
  allowedMCPServers: z
    .array(z.strictObject({ id: z.string().min(1) }))
    .min(1)
    .optional(),
  mcpMarketplaceEnabled: z.literal(false).optional(),
  blockPersonalRemoteMCPServers: z.literal(true),
});

const policyOf = (raw: unknown): Policy => {
  const { policy, problems } = parsePolicy(raw);
  assert.ok(policy, problems.join('; '));
  return policy;
};

const ENFORCEABLE = policyOf({
  hosts: ['mcp.acme.example', '*.internal.acme.example'],
  commands: [
    ['npx', '-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '.'],
    ['uvx', 'mcp-server-git==0.6.2'],
  ],
});

const POLICIES: Array<[string, Policy]> = [
  ['hosts and commands', ENFORCEABLE],
  ['names only', policyOf({ servers: ['github', 'team-*', 'jira cloud'] })],
  ['packages only (not enforceable by command matchers)', policyOf({ packages: ['@acme/mcp-tickets'], images: ['ghcr.io/acme/mcp'], publishers: ['@acme'] })],
  ['everything', policyOf({ servers: ['github'], packages: ['mcp-server-git'], hosts: ['mcp.acme.example'], commands: [['node', '/opt/mcp/server.js']] })],
  ['empty (nothing allowed)', policyOf({})],
];

test('every target writes its documented shape for every kind of policy, and says where it goes', () => {
  const schemas = { 'claude-code': CLAUDE, copilot: COPILOT, vscode: VSCODE, cline: CLINE };
  assert.deepEqual([...EXPORT_TARGETS].sort(), Object.keys(schemas).sort());
  for (const [name, policy] of POLICIES) {
    for (const target of EXPORT_TARGETS) {
      const result = exportPolicy(policy, target);
      assert.ok(result.text.endsWith('}\n'), `${target} ${name}`);
      const parsed = schemas[target].safeParse(JSON.parse(result.text));
      assert.ok(parsed.success, `${target} / ${name}: ${parsed.error?.message}\n${result.text}`);
      assert.match(result.notes[0], /managed-settings\.json|policy\.json|remote configuration/, `${target}: the first note says where it is delivered`);
    }
  }
});

test('what a client cannot enforce is named in a note, never dropped silently', () => {
  const everything = POLICIES[3][1];
  const notes = (target: (typeof EXPORT_TARGETS)[number], policy = everything) => exportPolicy(policy, target).notes.join('\n');
  assert.match(notes('claude-code'), /"mcp-server-git" are not exported; list the approved command lines under "commands"/);
  assert.match(notes('claude-code', POLICIES[1][1]), /"team-\*", "jira cloud" not exported/);
  assert.match(notes('copilot', POLICIES[1][1]), /"team-\*" not exported/);
  assert.match(notes('copilot', POLICIES[1][1]), /allows any server by its name alone/);
  assert.match(notes('cline'), /cannot allow a remote host/);
  assert.match(notes('cline', POLICIES[4][1]), /mcpMarketplaceEnabled: false/);
  assert.deepEqual(
    JSON.parse(exportPolicy(POLICIES[4][1], 'claude-code').text).allowedMcpServers,
    [],
    'an empty policy allows nothing: [] (unset would allow everything)',
  );
  assert.deepEqual(
    JSON.parse(exportPolicy(POLICIES[4][1], 'cline').text),
    { mcpMarketplaceEnabled: false, blockPersonalRemoteMCPServers: true },
    'in Cline [] restricts nothing',
  );
});

test('round trip: the exported managed settings lint clean at the paths the clients read', () => {
  for (const [target, path] of [
    ['claude-code', '/etc/claude-code/managed-settings.json'],
    ['copilot', '/org/.github-private/copilot/managed-settings.json'],
    ['copilot', '/etc/github-copilot/managed-settings.json'],
  ] as const) {
    const text = exportPolicy(ENFORCEABLE, target).text;
    assert.deepEqual(
      lint(text, path).map((f) => `${f.ruleId}: ${f.message}`),
      [],
      `${target} at ${path}:\n${text}`,
    );
  }
  // A name-only policy exports what the client can do with it, and our linter says what that is worth.
  const names = exportPolicy(policyOf({ servers: ['github'] }), 'claude-code').text;
  assert.deepEqual(
    lint(names, '/etc/claude-code/managed-settings.json').map((f) => [f.ruleId, f.severity]),
    [['mcp-allowlist-too-broad', 'information']],
  );
});

/**
 * Claude Code's decision (code.claude.com/docs/en/managed-mcp.md "How a server is evaluated"):
 * URL entries match with `*` anywhere and a pattern without a path matches any path; commands
 * match word for word; a name counts for a transport only when no entry of its kind exists.
 */
function claudeAllows(entries: Array<Record<string, unknown>>, server: { name: string; url?: string; command?: string[] }): boolean {
  const urls = entries.flatMap((e) => (typeof e.serverUrl === 'string' ? [e.serverUrl] : []));
  const commands = entries.flatMap((e) => (Array.isArray(e.serverCommand) ? [e.serverCommand as string[]] : []));
  const names = entries.flatMap((e) => (typeof e.serverName === 'string' ? [e.serverName] : []));
  if (server.url) {
    if (urls.length)
      return urls.some((pattern) =>
        new RegExp(`^${(/:\/\/[^/]*$/.test(pattern) ? pattern + '/*' : pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(
          server.url!,
        ),
      );
    return names.includes(server.name);
  }
  if (commands.length) return commands.some((c) => c.length === server.command!.length && c.every((w, i) => w === server.command![i]));
  return names.includes(server.name);
}

test('the client lets through exactly what server-not-allowed lets through (hosts and commands policy)', () => {
  const servers = [
    { name: 'acme', url: 'https://mcp.acme.example/mcp' },
    { name: 'wiki', url: 'https://wiki.internal.acme.example/mcp' },
    { name: 'internal-root', url: 'https://internal.acme.example/mcp' },
    { name: 'other', url: 'https://mcp.other.example/mcp' },
    { name: 'lookalike', url: 'https://mcp.acme.example.evil.io/mcp' },
    { name: 'fs', command: ['npx', '-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '.'] },
    { name: 'fs-root', command: ['npx', '-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '/'] },
    { name: 'git', command: ['uvx', 'mcp-server-git==0.6.2'] },
    { name: 'git-unpinned', command: ['uvx', 'mcp-server-git'] },
  ];
  const config = JSON.stringify({
    mcpServers: Object.fromEntries(servers.map((s) => [s.name, s.url ? { type: 'http', url: s.url } : { command: s.command![0], args: s.command!.slice(1) }])),
  });
  const refused = new Set(
    lint(config, '/work/app/.mcp.json', undefined, { policy: ENFORCEABLE })
      .filter((f) => f.ruleId === 'server-not-allowed')
      .map((f) => f.server),
  );
  const ours = servers.map((s) => [s.name, !refused.has(s.name)]);
  for (const target of ['claude-code', 'copilot'] as const) {
    const entries = JSON.parse(exportPolicy(ENFORCEABLE, target).text).allowedMcpServers;
    assert.deepEqual(
      servers.map((s) => [s.name, claudeAllows(entries, s)]),
      ours,
      target,
    );
  }
  const vscode = JSON.parse(JSON.parse(exportPolicy(ENFORCEABLE, 'vscode').text).ChatAllowedMcpServers);
  assert.deepEqual(
    servers.map((s) => [s.name, claudeAllows(vscode, s)]),
    ours,
    'vscode',
  );
  assert.deepEqual(
    ours.filter(([, allowed]) => allowed).map(([name]) => name),
    ['acme', 'wiki', 'internal-root', 'fs', 'git'],
  );
});

test('policy "commands" are exact: server-not-allowed passes the listed command line and nothing near it', () => {
  const config = (args: string[]) => JSON.stringify({ mcpServers: { git: { command: 'uvx', args } } });
  const refused = (args: string[]) =>
    lint(config(args), '/work/app/.mcp.json', undefined, { policy: ENFORCEABLE }).some((f) => f.ruleId === 'server-not-allowed');
  assert.equal(refused(['mcp-server-git==0.6.2']), false);
  assert.equal(refused(['mcp-server-git==0.6.2', '--repository', '.']), true);
  assert.equal(refused(['mcp-server-git']), true);
  assert.equal(parsePolicy({ commands: [[]] }).policy, undefined, 'an empty command line is not a valid policy entry');
});
