/**
 * Shared helpers for the CLI suite: run main() in-process with captured output, lay out
 * corpus files at their original repository paths, and build the bundle once when a test
 * needs the real binary.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { main } from '../../server/src/cli/main';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const CORPUS_DIR = '/work/shared/corpus/real';
export const SARIF_SCHEMA = join(REPO_ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process (no build, no child process) with its own cwd and environment. */
export function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined>; tty?: boolean }): CliRun {
  let stdout = '';
  let stderr = '';
  const code = main(args, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false },
  });
  return { code, stdout, stderr };
}

/** A fresh temporary directory, removed by the returned cleanup function. */
export function tempDir(prefix = 'mcp-hygiene-cli-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes files (path -> content) under a directory, creating folders. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

export interface CorpusEntry {
  /** File name inside the corpus folder. */
  file: string;
  repo: string;
  /** Path inside its original repository. */
  path: string;
}

export function corpusManifest(): CorpusEntry[] {
  const lines = readFileSync(join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1).filter((l) => l.trim());
  return lines.map((line) => {
    const [file, repo, path] = line.split('\t');
    return { file, repo, path };
  });
}

/** Copies the corpus into `root`, each file at <root>/<repo>/<path>; returns the relative paths. */
export function layOutCorpus(root: string): string[] {
  const placed: string[] = [];
  for (const entry of corpusManifest()) {
    const rel = `${entry.repo}/${entry.path}`;
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    cpSync(join(CORPUS_DIR, entry.file), join(root, rel));
    placed.push(rel);
  }
  return placed;
}

let built = false;
/** Builds dist/cli.js once per test process (for tests that need the real binary). */
export function buildCliOnce(): string {
  if (!built) {
    const result = spawnSync(process.execPath, ['scripts/build.mjs', '--cli-only'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`CLI build failed:\n${result.stdout}\n${result.stderr}`);
    built = true;
  }
  return join(REPO_ROOT, 'dist', 'cli.js');
}

/** A GitHub token, assembled at run time so no literal token sits in the repository. */
export const FAKE_GITHUB_TOKEN = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
