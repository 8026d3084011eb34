import { test } from 'node:test';
import assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { configFileGlobs } from '../../server/src/dialects';
import { configFileMatcher, isMcpNamed } from '../../server/src/host/discover';
import { MCP_NAMED_GLOBS } from '../../server/src/common/protocol';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusManifest, runCli } from './helpers';

test('the walk matcher agrees with the plain globs on every corpus path and on edge cases', () => {
  const fast = configFileMatcher();
  const plain = picomatch(configFileGlobs(), { dot: true, nocase: true });
  const paths = corpusManifest().flatMap((e) => [e.path, `${e.repo}/${e.path}`, `${e.repo}/${e.path}`.toUpperCase()]);
  paths.push(
    'mcp.json',
    '.vscode/mcp.json',
    'a/b/.VSCode/MCP.json',
    'x/Code/User/profiles/p1/mcp.json',
    'x/.amazonq/cli-agents/a.json',
    'x/.continue/mcpServers/s.yaml',
    'x/.continue/mcpServers/deep/s.yaml',
    'settings.json',
    'x/.vscode/settings.json',
    'README.md',
    'x/opencode.jsonc',
  );
  let matched = 0;
  for (const path of paths) {
    assert.equal(fast(path), plain(path), path);
    if (plain(path)) matched++;
  }
  assert.ok(matched > 100);
});

test('a folder walk lints additionalFiles and files named like MCP configs by their content, and says nothing of those that are not configs', () => {
  const root = mkdtempSync(join(tmpdir(), 'mcp-unknown-'));
  try {
    const server = (pkg: string) => JSON.stringify({ mcpServers: { docs: { command: 'npx', args: ['-y', pkg] } } }, null, 2);
    mkdirSync(join(root, 'config'));
    mkdirSync(join(root, 'templates'));
    writeFileSync(join(root, 'config', 'agents.json'), server('agents-server'));
    writeFileSync(join(root, 'templates', 'mcp-servers.example.json'), server('template-server'));
    writeFileSync(join(root, 'templates', 'mcp.yaml'), 'mcpServers:\n  docs:\n    command: uvx\n    args: ["yaml-server"]\n');
    writeFileSync(join(root, 'mcp-notes.json'), JSON.stringify({ title: 'not a config', servers: ['a', 'b'] }));
    writeFileSync(join(root, 'other.json'), server('never-read'));
    writeFileSync(join(root, '.mcp-hygiene.json'), JSON.stringify({ additionalFiles: ['config/agents.json'] }));

    const result = runCli(['scan', '--format', 'json', '.'], { cwd: root });
    const report = JSON.parse(result.stdout) as { findings: Array<{ file: string; ruleId: string; message: string }>; skipped?: unknown[] };
    const files = [...new Set(report.findings.map((f) => f.file))].sort();
    assert.deepEqual(files, ['config/agents.json', 'templates/mcp-servers.example.json', 'templates/mcp.yaml']);
    assert.ok(report.findings.some((f) => f.file === 'templates/mcp.yaml' && f.ruleId === 'unpinned-python-package'));
    assert.ok(!JSON.stringify(report).includes('mcp-notes.json'), 'a file named like a config that is not one is not listed anywhere');
    assert.ok(!JSON.stringify(report).includes('never-read'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the walk's test for names that say MCP agrees with the globs the editor uses", () => {
  const globs = picomatch([...MCP_NAMED_GLOBS], { dot: true });
  for (const path of [
    'mcp.json',
    'a/mcp.json',
    'templates/team-mcp.example.yaml',
    'x/MCP_servers.toml',
    'Mcp.jsonc',
    'a/b/my.mcp.yml',
    'mcp.md',
    'mcpjson',
    'a/mcp/x.json',
    'notes.json',
    '.mcp-hygiene.json',
    'a/.mcp-hygiene.json',
  ]) {
    const editor = globs(path) && !path.endsWith('.mcp-hygiene.json');
    assert.equal(isMcpNamed(path), editor, path);
  }
});
