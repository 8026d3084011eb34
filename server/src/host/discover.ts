import { readdirSync, realpathSync, statSync, existsSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { homedir } from 'node:os';
import { DIALECTS, configFileGlobs } from '../dialects';
import type { UserEnvironment } from '../core/dialect';
import { UsageError } from './usageError';
import { compileGlob, globProblem, matchesIgnorePattern } from '../core/glob';
import { displaySafe } from '../common/displaySafe';
import { DEFAULT_CONFIG_FILE } from './settingsFile';
import { kindOf, readRegularTextFile, UnreadableFileError } from './readRegularFile';

/** A file the scan will read. */
export interface TargetFile {
  /** Absolute path: what is read and what the engine sees. */
  absolute: string;
  /** The path as given or found (relative to the given root), forward slashes: what is shown. */
  display: string;
  /** Named on the command line or matched by a glob argument: linted whatever its name. */
  explicit: boolean;
  /**
   * Found by a folder walk only because its name mentions MCP (`mcp.json`, `mcp-servers.yaml`):
   * linted when its content has a servers map, else left out without a word.
   */
  byContent?: boolean;
  /** --stdin: the bytes read from standard input; the file is never read or written. */
  stdin?: Buffer;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface DiscoverOptions {
  cwd: string;
  paths: readonly string[];
  /** --exclude and settings.ignoredPaths: matched against paths relative to cwd and to the walked root. */
  exclude: readonly string[];
  /** settings.additionalFiles: files a folder walk lints besides the dialects' own names (same matching as exclude). */
  include?: readonly string[];
  gitignore: boolean;
  userConfigs: boolean;
  env: Record<string, string | undefined>;
}

export interface Discovery {
  files: TargetFile[];
  skipped: SkippedFile[];
  /**
   * Real paths --fix may write in: the folders walked, the globs' bases, the files named
   * (their folders resolved, not the file itself) and the user configs' real files. A file
   * whose symbolic link leads outside all of them is read, never written.
   */
  writableRoots: string[];
}

/**
 * MCP_NAMED_GLOBS as a test of the last segment (the globs are `**` + a name pattern; a glob
 * automaton per walked file cost the corpus walk 20 ms), never the tool's own settings file.
 */
export const isMcpNamed = (relativePosix: string) => {
  const name = relativePosix.slice(relativePosix.lastIndexOf('/') + 1);
  return name !== DEFAULT_CONFIG_FILE && MCP_NAMED_NAME.test(name);
};
const MCP_NAMED_NAME = /mcp.*\.(?:jsonc?|ya?ml|toml)$/i;

/** Folders never walked: installed packages and git's own data. */
const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git']);

const toPosix = (path: string) => (sep === '\\' ? path.replace(/\\/g, '/') : path);

/** Larger .gitignore files are not applied (real ones are a few KB; the `ignore` package compiles every line). */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

/**
 * Finds the files to lint. Directories are walked for every dialect's globs (honouring
 * nested .gitignore files, --exclude and ignoredPaths, never entering node_modules or .git);
 * files are taken as given; glob arguments are expanded (their matches count as named).
 * A path that does not exist, or a glob that matches nothing, is a usage error.
 */
export function discover(options: DiscoverOptions): Discovery {
  const found = new Map<string, TargetFile>();
  const skipped: SkippedFile[] = [];
  const writableRoots: string[] = [];
  const excluded = patternsMatcher(options.exclude, '--exclude or ignoredPaths');
  const isExcluded = excluded
    ? (absolute: string, fromRoot: string) => excluded(toPosix(relative(options.cwd, absolute))) || (fromRoot !== '' && excluded(fromRoot))
    : () => false;
  const configMatcher = configFileMatcher();
  const included = patternsMatcher(options.include ?? [], 'additionalFiles');
  // A file both named on the command line and found as a guess counts as named (it is reported even when not a config).
  const add = (file: TargetFile) => {
    if (!found.has(file.absolute) || (found.get(file.absolute)!.byContent && !file.byContent)) found.set(file.absolute, file);
  };

  for (const given of options.paths) {
    const absolute = resolve(options.cwd, given);
    const stat = statOrUndefined(absolute);
    if (stat?.isFile()) {
      const display = toPosix(given);
      if (isExcluded(absolute, '')) skipped.push({ file: display, reason: 'matches an --exclude or ignoredPaths pattern' });
      else add({ absolute, display, explicit: true });
      writableRoots.push(join(realPath(dirname(absolute)), basename(absolute)));
      continue;
    }
    if (stat && !stat.isDirectory()) {
      skipped.push({ file: toPosix(given), reason: `not a regular file (${kindOf(stat)})` });
      continue;
    }
    if (stat?.isDirectory()) {
      writableRoots.push(realPath(absolute));
      const isIncluded = included ? (rel: string) => included(rel) || included(toPosix(relative(options.cwd, join(absolute, rel)))) : () => false;
      const byName = (rel: string) => configMatcher(rel) || isIncluded(rel);
      // MCP_NAMED_GLOBS: kept only when the content is an MCP config.
      const byContent = (rel: string) => isMcpNamed(rel) && !byName(rel);
      walk(absolute, given, {
        matcher: (rel) => byName(rel) || byContent(rel),
        byContent,
        explicit: false,
        isExcluded,
        gitignore: options.gitignore,
        add,
        skipped,
      });
      continue;
    }
    const scan = picomatch.scan(toPosix(given));
    if (scan.isGlob) {
      const base = scan.base === '' ? '.' : scan.base;
      const baseAbsolute = resolve(options.cwd, base);
      if (!statOrUndefined(baseAbsolute)?.isDirectory()) throw new UsageError(`No such directory: ${base} (in the glob ${given}).`);
      writableRoots.push(realPath(baseAbsolute));
      const globMatcher = picomatch(scan.glob, { dot: true });
      const before = found.size;
      walk(baseAbsolute, scan.base, { matcher: globMatcher, explicit: true, isExcluded, gitignore: options.gitignore, add, skipped });
      if (found.size === before) throw new UsageError(`No files match the glob ${given} (after .gitignore and --exclude).`);
      continue;
    }
    throw new UsageError(`No such file or directory: ${given}`);
  }

  if (options.userConfigs) {
    for (const absolute of userConfigFiles(options.env)) {
      if (isExcluded(absolute, '')) continue;
      add({ absolute, display: toPosix(absolute), explicit: true });
      // The user's own files, often links into a dotfiles repository: the link's target may be rewritten.
      writableRoots.push(realPath(absolute));
    }
  }

  const files = [...found.values()].sort((a, b) => compareStrings(a.display, b.display));
  return { files, skipped, writableRoots };
}

/**
 * Every dialect's globs as one test, built for a walk where almost no name is a config
 * name: globs are grouped by their last segment, so a file name is one map lookup; a
 * group's globs are compiled on its first hit, and a glob that is only "any folder, then
 * this name" needs no matching at all. Globs with a wildcard name (`.continue/mcpServers/*.yaml`)
 * are grouped by their parent folder's name the same way, so an ordinary `.json` file runs
 * no automaton (that cost the corpus walk ~30 ms).
 */
export function configFileMatcher(): (relativePosix: string) => boolean {
  // core/glob.ts rather than picomatch: picomatch's `**` never matches a folder name
  // holding a line break (its regex `.`), so such a folder hid its configs from the scan.
  const anyOf = (globs: readonly string[]) => {
    // `**/` + literal folders and name (most client paths): a case-insensitive suffix test, no automaton.
    const tails = globs.filter((glob) => glob.startsWith('**/') && !/[*?[\]{}\\]/.test(glob.slice(3))).map((glob) => glob.slice(3).toLowerCase());
    const others = globs.filter((glob) => !tails.includes(glob.slice(3).toLowerCase()) || !glob.startsWith('**/'));
    return (rel: string) => {
      const lower = rel.toLowerCase();
      return tails.some((tail) => lower === tail || lower.endsWith('/' + tail)) || others.some((glob) => compileGlob(glob).matches(rel));
    };
  };
  const isWild = (segment: string) => /[*?[\]{}]/.test(segment);
  const byName = new Map<string, string[]>();
  const byParent = new Map<string, string[]>();
  const wild: string[] = [];
  for (const glob of configFileGlobs()) {
    const segments = glob.toLowerCase().split('/');
    const name = segments[segments.length - 1];
    const parent = segments.length > 1 ? segments[segments.length - 2] : '';
    if (!isWild(name)) byName.set(name, [...(byName.get(name) ?? []), glob]);
    else if (parent && !isWild(parent) && parent !== '**') byParent.set(parent, [...(byParent.get(parent) ?? []), glob]);
    else wild.push(glob);
  }
  const compiled = new Map<string, (rel: string) => boolean>();
  const always = () => true;
  const wildName = wild.length ? anyOf(wild.map((g) => g.slice(g.lastIndexOf('/') + 1))) : () => false;
  let wildFull: ((rel: string) => boolean) | undefined;
  const compiledByParent = new Map<string, (rel: string) => boolean>();
  return (rel) => {
    const slash = rel.lastIndexOf('/');
    if (slash > 0 && byParent.size) {
      const parent = rel.slice(rel.lastIndexOf('/', slash - 1) + 1, slash).toLowerCase();
      const globs = byParent.get(parent);
      if (globs) {
        let matcher = compiledByParent.get(parent);
        if (!matcher) compiledByParent.set(parent, (matcher = anyOf(globs)));
        if (matcher(rel)) return true;
      }
    }
    const name = rel.slice(rel.lastIndexOf('/') + 1).toLowerCase();
    const globs = byName.get(name);
    if (globs) {
      let matcher = compiled.get(name);
      if (!matcher) {
        matcher = globs.some((g) => g.toLowerCase() === `**/${name}`) ? always : anyOf(globs);
        compiled.set(name, matcher);
      }
      if (matcher(rel)) return true;
    }
    if (wild.length === 0 || !wildName(name)) return false;
    wildFull ??= anyOf(wild);
    return wildFull(rel);
  };
}

interface WalkContext {
  matcher: (relativePosix: string) => boolean;
  /** Of the files the matcher takes, those kept only if their content is an MCP config. */
  byContent?: (relativePosix: string) => boolean;
  explicit: boolean;
  isExcluded: (absolute: string, fromRoot: string) => boolean;
  gitignore: boolean;
  add: (file: TargetFile) => void;
  skipped: SkippedFile[];
}

interface IgnoreScope {
  base: string;
  rules: Ignore;
}

function walk(root: string, displayBase: string, context: WalkContext): void {
  const scopes = context.gitignore ? ancestorGitignores(root, context.skipped) : [];
  const displayOf = (fromRoot: string) => {
    const joined = toPosix(join(displayBase === '' ? '.' : displayBase, fromRoot));
    return joined;
  };
  const visit = (dir: string, fromRoot: string, inherited: IgnoreScope[]) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      context.skipped.push({ file: displayOf(fromRoot) || '.', reason: `directory not readable (${errorCode(error)})` });
      return;
    }
    let scopesHere = inherited;
    if (context.gitignore && entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) {
      const rules = loadGitignore(join(dir, '.gitignore'), displayOf(fromRoot === '' ? '.gitignore' : `${fromRoot}/.gitignore`), context.skipped);
      if (rules) scopesHere = [...inherited, { base: dir, rules }];
    }
    for (const entry of entries) {
      const absolute = dir.endsWith(sep) ? dir + entry.name : dir + sep + entry.name;
      const childFromRoot = fromRoot === '' ? entry.name : `${fromRoot}/${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let special: Stats | undefined;
      if (entry.isSymbolicLink()) {
        // Linked files are read; linked folders are not entered (no cycles, as git and ripgrep do).
        const target = statOrUndefined(absolute);
        if (!target) {
          if (context.matcher(childFromRoot)) context.skipped.push({ file: displayOf(childFromRoot), reason: 'broken symbolic link' });
          continue;
        }
        isFile = target.isFile();
        isDir = false;
        if (!isFile && !target.isDirectory()) special = target;
      } else if (!isDir && !isFile) {
        special = statOrUndefined(absolute);
      }
      if (!isDir && !isFile && !special) continue;
      if (isDir && ALWAYS_SKIPPED_DIRS.has(entry.name)) continue;
      if (isIgnored(scopesHere, absolute, isDir)) continue;
      if (context.isExcluded(absolute, childFromRoot)) continue;
      if (isDir) visit(absolute, childFromRoot, scopesHere);
      else if (context.matcher(childFromRoot)) {
        // A FIFO or device named like a config is listed, never opened (a FIFO would block the scan).
        if (special) context.skipped.push({ file: displayOf(childFromRoot), reason: `not a regular file (${kindOf(special)})` });
        else
          context.add({
            absolute,
            display: displayOf(childFromRoot),
            explicit: context.explicit,
            ...(context.byContent?.(childFromRoot) ? { byContent: true } : {}),
          });
      }
    }
  };
  visit(root, '', scopes);
}

/** Git semantics: the deepest .gitignore with an opinion (ignore or `!` re-include) decides. */
function isIgnored(scopes: readonly IgnoreScope[], absolute: string, isDir: boolean): boolean {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i];
    if (!absolute.startsWith(scope.base) || absolute[scope.base.length] !== sep) continue;
    const rel = toPosix(absolute.slice(scope.base.length + 1));
    const result = scope.rules.test(isDir ? rel + '/' : rel);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

/**
 * When the walked folder sits inside a git work tree, the .gitignore files between the
 * repository root and it apply too (the folder's own one is read by the walk).
 */
function ancestorGitignores(root: string, skipped: SkippedFile[]): IgnoreScope[] {
  const chain: string[] = [];
  let dir = dirname(root);
  let repoFound = existsSync(join(root, '.git'));
  while (!repoFound) {
    chain.unshift(dir);
    if (existsSync(join(dir, '.git'))) {
      repoFound = true;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (!repoFound) return [];
  const scopes: IgnoreScope[] = [];
  for (const base of chain) {
    const file = join(base, '.gitignore');
    if (!existsSync(file)) continue;
    const rules = loadGitignore(file, toPosix(file), skipped);
    if (rules) scopes.push({ base, rules });
  }
  return scopes;
}

/**
 * A .gitignore that cannot be read as a bounded regular file (a FIFO, a link to /dev/zero, a
 * huge one) is not applied and is listed under Skipped: the scan then reads more, never hangs.
 */
function loadGitignore(file: string, display: string, skipped: SkippedFile[]): Ignore | undefined {
  let text: string;
  try {
    text = readRegularTextFile(file, MAX_GITIGNORE_BYTES);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    if (error.reason !== 'not-found') skipped.push({ file: display, reason: `${error.message}; its ignore rules are not applied` });
    return undefined;
  }
  try {
    return ignore().add(text);
  } catch {
    return undefined;
  }
}

/**
 * --exclude / ignoredPaths (and additionalFiles, which adds files the same way), in the glob dialect of core/glob.ts (a name without a `/`
 * matches any folder or file so named, as in .gitignore). A folder that matches is not
 * entered. A pattern too complex to match safely is a usage error.
 */
function patternsMatcher(patterns: readonly string[], optionName: string): ((relativePosix: string) => boolean) | undefined {
  const cleaned = patterns.filter((p) => p.trim().length > 0);
  if (cleaned.length === 0) return undefined;
  for (const pattern of cleaned) {
    const problem = globProblem(pattern);
    if (problem) throw new UsageError(`Cannot use the ${optionName} pattern ${displaySafe(pattern.slice(0, 80))}…: ${problem}`);
  }
  return (rel) => cleaned.some((pattern) => matchesIgnorePattern(pattern, rel));
}

/**
 * The machine's user-level client configs (`--user-configs`): every dialect's
 * userConfigPaths for this user, keeping the files that exist.
 */
export function userConfigFiles(env: Record<string, string | undefined>): string[] {
  const where: UserEnvironment = {
    home: env.HOME || env.USERPROFILE || homedir(),
    appData: env.APPDATA || undefined,
    platform: process.platform,
    xdgConfigHome: env.XDG_CONFIG_HOME || undefined,
  };
  const files = new Set<string>();
  for (const dialect of DIALECTS) {
    let paths: readonly string[] = [];
    try {
      paths = dialect.userConfigPaths?.(where) ?? [];
    } catch {
      continue;
    }
    for (const path of paths) {
      if (isAbsolute(path) && statOrUndefined(path)?.isFile()) files.add(path);
    }
  }
  return [...files].sort(compareStrings);
}

/** The path with every link resolved, or the path itself when it cannot be resolved. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
