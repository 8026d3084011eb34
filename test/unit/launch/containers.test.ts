import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyFix, lint, LineIndex, pinTargetOf } from '../../../server/src/engine';
import { allCommands, serverCommands } from '../../../server/src/launch/effective';
import { allLaunches } from '../../../server/src/launch/packages';

const PATH = '/work/app/.cursor/mcp.json';
const config = (command: string, args: string[]) => JSON.stringify({ mcpServers: { tools: { command, args } } }, null, 2) + '\n';

/** The findings of `ruleId`, each with the text it points at. */
function found(text: string, ruleId: string): string[] {
  const lines = new LineIndex(text);
  return lint(text, PATH)
    .filter((f) => f.ruleId === ruleId)
    .map((f) => text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end)));
}

/** The text after pinning the finding of `ruleId` to `version` (what the pin action and `--pin` write). */
function pinned(text: string, ruleId: string, version: string): string {
  const analysis = analyze(text, PATH)!;
  const finding = analysis.findings.find((f) => f.ruleId === ruleId)!;
  const edit = pinTargetOf(analysis, finding)!.edit(version)!;
  return text.slice(0, edit.offset) + edit.content + text.slice(edit.offset + edit.length);
}

test('docker and podman exec: value options are skipped to the container, then the command is read', () => {
  assert.deepEqual(
    found(
      config('docker', ['exec', '-i', '-e', 'NODE_ENV=production', '-w', '/srv', '-u', 'node', 'mcp-tools', 'npx', '-y', 'tavily-mcp']),
      'unpinned-npm-package',
    ),
    ['"tavily-mcp"'],
  );
  assert.deepEqual(
    found(
      config('docker', ['--context', 'remote', 'container', 'exec', '-ie', 'A=1', '--env-file', '.env', 'tools', 'uvx', 'mcp-server-fetch']),
      'unpinned-python-package',
    ),
    ['"mcp-server-fetch"'],
  );
  // A container named like a launcher is a container, not a launch.
  assert.deepEqual(found(config('docker', ['exec', '-i', '--user', 'npx', 'npx', 'node', 'server.js']), 'unpinned-npm-package'), []);
  // podman exec --latest names no container: the command follows the options.
  assert.deepEqual(found(config('podman', ['exec', '-i', '--latest', 'npx', '-y', 'firecrawl-mcp']), 'unpinned-npm-package'), ['"firecrawl-mcp"']);
});

test('docker run: the command after the image is read; options of the image entrypoint are not a command', () => {
  const digest = 'sha256:' + 'ab'.repeat(32);
  assert.deepEqual(
    found(
      config('docker', ['run', '--rm', '-i', '--name', 'npx', '-v', '/data:/data', `node@${digest}`, 'npx', '-y', 'mcp-remote', 'https://mcp.example.com/sse']),
      'unpinned-npm-package',
    ),
    ['"mcp-remote"'],
  );
  assert.deepEqual(found(config('docker', ['run', '--rm', '-i', `mcp/git@${digest}`, '--repository', 'npx']), 'unpinned-npm-package'), []);
  // The container command itself is still what the image rule reads.
  assert.deepEqual(found(config('docker', ['run', '--rm', '-i', 'node:20', 'npx', '-y', 'tavily-mcp@1.0.0']), 'unpinned-container-image'), ['"node:20"']);
});

test('kubectl exec: the command after -- is read, through a shell string, the finding on the package text', () => {
  const text = config('kubectl', ['exec', '-i', '-n', 'ai', 'deploy/mcp', '--', 'sh', '-c', 'cd /srv && npx -y @upstash/context7-mcp']);
  assert.deepEqual(found(text, 'unpinned-npm-package'), ['@upstash/context7-mcp']);
  assert.deepEqual(
    found(config('kubectl', ['exec', 'mcp-pod', 'npx', 'pkg-name']), 'unpinned-npm-package'),
    [],
    'without --, kubectl no longer runs a command',
  );
});

test('pinning a package inside a container edits only the package text', () => {
  const separate = config('docker', ['exec', '-i', 'mcp-tools', 'npx', '-y', 'tavily-mcp']);
  assert.equal(pinned(separate, 'unpinned-npm-package', '0.2.9'), separate.replace('"tavily-mcp"', '"tavily-mcp@0.2.9"'));
  const script = config('kubectl', ['exec', '-i', 'mcp-pod', '--', 'bash', '-lc', 'source ~/.profile && uvx mcp-server-fetch']);
  assert.equal(pinned(script, 'unpinned-python-package', '2025.4.7'), script.replace('uvx mcp-server-fetch', 'uvx mcp-server-fetch@2025.4.7'));
  const oneString = JSON.stringify({ mcpServers: { tools: { command: 'docker exec -i mcp-tools npx -y firecrawl-mcp' } } }, null, 2);
  assert.equal(pinned(oneString, 'unpinned-npm-package', '1.12.0'), oneString.replace('firecrawl-mcp', 'firecrawl-mcp@1.12.0'));
});

test('a typosquat inside a container is a warning whose rename fix edits only the name', () => {
  const text = config('docker', ['exec', '-i', 'mcp-tools', 'npx', '-y', '@modelcontextprotocol/server-filesytem@2025.8.21', '/data']);
  const finding = lint(text, PATH).find((f) => f.ruleId === 'typosquat-package')!;
  assert.equal(finding.severity, 'warning');
  assert.equal(applyFix(text, finding.fixes[0]), text.replace('server-filesytem@', 'server-filesystem@'));
});

test('what a container runs is launched (the package rules read it) but is not a host command (the permission rules do not)', () => {
  const server = analyze(config('docker', ['exec', '-i', 'sandbox', 'sh', '-c', 'cd /srv && npx -y firecrawl-mcp']), PATH)!.config.servers[0];
  assert.deepEqual(
    allCommands(server).map((c) => c.program),
    ['docker'],
  );
  assert.deepEqual(
    serverCommands(server).contained.map((c) => c.program),
    ['cd', 'npx'],
  );
  assert.deepEqual(
    allLaunches(server).map((l) => l.npm?.launcher),
    [undefined, undefined, 'npx'],
  );
});
