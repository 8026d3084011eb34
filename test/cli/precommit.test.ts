/**
 * The pre-commit hook (.pre-commit-hooks.yaml): a valid manifest, a `files` pattern that
 * selects exactly the config files some dialect claims (checked with Python's `re`, the
 * engine pre-commit uses), and a real `pre-commit try-repo` run in temporary repositories.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { DIALECTS, isKnownConfigPath } from '../../server/src/dialects';
import { UNCLAIMED_PATHS, dialectTargets } from '../fuzz/lib/dialectPaths';
import { REPO_ROOT, committedRepository, copyWorkingTree, tempDir } from './helpers';

interface ManifestHook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
}

const MANIFEST = parseYaml(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as ManifestHook[];
const HOOK = MANIFEST.find((hook) => hook.id === 'mcp-hygiene')!;

/** `re.search(pattern, path)` for each path, in Python: the regex dialect pre-commit uses. */
function pythonSearch(pattern: string, paths: readonly string[]): boolean[] {
  const script =
    'import json, re, sys\nd = json.load(sys.stdin)\nr = re.compile(d["pattern"])\nprint(json.dumps([r.search(p) is not None for p in d["paths"]]))';
  const result = spawnSync('python3', ['-c', script], { input: JSON.stringify({ pattern, paths }), encoding: 'utf8' });
  assert.equal(result.status, 0, `python3 is needed to check the hook's files pattern: ${result.error?.message ?? result.stderr}`);
  return JSON.parse(result.stdout);
}

/** This working tree's files (edits included, nothing built) committed in a new repository, for try-repo to clone. */
function hookRepository(dir: string): string {
  return committedRepository(copyWorkingTree(dir), {});
}

test('the hook manifest is valid (SchemaStore) and runs the package bin that `prepare` builds', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'schemas', 'pre-commit-hooks.json'), 'utf8')));
  assert.ok(validate(MANIFEST), JSON.stringify(validate.errors, null, 2));
  assert.deepEqual([HOOK.entry, HOOK.language, HOOK.pass_filenames], ['mcp-hygiene scan', 'node', true]);

  // language: node installs the repository with npm; the bin must exist after `npm install`.
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.bin['mcp-hygiene'], './dist/cli.js');
  assert.match(pkg.scripts.prepare, /^node scripts\/build\.mjs\b/);
  // pre-commit before 4.6.1 reads the tarball name from `npm pack`'s stdout.
  assert.match(readFileSync(join(REPO_ROOT, '.npmrc'), 'utf8'), /^foreground-scripts=false$/m);
});

test("the hook's files pattern matches every dialect's config paths and the near misses no dialect claims", () => {
  // Content-detected dialects (no globs) get an unclaimed path: no file name to pass.
  const claimed = dialectTargets(DIALECTS)
    .filter((target) => target.dialect.globs.length > 0)
    .flatMap((target) => target.paths);
  assert.ok(claimed.length > 50);
  // pre-commit passes paths relative to the repository root: at the root and nested.
  const relative = claimed.flatMap((path) => [path.replace(/^\/work\/proj\//, '').replace(/^\//, ''), path.slice(1)]);
  const matched = pythonSearch(HOOK.files, relative);
  assert.deepEqual(
    relative.filter((_, i) => !matched[i]),
    [],
    'config paths the hook would not pass to mcp-hygiene',
  );

  const nearMisses = [
    ...UNCLAIMED_PATHS,
    'package.json',
    '.vscode/launch.json',
    'docs/mcp.json',
    ...relative.flatMap((path) => {
      const slash = path.lastIndexOf('/');
      return [`${path}.bak`, `${path.slice(0, slash + 1)}x${path.slice(slash + 1)}`, path.replace(/^([^/]+)\//, '$1x/')];
    }),
  ];
  const expected = nearMisses.map((path) => isKnownConfigPath(path));
  const actual = pythonSearch(HOOK.files, nearMisses);
  assert.deepEqual(
    nearMisses.filter((_, i) => actual[i] !== expected[i]),
    [],
    'paths where the hook and the dialects disagree',
  );
  assert.ok(expected.filter((known) => !known).length > 100, 'the near misses are mostly not configs');
});

test('pre-commit try-repo: an unpinned server fails the hook, a pinned config passes', { timeout: 900_000 }, (t) => {
  const ensure = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'ensure-pre-commit.sh')], { encoding: 'utf8' });
  if (ensure.status !== 0) {
    t.skip(`pre-commit is not available: ${ensure.stderr.trim()}`);
    return;
  }
  const { dir, cleanup } = tempDir('mcp-hygiene-pre-commit-');
  try {
    const hooks = hookRepository(join(dir, 'hooks'));
    // One pre-commit home: the hook's node environment is installed once (npm install of this repository).
    const env = { ...process.env, PRE_COMMIT_HOME: join(dir, 'pre-commit-home'), NO_COLOR: '1' };
    const tryRepo = (project: string) =>
      spawnSync('pre-commit', ['try-repo', hooks, 'mcp-hygiene', '--all-files', '--verbose', '--color', 'never'], { cwd: project, env, encoding: 'utf8' });

    const server = (spec: string) => `{\n  "servers": {\n    "memory": { "command": "npx", "args": ["-y", "${spec}"], "sandboxEnabled": true }\n  }\n}\n`;
    const unpinned = tryRepo(
      committedRepository(join(dir, 'unpinned'), { '.vscode/mcp.json': server('@modelcontextprotocol/server-memory'), 'package.json': '{ "name": "app" }\n' }),
    );
    assert.equal(unpinned.status, 1, unpinned.stdout + unpinned.stderr);
    assert.match(unpinned.stdout, /^mcp-hygiene\.+Failed$/m);
    assert.match(unpinned.stdout, /unpinned-npm-package {2}\[memory\]/);
    assert.match(unpinned.stdout, /^1 file, 1 finding /m, 'only the config file is passed, not package.json');

    const pinned = tryRepo(
      committedRepository(join(dir, 'pinned'), {
        '.vscode/mcp.json': server('@modelcontextprotocol/server-memory@2025.4.25'),
        'sub/.cursor/mcp.json': '{ "mcpServers": {} }\n',
      }),
    );
    assert.equal(pinned.status, 0, pinned.stdout + pinned.stderr);
    assert.match(pinned.stdout, /^mcp-hygiene\.+Passed$/m);
    assert.match(pinned.stdout, /^2 files, 0 findings /m);
  } finally {
    cleanup();
  }
});
