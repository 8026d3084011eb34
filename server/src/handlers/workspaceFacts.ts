import { execFile } from 'node:child_process';
import { readRegularTextFile, UnreadableFileError } from '../host/readRegularFile';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseSettings, type Settings } from '../common/settings';
import type { Policy } from '../common/policy';
import type { GitState } from '../core/rule';
import { DEFAULT_CONFIG_FILE, loadPolicyFile, MAX_SETTINGS_FILE_BYTES, parseSettingsFileText } from '../host/settingsFile';
import type { Logger } from './runSafe';

/** What the server adds to one file's lint besides the VS Code settings. */
export interface FileFacts {
  settings: Settings;
  policy?: Policy;
  gitState: GitState;
}

export interface WorkspaceFactsOptions {
  logger: Logger;
  /** Restricted mode: `.mcp-hygiene.json` and a workspace policy file are not read. */
  untrusted: boolean;
  /** Problems for the user (shown once each). */
  report(problem: string): void;
  /** Runs `git` (injectable for tests); default: execFile with a timeout. */
  git?: (cwd: string, args: string[]) => Promise<string>;
}

interface GitFolder {
  tracked: Set<string>;
  /** Ignored files and folders (folders end in '/'), relative to the folder, forward slashes. */
  ignored: string[];
}

const GIT_TIMEOUT_MS = 5_000;

/**
 * Per-workspace facts the engine cannot find out itself (it never does I/O): whether git
 * tracks a file, the workspace's `.mcp-hygiene.json` (shared loader with the CLI) and the
 * organisation policy file. Everything is read once and re-read only when the watched file
 * changes; git runs once per folder (`git ls-files`, bounded by a timeout), never per keystroke.
 */
export class WorkspaceFacts {
  private git = new Map<string, GitFolder | null>();
  private fileSettings = new Map<string, Record<string, unknown> | null>();
  private policies = new Map<string, Policy | null>();

  constructor(private readonly options: WorkspaceFactsOptions) {}

  /** Loads git's file lists for these folders (each at most once until invalidated). */
  async loadGit(folders: readonly string[]): Promise<boolean> {
    // Restricted Mode: git reads the repository's own .git/config (core.fsmonitor,
    // core.hooksPath...), so running it would run code the cloned repository chose.
    if (this.options.untrusted) return false;
    let changed = false;
    await Promise.all(
      folders.map(async (folder) => {
        if (this.git.has(folder)) return;
        this.git.set(folder, null);
        try {
          const run = this.options.git ?? runGit;
          const tracked = await run(folder, ['ls-files', '-z', '--cached']);
          const ignored = await run(folder, ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory']);
          this.git.set(folder, { tracked: new Set(split(tracked)), ignored: split(ignored) });
          changed = true;
        } catch {
          // Not a repository, or no git: every file's state stays unknown.
        }
      }),
    );
    return changed;
  }

  /** A watched file changed: forget what depended on it. Returns true if anything was dropped. */
  invalidate(path: string): boolean {
    const posix = path.replace(/\\/g, '/');
    let dropped = false;
    if (/\/\.git\/index$/.test(posix) || /\/\.gitignore$/.test(posix)) {
      for (const folder of [...this.git.keys()]) {
        if (posix.startsWith(folder.replace(/\\/g, '/') + '/')) {
          this.git.delete(folder);
          dropped = true;
        }
      }
    }
    if (posix.endsWith('/' + DEFAULT_CONFIG_FILE)) {
      dropped = this.fileSettings.delete(posix.slice(0, -DEFAULT_CONFIG_FILE.length - 1)) || dropped;
      dropped = this.fileSettings.delete(path.slice(0, -DEFAULT_CONFIG_FILE.length - 1)) || dropped;
    }
    if (this.policies.delete(path)) dropped = true;
    return dropped;
  }

  /** Drops everything (settings or folders changed). */
  clear(): void {
    this.git.clear();
    this.fileSettings.clear();
    this.policies.clear();
  }

  gitState(path: string, folders: readonly string[]): GitState {
    const folder = containingFolder(path, folders);
    if (!folder) return 'unknown';
    const git = this.git.get(folder);
    if (!git) return 'unknown';
    const rel = toPosix(relative(folder, path));
    if (git.tracked.has(rel)) return 'tracked';
    if (git.ignored.some((entry) => (entry.endsWith('/') ? rel.startsWith(entry) : rel === entry))) return 'ignored';
    return 'untracked';
  }

  /** Settings for one file: VS Code's, merged with the folder's `.mcp-hygiene.json`; the policy; git state. */
  factsFor(path: string, settings: Settings, folders: readonly string[]): FileFacts {
    const folder = containingFolder(path, folders);
    let merged = settings;
    if (folder && !this.options.untrusted) {
      const raw = this.readFileSettings(folder);
      if (raw) merged = mergeSettings(settings, raw, folder);
    }
    // In an untrusted workspace VS Code already drops workspace values of restricted settings
    // (package.json `restrictedConfigurations`), so a policyFile here comes from the user.
    const policyPath = merged.policyFile ? resolvePolicy(merged.policyFile, folder) : undefined;
    const policy = policyPath ? this.readPolicy(policyPath) : undefined;
    return { settings: merged, ...(policy ? { policy } : {}), gitState: this.gitState(path, folders) };
  }

  private readFileSettings(folder: string): Record<string, unknown> | null {
    if (this.fileSettings.has(folder)) return this.fileSettings.get(folder)!;
    const file = join(folder, DEFAULT_CONFIG_FILE);
    let value: Record<string, unknown> | null = null;
    let text: string | undefined;
    try {
      text = readRegularTextFile(file, MAX_SETTINGS_FILE_BYTES);
    } catch (error) {
      // Committed FIFOs and links to /dev/zero are refused by readRegularTextFile, never read.
      if (!(error instanceof UnreadableFileError) || error.reason !== 'not-found')
        this.options.report(`Cannot read ${file}: ${(error as Error).message}. Its settings are not applied.`);
    }
    if (text !== undefined) {
      const parsed = parseSettingsFileText(text, file);
      parsed.problems.forEach((p) => this.options.report(p));
      if (parsed.error) this.options.report(parsed.error);
      else value = parsed.raw;
    }
    this.fileSettings.set(folder, value);
    return value;
  }

  private readPolicy(path: string): Policy | undefined {
    if (this.policies.has(path)) return this.policies.get(path) ?? undefined;
    const { policy, problems } = loadPolicyFile(path);
    problems.forEach((p) => this.options.report(p));
    this.policies.set(path, policy ?? null);
    return policy;
  }
}

/**
 * `.mcp-hygiene.json` values complement the editor settings: lists are joined, rule levels
 * from the editor win, the policy file is taken from the file when the editor names none.
 */
function mergeSettings(settings: Settings, raw: Record<string, unknown>, folder: string): Settings {
  const file = parseSettings(raw).settings;
  const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
  return {
    ...settings,
    rules: { ...('rules' in raw ? file.rules : {}), ...settings.rules },
    ignoredPaths: union(settings.ignoredPaths, 'ignoredPaths' in raw ? file.ignoredPaths : []),
    trustedPackages: union(settings.trustedPackages, 'trustedPackages' in raw ? file.trustedPackages : []),
    trustedHosts: union(settings.trustedHosts, 'trustedHosts' in raw ? file.trustedHosts : []),
    trustedPublishers: union(settings.trustedPublishers, 'trustedPublishers' in raw ? file.trustedPublishers : []),
    trustedRegistries: union(settings.trustedRegistries, 'trustedRegistries' in raw ? file.trustedRegistries : []),
    suppressions: [...settings.suppressions, ...('suppressions' in raw ? file.suppressions : [])],
    policyFile: settings.policyFile || ('policyFile' in raw && file.policyFile ? resolve(folder, file.policyFile) : ''),
  };
}

function resolvePolicy(policyFile: string, folder: string | undefined): string | undefined {
  if (isAbsolute(policyFile)) return policyFile;
  return folder ? resolve(folder, policyFile) : undefined;
}

/** The innermost workspace folder holding `path`. */
export function containingFolder(path: string, folders: readonly string[]): string | undefined {
  const posix = toPosix(path).toLowerCase();
  let best: string | undefined;
  for (const folder of folders) {
    const root = toPosix(folder).replace(/\/+$/, '').toLowerCase();
    if (posix.startsWith(root + '/') && (!best || folder.length > best.length)) best = folder;
  }
  return best;
}

function toPosix(path: string): string {
  return sep === '\\' ? path.replace(/\\/g, '/') : path;
}

function split(output: string): string[] {
  return output.split('\0').filter(Boolean);
}

/**
 * Repository config keys that make git run a program. `ls-files` consults the fsmonitor hook
 * (core.fsmonitor) on every call; the rest are neutralised too in case a later git version
 * reaches them from ls-files. `-c` on the command line beats every config file.
 */
const NEUTRALISED_GIT_CONFIG = ['core.fsmonitor=false', 'core.hooksPath=/dev/null', 'core.sshCommand=', 'core.pager=cat', 'diff.external='];

function runGit(cwd: string, args: string[]): Promise<string> {
  const neutralised = NEUTRALISED_GIT_CONFIG.flatMap((setting) => ['-c', setting]);
  return new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      [...neutralised, ...args],
      {
        cwd,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
        timeout: GIT_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
        windowsHide: true,
      },
      (error, stdout) => {
        if (error) reject(error);
        else resolvePromise(stdout);
      },
    );
  });
}
