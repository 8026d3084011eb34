/**
 * `--fix --network --pin` writes like --fix: atomically, never over an edit made while the
 * registries were asked (lookups take seconds), never through a link out of the scanned
 * folders; a file it could not write makes the run exit 2 and claims no pin for that file.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mainAsync } from '../../server/src/cli/main';
import { startLoopbackRegistry, type LoopbackRegistry } from '../registry/loopbackServers';
import { tempDir, writeTree } from './helpers';

let registry: LoopbackRegistry;
before(async () => {
  registry = await startLoopbackRegistry();
});
after(async () => {
  await registry.close();
});

const CONFIG = '{\n  "servers": {\n    "demo": { "command": "npx", "args": ["-y", "lsp-demo"] }\n  }\n}\n';

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

test('a config edited while the registry is asked keeps the edit: nothing pinned in it, exit 2', async () => {
  const { dir, cleanup } = tempDir();
  const requests = registry.requests;
  try {
    writeTree(dir, { '.vscode/mcp.json': CONFIG, '.mcp-hygiene.json': JSON.stringify({ npmRegistry: `${registry.url}/npm` }) });
    const edited = CONFIG.replace('"demo"', '"demo-renamed"');
    // The registry's first request arrives after the pin pass read the file and before it writes.
    let edits = 0;
    requests.push = (...items) => {
      if (edits++ === 0) writeFileSync(join(dir, '.vscode/mcp.json'), edited);
      return Array.prototype.push.apply(requests, items);
    };
    const result = await run(['scan', '--fix', '--network', '--pin', '--fail-on', 'none', '.'], dir);
    assert.equal(edits > 0, true, 'the registry was asked');
    assert.equal(result.code, 2);
    assert.equal(readFileSync(join(dir, '.vscode/mcp.json'), 'utf8'), edited);
    assert.deepEqual(readdirSync(join(dir, '.vscode')), ['mcp.json']);
    assert.match(
      result.stdout,
      /^Cannot pin lsp-demo in \.vscode\/mcp\.json: \.vscode\/mcp\.json changed while mcp-hygiene was fixing it; not written\. Run again\.$/m,
    );
    assert.doesNotMatch(result.stdout, /Pinned/);
  } finally {
    delete (requests as { push?: unknown }).push;
    cleanup();
  }
});

test('--pin does not write through a link to a file outside the scanned folders', async () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { 'outside/mcp.json': CONFIG, 'repo/.vscode/.keep': '', 'repo/.mcp-hygiene.json': JSON.stringify({ npmRegistry: `${registry.url}/npm` }) });
    symlinkSync('../../outside/mcp.json', join(dir, 'repo/.vscode/mcp.json'));
    const result = await run(['scan', '--fix', '--network', '--pin', '--fail-on', 'none', '.'], join(dir, 'repo'));
    assert.equal(result.code, 2);
    assert.equal(readFileSync(join(dir, 'outside/mcp.json'), 'utf8'), CONFIG);
    assert.ok(lstatSync(join(dir, 'repo/.vscode/mcp.json')).isSymbolicLink());
    assert.match(
      result.stdout,
      /^Cannot pin lsp-demo in \.vscode\/mcp\.json: \.vscode\/mcp\.json leads through a symbolic link to .*, outside the scanned folders; not written\./m,
    );
  } finally {
    cleanup();
  }
});
