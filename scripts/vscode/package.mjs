// `npm run package`: production bundles, then `vsce package --no-dependencies` into
// mcp-hygiene-<version>.vsix. Works offline (vsce only signs on publish, so the
// @vscode/vsce-sign install script npm skipped is not needed). Fails when the VSIX holds
// anything outside the .vscodeignore allow-list's intent or reaches 500 KB (docs/performance.md).
//   node scripts/vscode/package.mjs [--out path.vsix]
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './codeServer.mjs';

const MAX_BYTES = 500 * 1024;
const argv = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const out = resolve(argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : join(REPO_ROOT, `${manifest.name}-${manifest.version}.vsix`));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--production']);

// vsce rewrites the README's relative links (docs/rules/..., images/screenshot-*.png) to
// absolute URLs on the repository named in package.json, on the branch the rule-docs links
// use (server/src/common/links.ts), so the marketplace page shows the screenshots that the
// VSIX itself does not carry.
const vsceArgs = ['package', '--no-dependencies', '--githubBranch', 'main', '--out', out];
run(process.execPath, [join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), ...vsceArgs]);

const size = statSync(out).size;
const listing = spawnSync('unzip', ['-Z1', out], { encoding: 'utf8' });
const files = listing.status === 0 ? listing.stdout.split('\n').filter((f) => f.startsWith('extension/')) : [];
const unexpected = files.filter((f) => /\.map$|node_modules\/|\/src\/|\.ts$|\/test\//.test(f));
console.log(`${out}: ${(size / 1024).toFixed(1)} KiB, ${files.length} files`);
if (unexpected.length) {
  console.error(`Unexpected files in the VSIX (check .vscodeignore): ${unexpected.join(', ')}`);
  process.exit(1);
}
if (size >= MAX_BYTES) {
  console.error(`The VSIX is ${size} bytes, over the 500 KB budget.`);
  process.exit(1);
}
