import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../server/src/engine';
import { cacheKey, contentHash } from '../../server/src/cli/cache';
import { scanHooks } from '../../server/src/cli/scan';
import { FAKE_GITHUB_TOKEN, layOutCorpus, runCli, tempDir, writeTree, type CliRun } from './helpers';

/** A small repository: configs of several clients, one with a BOM, one TOML, one with a safe fix, and a file that is not an MCP config. */
const PROJECT: Record<string, string> = {
  '.vscode/mcp.json': `{
  // Team MCP servers for this repository.
  "servers": {
    "github": {
      "type": "stdio",
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${FAKE_GITHUB_TOKEN}" }
    },
    "docs": { "type": "http", "url": "http://mcp.docs.example.com/mcp" }
  }
}
`,
  '.mcp.json': `{
  "mcpServers": {
    "postgres": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@latest", "postgresql://localhost/app"] },
    "tavily": { "command": "npx", "args": ["-y", "tavily-mcp@^0.2.0"], "env": { "TAVILY_API_KEY": "\${TAVILY_API_KEY}" } }
  }
}
`,
  'apps/web/.cursor/mcp.json': '\uFEFF{ "mcpServers": { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/"] } } }\n',
  'tools/claude_desktop_config.json': `{
  "mcpServers": {
    "sqlite": { "command": "uvx", "args": ["mcp-server-sqlite", "--db-path", "~/data.db"] },
    "clean": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory@2025.4.25"] }
  }
}
`,
  '.codex/config.toml': `[mcp_servers.context7]
command = "npx"
args = ["-y", "@upstash/context7-mcp"]
`,
  '.roo/mcp.json': `{
  "mcpServers": {
    "browser": { "command": "npx", "args": ["-y", "@playwright/mcp@0.0.41"], "alwaysAllow": ["*"] }
  }
}
`,
  'configs/notes.json': '{ "title": "Meeting notes", "items": [] }\n',
};
/** The MCP configs a scan of the project's root finds (all but configs/notes.json). */
const FOUND = Object.keys(PROJECT).length - 1;

const CACHE = '.mcp-hygiene-cache';

/** Counts the files the engine lints during `fn` (the scan's test hook). */
function linting(fn: () => CliRun): { run: CliRun; linted: string[] } {
  const linted: string[] = [];
  scanHooks.onLint = (absolute) => linted.push(absolute);
  try {
    return { run: fn(), linted };
  } finally {
    scanHooks.onLint = undefined;
  }
}

afterEach(() => {
  scanHooks.onLint = undefined;
});

/** The cache's former content hash: 32-bit FNV-1a over the UTF-16 code units, plus the length. */
function oldContentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(16).padStart(8, '0')}-${text.length}`;
}

/**
 * `target`, padded with spaces to the length of `clean`'s first line and followed by a
 * `// build ??????` comment whose six characters are chosen so that its old hash equals
 * `clean`'s: meet in the middle, 64^3 states forward from the prefix, 64^3 backward from
 * the final hash (an FNV-1a step is invertible), about 16 expected matches.
 */
function fnvCollision(clean: string, target: string): string {
  const PRIME = 0x01000193;
  let inverse = PRIME; // Newton's iteration for PRIME^-1 mod 2^32
  for (let i = 0; i < 5; i++) inverse = Math.imul(inverse, 2 - Math.imul(PRIME, inverse));
  const step = (hash: number, code: number) => Math.imul(hash ^ code, PRIME) >>> 0;
  const back = (hash: number, code: number) => (Math.imul(hash, inverse) ^ code) >>> 0;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.'.split('').map((c) => c.charCodeAt(0));
  const firstLine = clean.slice(0, clean.indexOf('\n'));
  const prefix = `${target.padEnd(firstLine.length)}\n// build `;
  const suffix = '\n';
  assert.equal(prefix.length + 6 + suffix.length, clean.length);
  let start = 0x811c9dc5;
  for (const char of prefix) start = step(start, char.charCodeAt(0));
  let end = Number.parseInt(oldContentHash(clean).split('-')[0], 16);
  for (const char of [...suffix].reverse()) end = back(end, char.charCodeAt(0));
  const forward = new Map<number, number[]>();
  for (const a of alphabet) for (const b of alphabet) for (const c of alphabet) forward.set(step(step(step(start, a), b), c), [a, b, c]);
  for (const f of alphabet) {
    for (const e of alphabet) {
      for (const d of alphabet) {
        const found = forward.get(back(back(back(end, f), e), d));
        if (found) return prefix + String.fromCharCode(...found, d, e, f) + suffix;
      }
    }
  }
  throw new Error('no collision in this alphabet: change the clean text');
}

function readCache(
  dir: string,
  name = CACHE,
): { tool: string; key: string; files: Record<string, { hash: string; findings?: Array<{ ruleId: string; severity: string }>; skip?: string }> } {
  return JSON.parse(readFileSync(join(dir, name), 'utf8'));
}

describe('--cache: output', () => {
  test('a warm run prints exactly what a run without the cache prints (text, json, sarif) and lints nothing', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, PROJECT);
      const args = ['scan', '.', 'configs/notes.json'];
      for (const format of ['json', 'sarif', 'text']) {
        rmSync(join(dir, CACHE), { force: true });
        const plain = runCli([...args, '-f', format], { cwd: dir });
        assert.equal(plain.code, 1, plain.stderr);
        assert.ok(!existsSync(join(dir, CACHE)), 'no cache file without --cache');
        const cold = linting(() => runCli([...args, '-f', format, '--cache'], { cwd: dir }));
        assert.equal(cold.linted.length, FOUND + 1, format);
        const warm = linting(() => runCli([...args, '-f', format, '--cache'], { cwd: dir }));
        assert.deepEqual(warm.linted, [], `${format}: a warm run lints nothing`);
        for (const run of [cold.run, warm.run]) {
          assert.equal(run.stdout, plain.stdout, format);
          assert.equal(run.stderr, plain.stderr, format);
          assert.equal(run.code, plain.code, format);
        }
      }
      // The not-an-MCP-config verdict is cached too, as the skip reason.
      assert.match(readCache(dir).files[join(dir, 'configs/notes.json')].skip ?? '', /not an MCP config/);
    } finally {
      cleanup();
    }
  });

  test('the corpus: warm json and sarif equal the uncached output, also for SARIF from another working directory', () => {
    const { dir, cleanup } = tempDir();
    try {
      layOutCorpus(join(dir, 'repos'));
      const cache = ['--cache', '--cache-location', join(dir, 'cache.json')];
      for (const [cwd, target] of [
        [dir, 'repos'],
        [join(dir, 'repos'), '.'],
      ]) {
        for (const format of ['json', 'sarif']) {
          const args = ['scan', target, '-f', format, '--no-gitignore'];
          const plain = runCli(args, { cwd });
          runCli([...args, ...cache], { cwd });
          const warm = linting(() => runCli([...args, ...cache], { cwd }));
          assert.deepEqual(warm.linted, [], `${format} from ${cwd}`);
          assert.equal(warm.run.stdout, plain.stdout, `${format} from ${cwd}`);
          assert.equal(warm.run.code, plain.code);
        }
      }
    } finally {
      cleanup();
    }
  });
});

describe('--cache: what invalidates an entry', () => {
  test('editing one file re-lints only that file, and its findings follow the edit', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, PROJECT);
      runCli(['scan', '--cache'], { cwd: dir });
      const before = readCache(dir);
      const edited = join(dir, '.mcp.json');
      writeFileSync(edited, PROJECT['.mcp.json'].replace('server-postgres@latest', 'server-postgres@0.6.2'));

      const { run, linted } = linting(() => runCli(['scan', '-f', 'json', '--cache'], { cwd: dir }));
      assert.deepEqual(linted, [edited]);
      const findings = (JSON.parse(run.stdout) as { findings: Array<{ file: string; message: string }> }).findings.filter((f) => f.file === '.mcp.json');
      assert.ok(findings.length > 0);
      assert.ok(!findings.some((f) => f.message.includes('@latest')), 'the pinned package is no longer reported');
      assert.equal(run.stdout, runCli(['scan', '-f', 'json'], { cwd: dir }).stdout);

      const after = readCache(dir);
      assert.notEqual(after.files[edited].hash, before.files[edited].hash);
      for (const file of Object.keys(before.files).filter((f) => f !== edited)) assert.deepEqual(after.files[file], before.files[file], file);
    } finally {
      cleanup();
    }
  });

  test('a --rule level, the settings file and the policy file each invalidate every entry', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, PROJECT);
      const lintedBy = (args: string[]) => linting(() => runCli(['scan', '-f', 'json', '--cache', ...args], { cwd: dir }));
      lintedBy([]);
      assert.equal(lintedBy([]).linted.length, 0);

      // --rule: findings change level; the cached ones must not come back.
      const withRule = lintedBy(['--rule', 'unpinned-npm-package=hint']);
      assert.equal(withRule.linted.length, FOUND);
      const unpinned = (JSON.parse(withRule.run.stdout) as { findings: Array<{ ruleId: string; severity: string }> }).findings.filter(
        (f) => f.ruleId === 'unpinned-npm-package',
      );
      assert.ok(unpinned.length > 0 && unpinned.every((f) => f.severity === 'hint'));
      assert.equal(lintedBy(['--rule', 'unpinned-npm-package=hint']).linted.length, 0);
      assert.equal(lintedBy([]).linted.length, FOUND, 'back to the defaults: linted again');

      // The settings file (./.mcp-hygiene.json).
      writeFileSync(join(dir, '.mcp-hygiene.json'), JSON.stringify({ trustedHosts: ['mcp.docs.example.com'] }));
      const withSettings = lintedBy([]);
      assert.equal(withSettings.linted.length, FOUND);
      assert.equal(withSettings.run.stdout, runCli(['scan', '-f', 'json'], { cwd: dir }).stdout);
      assert.equal(lintedBy([]).linted.length, 0);

      // The policy file's content, at the same path.
      writeFileSync(join(dir, '.mcp-hygiene.json'), JSON.stringify({ trustedHosts: ['mcp.docs.example.com'], policyFile: 'policy.json' }));
      writeFileSync(join(dir, 'policy.json'), JSON.stringify({ servers: ['github'] }));
      assert.equal(lintedBy([]).linted.length, FOUND);
      writeFileSync(join(dir, 'policy.json'), JSON.stringify({ servers: ['github', 'docs'] }));
      const withPolicy = lintedBy([]);
      assert.equal(withPolicy.linted.length, FOUND);
      assert.equal(withPolicy.run.stdout, runCli(['scan', '-f', 'json'], { cwd: dir }).stdout);
    } finally {
      cleanup();
    }
  });

  test('the global key covers the package, the running code, node, the settings and the policy', () => {
    const key = cacheKey([{ settings: DEFAULT_SETTINGS }]);
    assert.match(key, /^mcp-hygiene \d+\.\d+\.\d+.*; engine \d+-[\d.]+; node v\d+/);
    assert.equal(cacheKey([{ settings: { ...DEFAULT_SETTINGS } }]), key);
    assert.notEqual(cacheKey([{ settings: { ...DEFAULT_SETTINGS, rules: { 'secret-in-env': 'warning' } } }]), key);
    assert.notEqual(cacheKey([{ settings: { ...DEFAULT_SETTINGS, trustedHosts: ['a.example'] } }]), key);
    assert.notEqual(
      cacheKey([{ settings: DEFAULT_SETTINGS, policy: { servers: ['github'], packages: [], images: [], hosts: [], publishers: [], commands: [] } }]),
      key,
    );
    // Settings values never appear in it (a registry URL may carry a credential).
    const withCredential = cacheKey([{ settings: { ...DEFAULT_SETTINGS, npmRegistry: 'https://user:hunter2-registry-token@npm.example.com/' } }]);
    assert.ok(!withCredential.includes('hunter2'));
    assert.notEqual(contentHash('a'), contentHash('b'));
    assert.notEqual(contentHash('ab'), contentHash('ab '));
  });

  test('a crafted file with the same length and the old 32-bit FNV-1a hash is linted again, not reported clean', () => {
    const { dir, cleanup } = tempDir();
    try {
      const clean = '{ "servers": { "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory@2025.4.25"] } } }\n// build 000000\n';
      const crafted = fnvCollision(clean, '{ "servers": { "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] } } }');
      assert.equal(crafted.length, clean.length);
      assert.equal(oldContentHash(crafted), oldContentHash(clean), 'the old key could not tell them apart');
      assert.notEqual(contentHash(crafted), contentHash(clean));
      writeTree(dir, { '.vscode/mcp.json': clean });
      const first = runCli(['scan', '--cache'], { cwd: dir });
      assert.equal(first.code, 0, first.stdout);
      writeTree(dir, { '.vscode/mcp.json': crafted });
      const { run, linted } = linting(() => runCli(['scan', '--cache'], { cwd: dir }));
      assert.equal(linted.length, 1, 'the crafted file is linted');
      assert.equal(run.code, 1);
      assert.match(run.stdout, /unpinned-npm-package/);
    } finally {
      cleanup();
    }
  });

  test('tampered entries (unknown rule, negative line, escape bytes, a short hash) drop the whole cache', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, PROJECT);
      const plain = runCli(['scan'], { cwd: dir });
      runCli(['scan', '--cache'], { cwd: dir });
      const good = readFileSync(join(dir, CACHE), 'utf8');
      const victim = join(dir, '.mcp.json');
      type Entry = { hash: string; findings: Array<{ ruleId: string; message: string; range: { start: { line: number } } }> };
      const tamperings: Record<string, (entry: Entry) => void> = {
        'unknown rule id': (entry) => (entry.findings[0].ruleId = 'all-clear'),
        'negative line': (entry) => (entry.findings[0].range.start.line = -1),
        'escape bytes in a message': (entry) => (entry.findings[0].message = '\u001b[2K\u001b[1Aall clear'),
        'a 32-bit hash': (entry) => (entry.hash = entry.hash.slice(0, 8)),
        'no findings for a file that has some': (entry) => ((entry as unknown as { findings: unknown }).findings = 'none'),
      };
      for (const [what, tamper] of Object.entries(tamperings)) {
        const cache = JSON.parse(good) as { files: Record<string, Entry> };
        tamper(cache.files[victim]);
        writeFileSync(join(dir, CACHE), JSON.stringify(cache));
        const { run, linted } = linting(() => runCli(['scan', '--cache'], { cwd: dir }));
        assert.equal(linted.length, FOUND, `${what}: every file is linted again`);
        assert.equal(run.stdout, plain.stdout, what);
        assert.equal(readFileSync(join(dir, CACHE), 'utf8'), good, `${what}: the cache is written anew`);
      }
    } finally {
      cleanup();
    }
  });

  test('--fix lints every file (the cache has no fix edits) and stores the fixed result', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, PROJECT);
      runCli(['scan', '--cache'], { cwd: dir });
      const fixed = linting(() => runCli(['scan', '--fix', '--cache'], { cwd: dir }));
      assert.ok(fixed.linted.length >= FOUND, 'nothing read from the cache');
      assert.match(fixed.run.stdout, /^Fixed /m);
      const warm = linting(() => runCli(['scan', '-f', 'json', '--cache'], { cwd: dir }));
      assert.deepEqual(warm.linted, [], 'the fixed files are cached as they are now on disk');
      assert.equal(warm.run.stdout, runCli(['scan', '-f', 'json'], { cwd: dir }).stdout);
    } finally {
      cleanup();
    }
  });

  test('files no longer present are dropped from the cache; files outside this run stay', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, PROJECT);
      runCli(['scan', '--cache'], { cwd: dir });
      rmSync(join(dir, 'tools'), { recursive: true });
      // Only apps/ is scanned, but the deleted file is dropped and the others are kept.
      runCli(['scan', 'apps', '--cache'], { cwd: dir });
      const files = Object.keys(readCache(dir).files).sort();
      const kept = Object.keys(PROJECT).filter((f) => f !== 'configs/notes.json' && !f.startsWith('tools/'));
      assert.deepEqual(files, kept.map((f) => join(dir, f)).sort());
    } finally {
      cleanup();
    }
  });
});

describe('--cache: the cache file', () => {
  test('a damaged cache file is ignored without a word and replaced; a file that is not a cache is left alone, with a warning', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, PROJECT);
      const plain = runCli(['scan', '-f', 'json'], { cwd: dir });
      for (const junk of ['{"tool":"mcp-hygiene","cacheFormat":1,"key":', '{"tool":"mcp-hygiene","cacheFormat":0}', '', '  \n']) {
        writeFileSync(join(dir, CACHE), junk);
        const { run, linted } = linting(() => runCli(['scan', '-f', 'json', '--cache'], { cwd: dir }));
        assert.equal(run.stdout, plain.stdout, junk);
        assert.equal(run.stderr, '', junk);
        assert.equal(linted.length, FOUND, junk);
        assert.equal(readCache(dir).tool, 'mcp-hygiene', `${junk}: replaced by a real cache`);
      }
      // A mistyped --cache-location naming someone else's file: never overwritten.
      for (const foreign of ['not json at all \u0000', '{"version":1,"findings":[]}', '[]', 'null', '{\n  "name": "my-app"\n}\n']) {
        writeFileSync(join(dir, CACHE), foreign);
        const { run, linted } = linting(() => runCli(['scan', '-f', 'json', '--cache'], { cwd: dir }));
        assert.equal(run.stdout, plain.stdout, foreign);
        assert.equal(run.code, plain.code, foreign);
        assert.match(run.stderr, /is not an mcp-hygiene cache, so it was left as it is/, foreign);
        assert.equal(run.stderr.trim().split('\n').length, 1, foreign);
        assert.equal(linted.length, FOUND, foreign);
        assert.equal(readFileSync(join(dir, CACHE), 'utf8'), foreign, `${JSON.stringify(foreign)} left as it was`);
      }
      writeFileSync(join(dir, CACHE), '');
      runCli(['scan', '-f', 'json', '--cache'], { cwd: dir });
      // A damaged entry in an otherwise valid file: the whole cache is dropped, the output is unchanged.
      const cache = readCache(dir);
      const victim = join(dir, '.vscode/mcp.json');
      (cache.files[victim] as unknown as { findings: unknown[] }).findings = [{ ruleId: 'secret-in-env' }];
      writeFileSync(join(dir, CACHE), JSON.stringify(cache));
      const { run, linted } = linting(() => runCli(['scan', '-f', 'json', '--cache'], { cwd: dir }));
      assert.equal(linted.length, FOUND);
      assert.equal(run.stdout, plain.stdout);
    } finally {
      cleanup();
    }
  });

  test('a location that cannot be written: one warning on stderr, the normal report and exit code', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { ...PROJECT, blocker: 'a file where the cache folder would go\n' });
      const plain = runCli(['scan', '-f', 'sarif'], { cwd: dir });
      for (const extra of [[], ['--fail-on', 'none']]) {
        const expected = runCli(['scan', '-f', 'sarif', ...extra], { cwd: dir });
        const run = runCli(['scan', '-f', 'sarif', '--cache', '--cache-location', 'blocker/cache.json', ...extra], { cwd: dir });
        assert.equal(run.code, expected.code);
        assert.equal(run.stdout, expected.stdout);
        const lines = run.stderr.split('\n').filter((l) => l !== '');
        assert.equal(lines.length, 1, run.stderr);
        assert.match(lines[0], /^warning: Cannot write the cache .*blocker\/cache\.json \([A-Z]+\); the scan ran without it\.$/);
      }
      assert.equal(plain.code, 1);
      assert.deepEqual(
        readdirSync(dir).filter((f) => f.includes('cache')),
        [],
        'no temporary file left behind',
      );
    } finally {
      cleanup();
    }
  });

  test('a secret in a scanned file never reaches the cache file', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, PROJECT);
      // SARIF and baselines store fingerprints too: cover both shapes of entry.
      runCli(['scan', '--cache'], { cwd: dir });
      const plainCache = readFileSync(join(dir, CACHE), 'utf8');
      runCli(['scan', '-f', 'sarif', '--cache'], { cwd: dir });
      const sarifCache = readFileSync(join(dir, CACHE), 'utf8');
      assert.ok(sarifCache.includes('"fingerprints"'));
      for (const text of [plainCache, sarifCache]) {
        assert.ok(text.includes('secret-in-env'), 'the finding is cached');
        // Messages may name the kind of secret and up to 4 characters; no longer piece of it.
        for (let i = 0; i + 8 <= FAKE_GITHUB_TOKEN.length; i++) assert.ok(!text.includes(FAKE_GITHUB_TOKEN.slice(i, i + 8)), FAKE_GITHUB_TOKEN.slice(i, i + 8));
      }
    } finally {
      cleanup();
    }
  });

  test('default location ./.mcp-hygiene-cache; --cache-location takes a file or a folder; written atomically', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeTree(dir, { ...PROJECT, 'build/.keep': '' });
      runCli(['scan'], { cwd: dir });
      assert.ok(!existsSync(join(dir, CACHE)), 'off by default');
      runCli(['scan', '--cache'], { cwd: dir });
      assert.equal(readCache(dir).tool, 'mcp-hygiene');
      runCli(['scan', '--cache', '--cache-location', 'build'], { cwd: dir });
      assert.equal(readCache(join(dir, 'build')).tool, 'mcp-hygiene');
      runCli(['scan', '--cache', '--cache-location', 'tmp/new/'], { cwd: dir });
      assert.equal(readCache(join(dir, 'tmp', 'new')).tool, 'mcp-hygiene');
      runCli(['scan', '--cache', '--cache-location', 'tmp/results.cache'], { cwd: dir });
      assert.equal(readCache(dir, 'tmp/results.cache').tool, 'mcp-hygiene');
      assert.deepEqual(readdirSync(join(dir, 'tmp')).sort(), ['new', 'results.cache'], 'no temporary files left');

      const misuse = runCli(['scan', '--cache-location', 'x.cache'], { cwd: dir });
      assert.equal(misuse.code, 2);
      assert.match(misuse.stderr, /--cache-location only makes sense with --cache/);
      assert.match(runCli(['--help'], { cwd: dir }).stdout, /--cache-location <path>/);
    } finally {
      cleanup();
    }
  });
});
