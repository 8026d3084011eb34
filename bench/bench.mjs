// `npm run bench`: bundles bench/run.ts with esbuild (minified, like the shipped bundles,
// so the engine is measured as it ships rather than through tsx) and runs it with the
// given arguments. The spawned-process measurements use dist/ (npm run bench builds it first).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(repoRoot, '.cache', 'bench', 'run.cjs');
mkdirSync(dirname(outfile), { recursive: true });
await esbuild.build({
  entryPoints: [join(repoRoot, 'bench', 'run.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  mainFields: ['module', 'main'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, MCP_HYGIENE_ROOT: repoRoot } });
process.exit(result.status ?? 1);
