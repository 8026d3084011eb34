import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import { fixAll } from '../../server/src/engine';
import { maskLine, unifiedDiff } from '../../server/src/cli/diff';
import { FAKE_GITHUB_TOKEN, layOutCorpus, runCli, tempDir } from './helpers';

function snapshot(dir: string, files: readonly string[]): Map<string, Buffer> {
  return new Map(files.map((f) => [f, readFileSync(join(dir, f))]));
}

/** What --fix must produce for one file: the engine's fix-all, with the BOM kept. */
function expectedFix(dir: string, file: string, bytes: Buffer): { text: string; applied: string[] } {
  const decoded = bytes.toString('utf8');
  const bom = decoded.startsWith('\uFEFF') ? '\uFEFF' : '';
  const result = fixAll(bom ? decoded.slice(1) : decoded, join(dir, file));
  return { text: bom + result.text, applied: result.applied };
}

test('--fix --dry-run over the corpus prints a diff per fixable file and changes no byte', () => {
  const { dir, cleanup } = tempDir();
  try {
    const files = layOutCorpus(dir);
    const before = snapshot(dir, files);
    const plain = runCli(['scan', '.'], { cwd: dir });
    const run = runCli(['scan', '.', '--fix', '--dry-run'], { cwd: dir });
    assert.equal(run.code, plain.code, 'the exit code reflects the unchanged files');
    for (const [file, bytes] of before) assert.ok(readFileSync(join(dir, file)).equals(bytes), `${file} changed`);
    const linted = new Set(JSON.parse(runCli(['scan', '.', '-f', 'json'], { cwd: dir }).stdout).findings.map((f: { file: string }) => f.file));
    let diffs = 0;
    for (const file of linted as Set<string>) {
      const expected = expectedFix(dir, file, before.get(file)!);
      const shown = run.stdout.includes(`--- a/${file}\n+++ b/${file}\n`);
      assert.equal(shown, expected.applied.length > 0, file);
      if (shown) diffs++;
    }
    if (diffs === 0) assert.match(run.stdout, /^No safe fixes to apply\.$/m);
  } finally {
    cleanup();
  }
});

test('--fix over the corpus applies exactly the engine fix-all, reports it, and a second run changes nothing', () => {
  const { dir, cleanup } = tempDir();
  try {
    const files = layOutCorpus(dir);
    const before = snapshot(dir, files);
    const expected = new Map(files.map((f) => [f, expectedFix(dir, f, before.get(f)!)]));
    const linted = new Set<string>(JSON.parse(runCli(['scan', '.', '-f', 'json'], { cwd: dir }).stdout).findings.map((f: { file: string }) => f.file));
    const run = runCli(['scan', '.', '--fix', '--fail-on', 'none'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    for (const file of files) {
      const now = readFileSync(join(dir, file));
      const want = expected.get(file)!;
      if (linted.has(file) && want.applied.length > 0) {
        assert.equal(now.toString('utf8'), want.text, file);
        assert.ok(run.stdout.includes(`Fixed ${file}:\n${want.applied.map((t) => `  - ${t}\n`).join('')}`), file);
      } else {
        assert.ok(now.equals(before.get(file)!), `${file} must be untouched`);
      }
    }
    const afterFirst = snapshot(dir, files);
    const again = runCli(['scan', '.', '--fix', '--fail-on', 'none'], { cwd: dir });
    assert.match(again.stdout, /^Nothing to fix: no safe fixes apply\.$/m);
    for (const [file, bytes] of afterFirst) assert.ok(readFileSync(join(dir, file)).equals(bytes), `${file} changed on the second run`);
  } finally {
    cleanup();
  }
});

test('--fix keeps a BOM and CRLF line endings: bytes outside the edits are preserved', () => {
  const { dir, cleanup } = tempDir();
  try {
    const files = layOutCorpus(dir);
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').replace(/\n/g, '\r\n');
      writeFileSync(join(dir, file), '\uFEFF' + text);
    }
    const before = snapshot(dir, files);
    const expected = new Map(files.map((f) => [f, expectedFix(dir, f, before.get(f)!)]));
    runCli(['scan', '.', '--fix'], { cwd: dir });
    for (const file of files) {
      const now = readFileSync(join(dir, file));
      assert.deepEqual([...now.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${file} lost its BOM`);
      const want = expected.get(file)!;
      if (want.applied.length === 0) assert.ok(now.equals(before.get(file)!), file);
    }
  } finally {
    cleanup();
  }
});

test('the unified diff applies back onto the original (LF and CRLF), with a/ b/ headers', () => {
  const before = '{\n  "servers": {\n    "a": { "url": "http://x" }\n  }\n}\n';
  const after = '{\n  "servers": {\n    "a": { "url": "https://x" }\n  }\n}\n';
  const patch = unifiedDiff('dir/.vscode/mcp.json', before, after, []);
  assert.match(patch, /^--- a\/dir\/\.vscode\/mcp\.json\n\+\+\+ b\/dir\/\.vscode\/mcp\.json\n@@ -1,5 \+1,5 @@\n/);
  assert.equal(applyPatch(before, patch), after);
  const crlf = (s: string) => s.replace(/\n/g, '\r\n');
  assert.equal(applyPatch(crlf(before), unifiedDiff('f.json', crlf(before), crlf(after), [])), crlf(after));
});

test('diff lines never show a secret: known values and secret-looking literals are masked', () => {
  const line = `-      "env": { "GITHUB_TOKEN": "${FAKE_GITHUB_TOKEN}", "NAME": "plain" }`;
  const masked = maskLine(line, []);
  assert.ok(!masked.includes(FAKE_GITHUB_TOKEN.slice(6)), masked);
  assert.ok(masked.includes('"NAME": "plain"'));
  const custom = 'pw-Very-Secret-1234';
  assert.ok(!maskLine(`+  password: ${custom}`, [custom]).includes(custom));
  const patch = unifiedDiff('x.json', `{"env": {"A": "${FAKE_GITHUB_TOKEN}"}}\n`, `{"env": {"A": "\${env:A}"}}\n`, [FAKE_GITHUB_TOKEN]);
  assert.ok(!patch.includes(FAKE_GITHUB_TOKEN.slice(6)), patch);
});
