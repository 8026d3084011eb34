import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DIALECTS } from '../../../server/src/engine';
import { assertNoLeak } from '../../fuzz/lib/assertNoLeak';
import { plantedConfig } from '../../fuzz/lib/planted';
import { dialectTargets } from '../../fuzz/lib/dialectPaths';
import { fuzzSeed } from '../../fuzz/lib/config';
import { REPO_ROOT } from '../../fuzz/lib/corpus';

/**
 * The CLI's reports (text, JSON, SARIF, the --fix --dry-run diff, a --write-baseline file)
 * never contain a planted secret: the same planted config as the engine test, written at
 * every dialect's path in a temporary project, scanned in every format.
 */
const hasCli = existsSync(join(REPO_ROOT, 'server', 'src', 'cli-main.ts'));

/**
 * SARIF partialFingerprints and baseline entries are sha256 digests (64 hex characters)
 * that never include a secret value, not even hashed (cli/fingerprints.ts). A megabyte of
 * hex matches 5-character windows of random secrets by chance, so digests are blanked
 * before the check; every other character of the output is checked.
 */
const withoutDigests = (text: string) => text.replace(/\b[0-9a-f]{64}\b/g, '<sha256>');

test('CLI output in every format (and the dry-run diff and a baseline) discloses no planted secret', { skip: !hasCli && 'no CLI in this tree' }, async () => {
  const { main } = (await import('../../../server/src/cli/main')) as { main: (argv: readonly string[], io: unknown) => number };
  const planted = plantedConfig(fuzzSeed() + 3);
  const root = mkdtempSync(join(tmpdir(), 'mcp-hygiene-leak-'));
  try {
    let files = 0;
    for (const { dialect, paths } of dialectTargets(DIALECTS)) {
      const text = dialect.syntax === 'json' ? planted.texts.json : dialect.syntax === 'toml' ? planted.texts.toml : planted.texts.yamlList;
      // Lay the file out relative to the project root (strip the synthetic /work/proj or /home/user prefix).
      const relative = paths[0].replace(/^\/(?:work\/proj|home\/user)\//, '').replace(/^\//, '');
      const target = join(root, relative);
      if (existsSync(target)) continue;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      files++;
    }
    const run = (args: string[]) => {
      let out = '';
      const io = { cwd: root, env: {}, stdout: { write: (t: string) => (out += t), isTTY: false }, stderr: { write: (t: string) => (out += t), isTTY: false } };
      const code = main(args, io);
      return { code, out };
    };
    let checked = 0;
    for (const format of ['text', 'json', 'sarif']) {
      const { code, out } = run(['scan', '--format', format, '--no-gitignore', '--fail-on', 'none', '.']);
      assert.equal(code, 0, out.slice(0, 300));
      assert.ok(out.length > 1000, `${format} output is suspiciously short`);
      assertNoLeak(withoutDigests(out), planted.secrets, { label: `CLI --format ${format}` });
      checked += out.length;
    }
    const dry = run(['scan', '--fix', '--dry-run', '--no-gitignore', '--fail-on', 'none', '.']);
    assertNoLeak(dry.out, planted.secrets, { label: 'CLI --fix --dry-run' });
    const baseline = join(root, 'baseline.json');
    run(['scan', '--write-baseline', baseline, '--no-gitignore', '--fail-on', 'none', '.']);
    if (existsSync(baseline)) {
      const { readFileSync } = await import('node:fs');
      assertNoLeak(withoutDigests(readFileSync(baseline, 'utf8')), planted.secrets, { label: 'CLI baseline file' });
    }
    console.log(
      `# CLI no-leak: ${files} planted files, ${planted.secrets.length} secrets, ${checked} characters of text/JSON/SARIF checked, plus the dry-run diff and a baseline`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
