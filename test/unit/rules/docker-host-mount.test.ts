import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, ranges, assertClean, applyAndCheck } from './_permissionTransport';

const RULE = 'docker-host-mount';

const CURSOR = `{
  "mcpServers": {
    "ops": {
      "command": "docker",
      "args": ["run", "-i", "--rm", "-v", "/var/run/docker.sock:/var/run/docker.sock", "-v", "/:/host:ro", "--mount", "type=bind,src=/etc,dst=/etc", "-v", "\${workspaceFolder}:/work", "acme/ops:1"]
    }
  }
}
`;

test('docker.sock, host root and /etc mounts are errors on the mount value (Cursor)', () => {
  const found = lintRule(RULE, '/repo/.cursor/mcp.json', CURSOR);
  assert.deepEqual(
    found.map((f) => [f.text, f.severity]),
    [
      ['"/var/run/docker.sock:/var/run/docker.sock"', 'error'],
      ['"/:/host:ro"', 'error'],
      ['"type=bind,src=/etc,dst=/etc"', 'error'],
    ],
  );
  assert.match(found[0].message, /container engine socket/);
  assert.match(found[1].message, /read-only, but every secret below it is still readable/);
});

test('home directories, Windows drive roots, --volume= and --device (Claude Desktop)', () => {
  const text = JSON.stringify(
    { mcpServers: { x: { command: 'docker', args: ['run', '--volume=/Users/ann:/home/ann', '-v', 'C:\\:/c', '--device', '/dev/sda', 'img'] } } },
    null,
    2,
  );
  const found = lintRule(RULE, '/Users/ann/Library/Application Support/Claude/claude_desktop_config.json', text);
  assert.deepEqual(
    found.map((f) => [f.text, f.severity]),
    [
      ['"--volume=/Users/ann:/home/ann"', 'error'],
      ['"C:\\\\:/c"', 'error'],
      ['"/dev/sda"', 'warning'],
    ],
  );
});

test('a mount source with .. is a warning', () => {
  const text = '{"mcpServers":{"x":{"command":"docker","args":["run","-v","${PWD}/../secrets:/s","img"]}}}';
  assert.deepEqual(
    lintRule(RULE, '/repo/.mcp.json', text).map((f) => [f.text, f.severity]),
    [['"${PWD}/../secrets:/s"', 'warning']],
  );
});

test('valid: project folders, named volumes, tmpfs mounts', () => {
  assertClean(
    RULE,
    '/repo/.vscode/mcp.json',
    JSON.stringify({
      servers: {
        x: {
          command: 'docker',
          args: [
            'run',
            '-v',
            '${workspaceFolder}:/projects:ro',
            '-v',
            'data:/data',
            '--mount',
            'type=volume,src=cache,dst=/cache',
            '--mount',
            'type=tmpfs,dst=/tmp',
            'img',
          ],
        },
      },
    }),
  );
  assertClean(RULE, '/repo/.mcp.json', JSON.stringify({ mcpServers: { x: { command: 'docker', args: ['run', '-v', '/Users/ann/code/app:/app', 'img'] } } }));
});

test('fix removes the flag and its value together, keeps the rest', () => {
  const fixed = applyAndCheck(RULE, '/repo/.cursor/mcp.json', CURSOR);
  assert.ok(fixed.includes('"--rm", "-v", "/:/host:ro"'), fixed);
  assert.ok(!fixed.includes('docker.sock'));
  const inline = JSON.stringify({ mcpServers: { x: { command: 'docker', args: ['run', '--volume=/:/h', 'img'] } } });
  assert.equal(applyAndCheck(RULE, '/repo/.mcp.json', inline), JSON.stringify({ mcpServers: { x: { command: 'docker', args: ['run', 'img'] } } }));
});

test('range is the single argument', () => {
  assert.deepEqual(ranges(RULE, '/repo/.mcp.json', '{"mcpServers":{"x":{"command":"docker","args":["run","-v","~:/root","img"]}}}'), ['"~:/root"']);
});
