/**
 * The engine never runs a program, opens a connection or resolves a name, whatever the
 * config says (a config is a list of commands and URLs: reading it must never act on it).
 * The recorders are installed at module level, BEFORE the engine is imported (dynamically,
 * below), so load-time calls and functions captured at import are caught too.
 * This file imports nothing from server/ statically.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { installSandbox, isLoaderCall, type SandboxCall } from '../../fuzz/lib/sandbox';

const sandbox = installSandbox();
after(() => sandbox.restore());

const engineCalls = (): SandboxCall[] => sandbox.calls.filter((c) => !isLoaderCall(c));
const describe = (calls: readonly SandboxCall[]) => calls.map((c) => `${c.api}(${c.target})\n${c.stack.split('\n').slice(1, 6).join('\n')}`).join('\n\n');

test('the sandbox records what it blocks (self-check)', async () => {
  const childProcess = await import('node:child_process');
  const before = sandbox.calls.length;
  assert.throws(() => childProcess.execSync('echo hi'), /sandbox/);
  assert.throws(() => (globalThis.fetch as unknown as () => void)(), /sandbox/);
  assert.equal(sandbox.calls.length, before + 2);
  sandbox.calls.splice(before, 2);
});

test('loading the engine, linting every corpus file and fixture at its path, and fixAll make zero process, network or file-write calls', async () => {
  const engine = await import('../../../server/src/engine');
  const { loadCorpus, loadFixtures } = await import('../../fuzz/lib/corpus');
  const { plantedConfig } = await import('../../fuzz/lib/planted');
  const { dialectTargets } = await import('../../fuzz/lib/dialectPaths');
  assert.deepEqual(engineCalls(), [], 'at load time:\n' + describe(engineCalls()));
  const files = [...loadCorpus(), ...loadFixtures()];
  // Also a config full of launchers, URLs and settings that enable network lookups.
  const planted = plantedConfig(7);
  const networkOn = engine.parseSettings({ network: true }).settings;
  for (const { dialect, paths } of dialectTargets(engine.DIALECTS)) {
    const text = dialect.syntax === 'json' ? planted.texts.json : dialect.syntax === 'toml' ? planted.texts.toml : planted.texts.yaml;
    files.push({ name: `planted ${dialect.id}`, lintPath: paths[0], text });
  }
  let findings = 0;
  for (const file of files) {
    const found = engine.lint(file.text, file.lintPath, networkOn);
    findings += found.length;
    const fixed = engine.fixAll(file.text, file.lintPath, networkOn);
    engine.analyze(fixed.text, file.lintPath);
    for (const finding of found) for (const fix of finding.fixes) engine.applyFix(file.text, fix);
  }
  console.log(
    `# no-execution: ${files.length} files linted (${findings} findings), fixAll and every fix applied; ${sandbox.calls.length - engineCalls().length} loader calls ignored`,
  );
  assert.deepEqual(
    engineCalls().map((c) => c.api),
    [],
    describe(engineCalls()),
  );
});

test('the CLI scanning the corpus (text, JSON, SARIF) makes zero process or network calls', async () => {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join, dirname } = await import('node:path');
  const { loadCorpus } = await import('../../fuzz/lib/corpus');
  let main: ((argv: readonly string[], io: unknown) => number) | undefined;
  try {
    ({ main } = (await import('../../../server/src/cli/main')) as unknown as { main: typeof main });
  } catch {
    return; // no CLI in this tree
  }
  // Lay the corpus out (the test's own writes happen outside server code and are not recorded).
  const root = mkdtempSync(join(tmpdir(), 'mcp-hygiene-noexec-'));
  try {
    for (const file of loadCorpus()) {
      const target = join(root, file.lintPath.replace(/^\/repos\//, ''));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.text);
    }
    const before = engineCalls().length;
    for (const format of ['text', 'json', 'sarif']) {
      let out = '';
      const io = { cwd: root, env: {}, stdout: { write: (t: string) => (out += t), isTTY: false }, stderr: { write: (t: string) => (out += t), isTTY: false } };
      const code = main!(['scan', '--format', format, '--no-gitignore', '--fail-on', 'none', root], io);
      assert.equal(code, 0, out.slice(0, 500));
    }
    const calls = engineCalls().slice(before);
    assert.deepEqual(
      calls.map((c) => c.api),
      [],
      describe(calls),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
