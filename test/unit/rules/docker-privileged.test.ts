import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, ranges, assertClean, applyAndCheck } from './_permissionTransport';

const RULE = 'docker-privileged';

const VSCODE = `{
  // team tools
  "servers": {
    "box": {
      "command": "docker",
      "args": [
        "run", "-i", "--rm",
        "--privileged",
        "ghcr.io/acme/box:1.2.0"
      ]
    }
  }
}
`;

const CLAUDE = `{
  "mcpServers": {
    "box": { "command": "podman", "args": ["container", "run", "--privileged=true", "-i", "acme/box:1"] }
  }
}
`;

test('docker --privileged is an error on the flag (VS Code)', () => {
  const [finding, ...rest] = lintRule(RULE, '/repo/.vscode/mcp.json', VSCODE);
  assert.equal(rest.length, 0);
  assert.equal(finding.text, '"--privileged"');
  assert.equal(finding.severity, 'error');
  assert.equal(finding.server, 'box');
  assert.match(finding.message, /^Privileged container \(--privileged\): remove it.*Server "box"/);
});

test('podman container run --privileged=true (Claude Code) and a one-string command', () => {
  assert.deepEqual(ranges(RULE, '/repo/.mcp.json', CLAUDE), ['"--privileged=true"']);
  assert.deepEqual(ranges(RULE, '/repo/.cursor/mcp.json', '{"mcpServers":{"b":{"command":"docker run --privileged -i img"}}}'), [
    '"docker run --privileged -i img"',
  ]);
});

test('valid: no flag, --privileged=false, the flag as an image argument, not docker', () => {
  assertClean(RULE, '/repo/.vscode/mcp.json', '{"servers":{"b":{"command":"docker","args":["run","-i","--rm","img:1"]}}}');
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"b":{"command":"docker","args":["run","--privileged=false","img:1"]}}}');
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"b":{"command":"docker","args":["run","-i","img:1","--privileged"]}}}');
  assertClean(RULE, '/repo/.mcp.json', '{"mcpServers":{"b":{"command":"npx","args":["-y","pkg@1","--privileged"]}}}');
});

test('fix removes the flag, keeps the array formatting and the comment; not safe', () => {
  const [finding] = lintRule(RULE, '/repo/.vscode/mcp.json', VSCODE);
  assert.equal(finding.fixes[0].safe, false);
  const fixed = applyAndCheck(RULE, '/repo/.vscode/mcp.json', VSCODE, { comments: ['// team tools'] });
  assert.ok(fixed.includes('"run", "-i", "--rm",\n        "ghcr.io/acme/box:1.2.0"'), fixed);
});

test('no fix when the command is one string', () => {
  const [finding] = lintRule(RULE, '/repo/.mcp.json', '{"mcpServers":{"b":{"command":"docker run --privileged -i img"}}}');
  assert.deepEqual(finding.fixes, []);
});

test('Continue YAML block sequence: the item is removed with its dash', () => {
  const yaml = 'mcpServers:\n  - name: box\n    command: docker\n    args:\n      - run\n      - --privileged\n      - -i\n      - img:1\n';
  assert.deepEqual(
    lintRule(RULE, '/repo/.continue/mcpServers/box.yaml', yaml).map((f) => f.text),
    ['--privileged'],
  );
  assert.equal(
    applyAndCheck(RULE, '/repo/.continue/mcpServers/box.yaml', yaml),
    'mcpServers:\n  - name: box\n    command: docker\n    args:\n      - run\n      - -i\n      - img:1\n',
  );
});
