/**
 * The one glob dialect of `ignoredPaths`, `--exclude` and `suppressions[].file`, matched
 * in time linear in the path: these patterns come from settings files a repository
 * controls, and a backtracking matcher (a regular expression, or picomatch's compiled one)
 * spends minutes on `*a*a*a*a*b` against a long folder name.
 *
 * Syntax (picomatch's, with `dot: true`, for what it shares):
 * - `*` any run of characters within one segment (dot files included), `?` one character,
 *   `[abc]`, `[a-z]`, `[!a]` / `[^a]` one character of a set (never `/`);
 * - `**` as a whole segment: any number of segments, none included (`a/**\/b` matches `a/b`);
 *   elsewhere (`a**b`) it is a `*`;
 * - `{a,b}` alternatives, nested allowed; a `{` without a matching `}` and a comma is literal;
 * - `\` is a path separator, as in a Windows path (`[*]` matches a literal star);
 * - everything else is literal (picomatch's extglobs `+(a|b)`, ranges `{1..3}` and a
 *   leading `!` have no meaning here);
 * - case-insensitive, as Windows and macOS file systems are.
 *
 * The pattern compiles to a small automaton (one state per token) that is run over the
 * path once, keeping the set of live states: the work is at most path length × states.
 * Patterns are bounded (length, alternatives after brace expansion) so the state count is.
 * Pure: no I/O.
 */

/** Longest pattern accepted. */
export const MAX_GLOB_LENGTH = 1024;
/** Most alternatives `{…}` may expand to. */
export const MAX_GLOB_ALTERNATIVES = 64;

/** Most characters all alternatives together may hold after brace expansion. */
export const MAX_GLOB_EXPANDED_LENGTH = 4096;

/** A state of the automaton: moves that read one character, and moves that read none. */
interface State {
  reads: Array<{ accepts: (char: string) => boolean; to: number }>;
  free: number[];
}

export interface CompiledGlob {
  /** Whether the whole path matches; with `orParentFolder`, also when one of its parent folders does. */
  matches(path: string, options?: { orParentFolder?: boolean; work?: { steps: number } }): boolean;
}

/** Why a pattern cannot be used (too long, too many alternatives), or undefined. */
export function globProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_GLOB_LENGTH) return `The pattern is longer than ${MAX_GLOB_LENGTH} characters. Shorten it or split it into several patterns.`;
  const alternatives = expandBraces(pattern);
  if (alternatives === undefined)
    return `The pattern's {…} alternatives expand to more than ${MAX_GLOB_ALTERNATIVES} patterns. Split it into several patterns.`;
  if (alternatives.reduce((total, alternative) => total + alternative.length, 0) > MAX_GLOB_EXPANDED_LENGTH)
    return `The pattern's {…} alternatives expand to more than ${MAX_GLOB_EXPANDED_LENGTH} characters. Split it into several patterns.`;
  return undefined;
}

const compiledCache = new Map<string, CompiledGlob>();
const MATCHES_NOTHING: CompiledGlob = { matches: () => false };

/** The pattern compiled; one with a `globProblem` matches nothing. */
export function compileGlob(pattern: string): CompiledGlob {
  let compiled = compiledCache.get(pattern);
  if (compiled) return compiled;
  const alternatives = globProblem(pattern) ? undefined : expandBraces(normalizeSeparators(pattern).toLowerCase());
  compiled = alternatives ? automaton(alternatives) : MATCHES_NOTHING;
  if (compiledCache.size > 1000) compiledCache.clear();
  compiledCache.set(pattern, compiled);
  return compiled;
}

/** Forward slashes, no `./` in front, no repeated or trailing slash. */
export function normalizeSeparators(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/(.)\/+$/, '$1');
}

/** Whether the pattern is anchored at a file-system root (`/x`, `C:/x`, `//server/x`). */
export function isAbsoluteGlob(pattern: string): boolean {
  return /^(?:[\\/]|[a-zA-Z]:[\\/])/.test(pattern.trim());
}

/**
 * An ignore list (`ignoredPaths`, `--exclude`) against a path relative to the folder the
 * patterns belong to, as .gitignore reads them: a pattern without a `/` matches any name
 * on the path (`fixtures` skips every folder so named), one with a `/` the path from the
 * folder; a folder that matches takes its content with it.
 */
export function matchesIgnorePattern(pattern: string, relativePath: string): boolean {
  const cleaned = normalizeSeparators(pattern.trim());
  const path = normalizeSeparators(relativePath);
  if (cleaned === '' || cleaned === '/' || path === '') return false;
  // Decided on the pattern as written: `./name` has a `/`, so it names the folder's own file.
  const anchored = pattern.replace(/\\/g, '/').includes('/') ? cleaned : `**/${cleaned}`;
  return compileGlob(anchored).matches(path, { orParentFolder: true });
}

/**
 * A `suppressions[].file` pattern against a file's absolute path: an absolute pattern
 * matches the whole path, a relative one a tail of whole segments (`mcp.json`,
 * `.vscode/mcp.json`, `**\/mcp.json`).
 */
export function matchesFilePattern(pattern: string, absolutePath: string): boolean {
  const cleaned = normalizeSeparators(pattern.trim());
  if (cleaned === '') return false;
  return compileGlob(isAbsoluteGlob(cleaned) ? cleaned : `**/${cleaned}`).matches(normalizeSeparators(absolutePath));
}

/** `{a,b}` expanded (nested too), or undefined past MAX_GLOB_ALTERNATIVES. */
function expandBraces(pattern: string): string[] | undefined {
  const open = findBraceGroup(pattern);
  if (!open) return [pattern];
  const { start, end, parts } = open;
  const results: string[] = [];
  for (const part of parts) {
    const expanded = expandBraces(pattern.slice(0, start) + part + pattern.slice(end + 1));
    if (!expanded) return undefined;
    results.push(...expanded);
    if (results.length > MAX_GLOB_ALTERNATIVES) return undefined;
  }
  return results;
}

/** The first `{…}` holding a top-level comma: its bounds and alternatives. */
function findBraceGroup(pattern: string): { start: number; end: number; parts: string[] } | undefined {
  for (let start = pattern.indexOf('{'); start !== -1; start = pattern.indexOf('{', start + 1)) {
    let depth = 0;
    let partStart = start + 1;
    const parts: string[] = [];
    for (let i = start; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        if (parts.length === 0) break;
        parts.push(pattern.slice(partStart, i));
        return { start, end: i, parts };
      } else if (c === ',' && depth === 1) {
        parts.push(pattern.slice(partStart, i));
        partStart = i + 1;
      }
    }
  }
  return undefined;
}

const anyChar = () => true;
const notSlash = (char: string) => char !== '/';
const isSlash = (char: string) => char === '/';

/**
 * One automaton for all alternatives (Thompson's construction): state 0 starts them all,
 * state 1 accepts. Each alternative adds about one state per character of its pattern.
 */
function automaton(alternatives: readonly string[]): CompiledGlob {
  const states: State[] = [
    { reads: [], free: [] },
    { reads: [], free: [] },
  ];
  const add = () => states.push({ reads: [], free: [] }) - 1;
  for (const pattern of alternatives) {
    let current = add();
    states[0].free.push(current);
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '/' && pattern.slice(i) === '/**') {
        // A final `/**`: the folder itself, or anything under it.
        const next = add();
        const inside = add();
        states[current].free.push(next);
        states[current].reads.push({ accepts: isSlash, to: inside });
        states[inside].reads.push({ accepts: anyChar, to: inside });
        states[inside].free.push(next);
        current = next;
        break;
      }
      if (c === '*') {
        let end = i;
        while (pattern[end + 1] === '*') end++;
        const segmentStart = i === 0 || pattern[i - 1] === '/';
        const segmentEnd = end + 1 === pattern.length || pattern[end + 1] === '/';
        const next = add();
        if (end > i && segmentStart && segmentEnd) {
          const inside = add();
          // Nothing, or a first character; then anything, ending with a `/` unless final.
          states[current].free.push(next);
          states[current].reads.push({ accepts: anyChar, to: inside });
          states[inside].reads.push({ accepts: anyChar, to: inside });
          if (end + 1 === pattern.length) {
            states[inside].free.push(next);
          } else {
            // `**/`: the `/` after it is read here.
            states[current].reads.push({ accepts: isSlash, to: next });
            states[inside].reads.push({ accepts: isSlash, to: next });
            end++;
          }
        } else {
          // `*` (and `**` inside a segment): any run within the segment.
          states[current].free.push(next);
          states[current].reads.push({ accepts: notSlash, to: current });
        }
        i = end;
        current = next;
        continue;
      }
      let accepts: (char: string) => boolean;
      if (c === '?') accepts = notSlash;
      else {
        const parsed = c === '[' ? parseClass(pattern, i) : undefined;
        if (parsed) {
          accepts = parsed.accepts;
          i = parsed.end;
        } else accepts = (char) => char === c;
      }
      const next = add();
      states[current].reads.push({ accepts, to: next });
      current = next;
    }
    states[current].free.push(1);
  }
  return {
    matches(path, options = {}) {
      return run(states, normalizeSeparators(path).toLowerCase(), options.orParentFolder === true, options.work ?? { steps: 0 });
    },
  };
}

/** Runs the automaton over the text keeping the set of live states: no backtracking. */
function run(states: readonly State[], text: string, orParentFolder: boolean, work: { steps: number }): boolean {
  // seenAt[state] = the step that last added it: a set cleared in O(1) per character.
  const seenAt = new Int32Array(states.length).fill(-1);
  let live: number[] = [];
  addWithClosure(states, 0, live, seenAt, 0);
  for (let i = 0; i < text.length && live.length > 0; i++) {
    const char = text[i];
    if (orParentFolder && char === '/' && seenAt[1] === i) return true;
    const next: number[] = [];
    for (const index of live) {
      for (const move of states[index].reads) {
        work.steps++;
        if (move.accepts(char)) addWithClosure(states, move.to, next, seenAt, i + 1);
      }
    }
    live = next;
  }
  return seenAt[1] === text.length;
}

/** Adds `state` and every state reachable from it without reading a character, each once per step. */
function addWithClosure(states: readonly State[], state: number, into: number[], seenAt: Int32Array, step: number): void {
  const stack = [state];
  while (stack.length > 0) {
    const index = stack.pop() as number;
    if (seenAt[index] === step) continue;
    seenAt[index] = step;
    into.push(index);
    for (const free of states[index].free) stack.push(free);
  }
}

/** `[...]` starting at `start`: its test and closing index, or undefined when unclosed. */
function parseClass(pattern: string, start: number): { accepts: (char: string) => boolean; end: number } | undefined {
  let i = start + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  const ranges: Array<[string, string]> = [];
  for (let first = true; i < pattern.length; first = false, i++) {
    const c = pattern[i];
    if (c === ']' && !first) {
      return { accepts: (ch) => ch !== '/' && ranges.some(([low, high]) => ch >= low && ch <= high) !== negated, end: i };
    }
    if (c === '/') return undefined;
    if (pattern[i + 1] === '-' && pattern[i + 2] !== undefined && pattern[i + 2] !== ']') {
      ranges.push([c, pattern[i + 2]]);
      i += 2;
    } else ranges.push([c, c]);
  }
  return undefined;
}
