// Runs every test suite with node's built-in runner (whose summary CI reads).
//   node scripts/test.mjs                 type-check, then unit + lsp + cli + vscode suites
//   node scripts/test.mjs --only unit     one suite folder under test/ (unit, lsp, cli, ...)
//   node scripts/test.mjs --no-typecheck  skip `tsc -b` (quicker while iterating)
// Test files are TypeScript run through tsx, so no build step is needed for unit tests.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const typecheck = !argv.includes('--no-typecheck') && !only;
const extraFiles = argv.filter((a, i) => a.endsWith('.ts') && argv[i - 1] !== '--only');

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', ...options });
  return result.status ?? 1;
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts') || name.endsWith('.test.mjs')) found.push(path);
  }
  return found;
}

let status = 0;
if (typecheck) {
  console.log('> tsc -b');
  status = run('npx', ['tsc', '-b']);
  if (status !== 0) {
    console.error('Type-check failed.');
    process.exit(status);
  }
}

// Suites in the order a failure is cheapest to read. `integration` is the real-VS-Code
// suite: its own runner installs code-server and reports through node:test too.
const suites = only ? [only] : ['unit', 'lsp', 'cli', 'registry', 'integration'];
const files = extraFiles.length ? extraFiles : suites.flatMap((suite) => findTests(join('test', suite)));
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
status = run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
  env: { ...process.env, MCP_HYGIENE_TEST: '1' },
});
process.exit(status);
