/**
 * `--pin` asks the registries several at a time (bounded) and still reports and writes in
 * the order of the files and their packages, as one at a time did.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../server/src/engine';
import { discover } from '../../server/src/host/discover';
import { PIN_CONCURRENCY, pinFiles } from '../../server/src/cli/pin';
import { RegistryError } from '../../server/src/registry';
import { tempDir, writeTree } from './helpers';

const config = (names: string[]) => JSON.stringify({ servers: Object.fromEntries(names.map((n) => [n, { command: 'npx', args: ['-y', n] }])) }, null, 2) + '\n';

test("lookups run at most PIN_CONCURRENCY at once; pins and failures keep the files' order", async () => {
  const { dir, cleanup } = tempDir();
  try {
    const names = Array.from({ length: 20 }, (_, i) => `pkg-${String(i).padStart(2, '0')}`);
    writeTree(dir, { 'a/.vscode/mcp.json': config(names.slice(0, 10)), 'b/.vscode/mcp.json': config(names.slice(10)) });
    const discovery = discover({ cwd: dir, paths: ['.'], exclude: [], gitignore: false, userConfigs: false, env: {} });
    let inFlight = 0;
    let most = 0;
    const progress: Array<[number, number]> = [];
    const outcome = await pinFiles(discovery.files, {
      configFor: () => ({ settings: { ...DEFAULT_SETTINGS, network: true } }),
      dryRun: false,
      io: { cwd: dir, env: {}, stdout: { write: () => true }, stderr: { write: () => true } },
      writableRoots: discovery.writableRoots,
      onProgress: (done, total) => progress.push([done, total]),
      // Answers arrive in reverse order of asking: the outcome must not follow them.
      lookupVersion: async (target) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 25 - Number(target.name.slice(4))));
        inFlight--;
        if (target.name === 'pkg-13') throw new RegistryError('pkg-13 is not in the registry.', 'not-found');
        return { version: `1.0.${Number(target.name.slice(4))}`, registry: 'https://registry.example' };
      },
    });
    assert.equal(most, PIN_CONCURRENCY, 'as many at once as allowed, no more');
    assert.deepEqual(
      outcome.pinned.map((p) => `${p.file} ${p.name}@${p.version}`),
      names.filter((n) => n !== 'pkg-13').map((n, i) => `${n < 'pkg-10' ? 'a' : 'b'}/.vscode/mcp.json ${n}@1.0.${Number(n.slice(4))}`),
    );
    assert.deepEqual(outcome.failed, [{ file: 'b/.vscode/mcp.json', name: 'pkg-13', error: 'pkg-13 is not in the registry.' }]);
    assert.deepEqual(
      progress.map(([done]) => done),
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    assert.ok(progress.every(([, total]) => total === 20));
    assert.match(readFileSync(join(dir, 'a/.vscode/mcp.json'), 'utf8'), /"pkg-00@1\.0\.0"/);
    assert.match(readFileSync(join(dir, 'b/.vscode/mcp.json'), 'utf8'), /"pkg-13"\s*\]/, 'a failed lookup leaves its spec as it was');
  } finally {
    cleanup();
  }
});
