/**
 * Shared helpers for the CLI suite: run main() in-process with captured output, lay out
 * corpus files at their original repository paths, and build the bundle once when a test
 * needs the real binary.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
export function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined>; tty?: boolean; stdin?: string }): CliRun {
  let stdout = '';
  let stderr = '';
  const stdin = options.stdin === undefined ? undefined : Buffer.from(options.stdin, 'utf8');
  const code = main(args, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false },
    ...(stdin ? { readStdin: (limit: number) => (stdin.length > limit ? undefined : stdin) } : {}),
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
  const lines = readFileSync(join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim());
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

/**
 * Copies this working tree as a fresh checkout of it would hold it: tracked and new files
 * (uncommitted edits included), nothing ignored, built or installed. Returns `dir`.
 */
export function copyWorkingTree(dir: string): string {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    // Deleted but not yet staged files are listed; node_modules is a symlink in worktrees.
    if (file === 'node_modules' || !existsSync(join(REPO_ROOT, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(REPO_ROOT, file), join(dir, file));
  }
  return dir;
}

/** A git repository at `dir` holding `files` in one commit, as a checkout leaves it. Returns `dir`. */
export function committedRepository(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  writeTree(dir, files);
  for (const args of [
    ['init', '-q'],
    ['add', '.'],
    ['commit', '-qm', 'files'],
  ]) {
    const git = spawnSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', ...args], { cwd: dir, encoding: 'utf8' });
    if (git.status !== 0) throw new Error(`git ${args[0]} failed: ${git.stderr}`);
  }
  return dir;
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
