// Shared by the real-VS-Code runners (vscode.test.mjs via code-server, runElectron.mjs):
// builds the extension bundles, bundles the mocha suite, and prepares a throwaway copy of
// the fixture workspace with token-shaped values made at run time.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SUITE_BUNDLE = join(REPO_ROOT, 'out', 'integration', 'suite.js');
const FIXTURE = join(REPO_ROOT, 'test', 'integration', 'fixtures', 'workspace');

/** `node scripts/build.mjs` (client, server, CLI into dist/), then the suite bundle. */
export async function buildExtensionAndSuite() {
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`node scripts/build.mjs failed:\n${build.stdout}\n${build.stderr}`);
  for (const bundle of ['client', 'server']) {
    try {
      statSync(join(REPO_ROOT, 'dist', `${bundle}.js`));
    } catch {
      throw new Error(`dist/${bundle}.js was not built (does ${bundle === 'client' ? 'client/src/extension.ts' : 'server/src/server-main.ts'} exist?)`);
    }
  }
  await esbuild.build({
    entryPoints: [join(REPO_ROOT, 'test', 'integration', 'suite', 'index.ts')],
    outfile: SUITE_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    mainFields: ['module', 'main'],
    // The host provides `vscode`; mocha is resolved from the repo's node_modules.
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return SUITE_BUNDLE;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random value shaped like a classic GitHub token, assembled here so none is ever committed. */
export function fakeGithubToken() {
  let body = '';
  for (let i = 0; i < 36; i++) body += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return ['gh', 'p_'].join('') + body;
}

/** Copies the fixture workspace to `target` and fills in every `{{GITHUB_TOKEN}}`. */
export function prepareWorkspace(target) {
  cpSync(FIXTURE, target, { recursive: true });
  const fill = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) fill(path);
      else if (name.endsWith('.json')) {
        const text = readFileSync(path, 'utf8');
        if (text.includes('{{GITHUB_TOKEN}}'))
          writeFileSync(
            path,
            text.replaceAll('{{GITHUB_TOKEN}}', () => fakeGithubToken()),
          );
      }
    }
  };
  fill(target);
  return target;
}
