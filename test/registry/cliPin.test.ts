/**
 * `mcp-hygiene scan --fix --network --pin` against loopback registries: pins npm packages
 * and images in place (other bytes unchanged), leaves git sources and failures alone with
 * a message; without --pin (or without --network) nothing is looked up.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mainAsync } from '../../server/src/cli/main';
import { startLoopbackRegistry, type LoopbackRegistry } from './loopbackServers';

let registry: LoopbackRegistry;
let root: string;
before(async () => {
  registry = await startLoopbackRegistry();
});
after(async () => {
  await registry.close();
});

function project(): { dir: string; file: string; text: string; cleanup(): void } {
  root = mkdtempSync(join(tmpdir(), 'mcp-hygiene-pin-cli-'));
  const host = new URL(registry.url).host;
  mkdirSync(join(root, '.vscode'));
  const text = [
    '{',
    '  // reviewed servers',
    '  "servers": {',
    '    "demo": { "command": "npx", "args": ["-y", "lsp-demo"] },',
    `    "img": { "command": "docker", "args": ["run", "-i", "--rm", "${host}/team/cli:3"] },`,
    '    "gone": { "command": "npx", "args": ["-y", "no-such-package-here"] },',
    '    "git": { "command": "npx", "args": ["-y", "github:acme/server#main"] }',
    '  }',
    '}',
    '',
  ].join('\n');
  const file = join(root, '.vscode', 'mcp.json');
  writeFileSync(file, text);
  writeFileSync(join(root, '.mcp-hygiene.json'), JSON.stringify({ npmRegistry: `${registry.url}/npm` }));
  return { dir: root, file, text, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await mainAsync(args, {
    cwd,
    env: { HOME: join(cwd, 'no-home') },
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

test('--fix --network --pin pins npm packages and image tags in place and reports what it could not pin', async () => {
  const p = project();
  try {
    const result = await run(['scan', '--fix', '--network', '--pin', '--fail-on', 'none', '.'], p.dir);
    assert.equal(result.code, 0, result.stderr);
    const fixed = readFileSync(p.file, 'utf8');
    const digest = registry.digests.get('team/cli:3')!;
    const host = new URL(registry.url).host;
    assert.equal(fixed, p.text.replace('"lsp-demo"', '"lsp-demo@1.5.0"').replace(`${host}/team/cli:3"`, `${host}/team/cli:3@${digest}"`));
    assert.match(result.stdout, /Pinned lsp-demo to 1\.5\.0 in \.vscode\/mcp\.json/);
    assert.match(result.stdout, new RegExp(`Pinned ${host}/team/cli:3 to ${digest}`));
    assert.match(
      result.stdout,
      /Cannot pin no-such-package-here in \.vscode\/mcp\.json: Package "no-such-package-here" was not found in http:\/\/127\.0\.0\.1:\d+\./,
    );
    assert.doesNotMatch(fixed, /github:acme\/server#[0-9a-f]{40}/, 'git refs are never guessed');
    // Running again changes nothing more.
    const again = await run(['scan', '--fix', '--network', '--pin', '--fail-on', 'none', '.'], p.dir);
    assert.equal(again.code, 0);
    assert.equal(readFileSync(p.file, 'utf8'), fixed);
  } finally {
    p.cleanup();
  }
});

test('--dry-run with --pin writes nothing; without --pin no lookup happens; --pin without --network is a usage error', async () => {
  const p = project();
  try {
    const before = registry.requests.length;
    const dry = await run(['scan', '--fix', '--dry-run', '--network', '--pin', '--fail-on', 'none', '.'], p.dir);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /Would pin lsp-demo to 1\.5\.0/);
    assert.equal(readFileSync(p.file, 'utf8'), p.text);
    const lookups = registry.requests.length;
    assert.ok(lookups > before);
    const plain = await run(['scan', '--fix', '--network', '--fail-on', 'none', '.'], p.dir);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(registry.requests.length, lookups, 'no lookup without --pin');
    assert.equal(readFileSync(p.file, 'utf8'), p.text, 'no safe fix touches these specs');
    const usage = await run(['scan', '--fix', '--pin', '.'], p.dir);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--pin needs --fix and --network/);
  } finally {
    p.cleanup();
  }
});
