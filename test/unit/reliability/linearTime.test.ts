import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/engine';
import { matchesFilePattern } from '../../../server/src/core/glob';
import { ADVERSARIAL_CASES, PATH_FOR, adversarialText, configWith } from '../../fuzz/lib/adversarial';

/**
 * Linting is linear in the input: for each adversarial case (test/fuzz/lib/adversarial.ts),
 * quadrupling the repeated input at most ~quadruples the work. Work is counted, never timed.
 *
 * How work is counted, while one lint runs:
 * - every regex call (`exec`; `test`, `match`, `matchAll`, `replace`, `split` go through it
 *   once `RegExp.prototype.exec` is replaced) is charged the characters its search can read:
 *   one per start position it tries (from `lastIndex`, or 0, to the match or the end; one
 *   position for a sticky or `^`-anchored regex, plus the length of the string for an
 *   anchored one, which V8 may have to flatten), and for each tried position the length a
 *   prefix of the pattern ending in an unbounded quantifier (`[\w.-]*`, `[^|;&\n]*`,
 *   `[\s\S]*`) matches there, which is what the engine re-reads before it backtracks.
 *   The first position is charged exactly, later ones are sampled (64, evenly spaced) and
 *   the sum scaled;
 * - `indexOf`/`includes` are charged the characters from their start to the hit or the end,
 *   `slice`/`substring` the length of what they return, and so is an array's `slice` (a
 *   loop that asks the words before each word again copies them each time); iterating an
 *   array (for…of, a spread) is charged its length (`list = [...list, item]` in a loop).
 * So a scanner that re-tests a growing word, calls indexOf or slice from every position, or
 * runs a regex whose quantified prefix re-reads the rest of the text from every start, is
 * charged quadratically.
 *
 * What it cannot catch: backtracking inside one regex call that this prefix model does not
 * see (nested quantifiers such as `(a+)+`, a quantifier in the middle of an alternative after
 * a bounded prefix, lookarounds), and work in code that makes no such call (array loops).
 * The `adversarial` section of `npm run fuzz` runs the same inputs at up to 1 MB against a
 * time bound, which catches those.
 */

interface Probe {
  /** Sticky clones of the pattern's prefixes that end in an unbounded quantifier, longest first. */
  prefixes: RegExp[];
  anchored: boolean;
}

const probes = new Map<string, Probe>();

/** Splits `source` at top level: alternatives, and in each the atoms with their quantifiers. */
function topLevel(source: string): string[][] {
  const alternatives: string[][] = [[]];
  let atom = '';
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      atom += ch + (source[i + 1] ?? '');
      i++;
    } else if (inClass) {
      atom += ch;
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      atom += ch;
      inClass = true;
    } else if (ch === '(') {
      atom += ch;
      depth++;
    } else if (ch === ')') {
      atom += ch;
      depth--;
    } else if (ch === '|' && depth === 0) {
      if (atom) alternatives[alternatives.length - 1].push(atom);
      atom = '';
      alternatives.push([]);
      continue;
    } else atom += ch;
    if (depth === 0 && !inClass) {
      // the atom is complete once its quantifier (if any) is read
      const rest = source.slice(i + 1);
      const quantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/.exec(rest);
      if (quantifier) {
        atom += quantifier[0];
        i += quantifier[0].length;
      }
      alternatives[alternatives.length - 1].push(atom);
      atom = '';
    }
  }
  if (atom) alternatives[alternatives.length - 1].push(atom);
  return alternatives;
}

/** An unbounded quantifier outside a character class and not escaped. */
function hasUnboundedQuantifier(text: string): boolean {
  return /^(?:\\.|\[(?:\\.|[^\]\\])*\]|[^\\[*+{]|\{(?!\d+,\})|\{\d+\}|\{\d+,\d+\})*(?:[*+]|\{\d+,\})/.test(text);
}

function probeFor(re: RegExp): Probe {
  const key = re.flags + '/' + re.source;
  let probe = probes.get(key);
  if (probe) return probe;
  const alternatives = topLevel(re.source);
  const flags = re.flags.replace(/[gy]/g, '') + 'y';
  const prefixes: RegExp[] = [];
  for (const atoms of alternatives) {
    for (let n = atoms.length; n > 0; n--) {
      if (!hasUnboundedQuantifier(atoms[n - 1])) continue;
      try {
        prefixes.push(new RegExp(atoms.slice(0, n).join(''), flags));
      } catch {
        // a prefix that is not a pattern on its own (a backreference): not probed
      }
    }
  }
  const anchored = !re.multiline && alternatives.every((atoms) => atoms[0]?.startsWith('^'));
  probe = { prefixes, anchored };
  probes.set(key, probe);
  return probe;
}

let work = 0;
/** Work per regex source or string method, to name the culprit when a case fails. */
const workBySite = new Map<string, number>();
let counting = false;

function add(site: string, amount: number): void {
  work += amount;
  workBySite.set(site, (workBySite.get(site) ?? 0) + amount);
}
const exec = RegExp.prototype.exec;
const indexOf = String.prototype.indexOf;
const includes = String.prototype.includes;
const slice = String.prototype.slice;
const substring = String.prototype.substring;
const arraySlice = Array.prototype.slice;
const arrayIterator = Array.prototype[Symbol.iterator];

/** The characters the prefixes of `probe` read at `at`. */
function reread(probe: Probe, input: string, at: number): number {
  for (const prefix of probe.prefixes) {
    prefix.lastIndex = at;
    const match = exec.call(prefix, input);
    if (match) return match[0].length;
  }
  return 0;
}

function charge(re: RegExp, input: string, from: number, match: RegExpExecArray | null): number {
  const probe = probeFor(re);
  if (re.sticky || probe.anchored) return 1 + reread(probe, input, from) + (re.sticky ? 0 : input.length);
  const last = match ? match.index : input.length;
  const later = Math.max(0, last - from);
  if (probe.prefixes.length === 0) return 1 + later;
  // The first position is charged exactly (`(?:^|;)\s*` reads a long blank run only there),
  // the later ones by sampling.
  const samples = Math.min(later, 64);
  let sampled = 0;
  for (let k = 0; k < samples; k++) sampled += 1 + reread(probe, input, from + 1 + Math.floor((k * later) / samples));
  return 1 + reread(probe, input, from) + (samples ? (sampled * later) / samples : 0);
}

function countedWork(run: () => void): number {
  const patched: Array<[object, string | symbol, unknown]> = [];
  const patch = (target: object, name: string | symbol, replacement: unknown) => {
    patched.push([target, name, (target as Record<string | symbol, unknown>)[name]]);
    (target as Record<string | symbol, unknown>)[name] = replacement;
  };
  patch(RegExp.prototype, 'exec', function (this: RegExp, input: string) {
    if (counting) return exec.call(this, input);
    const text = String(input);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = exec.call(this, text);
    counting = true;
    try {
      add(`/${this.source}/${this.flags}`, charge(this, text, from, match));
    } finally {
      counting = false;
    }
    return match;
  });
  const searched = (original: (this: string, search: string, position?: number) => unknown) =>
    function (this: string, search: string, position?: number) {
      const result = original.call(this, search, position);
      if (!counting) {
        const start = Math.max(0, position ?? 0);
        const hit = typeof result === 'number' ? result : -1;
        add('indexOf', 1 + (hit >= 0 ? hit - start : Math.max(0, this.length - start)));
      }
      return result;
    };
  patch(String.prototype, 'indexOf', searched(indexOf as never));
  patch(String.prototype, 'includes', function (this: string, search: string, position?: number) {
    if (!counting) add('includes', 1 + Math.max(0, this.length - (position ?? 0)));
    return includes.call(this, search, position);
  });
  const sliced = (original: (this: string, a?: number, b?: number) => string) =>
    function (this: string, a?: number, b?: number) {
      const result = original.call(this, a, b);
      if (!counting) add('slice', 1 + result.length);
      return result;
    };
  patch(String.prototype, 'slice', sliced(slice));
  patch(String.prototype, 'substring', sliced(substring as never));
  // An array searched or walked by a method (find, filter, some…) is charged its length: a
  // search per entry over all entries (properties per table, arguments per argument) is
  // quadratic in the number of entries.
  for (const name of ['find', 'findIndex', 'filter', 'some', 'every', 'includes', 'indexOf']) {
    const original = (Array.prototype as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
    patch(Array.prototype, name, function (this: unknown[], ...args: unknown[]) {
      if (!counting) add(`array ${name}`, 1 + this.length);
      return original.apply(this, args);
    });
  }
  // An array iterated (for…of, spread: `[...list, item]` copies it) is charged its length.
  patch(Array.prototype, Symbol.iterator, function (this: unknown[]) {
    if (!counting) add('array iteration', 1 + this.length);
    return arrayIterator.call(this);
  });
  patch(Array.prototype, 'slice', function (this: unknown[], start?: number, end?: number) {
    const result = arraySlice.call(this, start, end);
    if (!counting) add('array slice', 1 + result.length);
    return result;
  });
  work = 0;
  workBySite.clear();
  try {
    run();
  } finally {
    for (const [target, name, original] of patched.reverse()) (target as Record<string | symbol, unknown>)[name] = original;
  }
  return work;
}

const SIZES = [6_250, 25_000, 100_000];
/** Quadrupling the input may cost a little more than 4x (constant work per lint, sampling). */
const MAX_RATIO = 4.5;

test('the work counter charges a quadratic scan quadratically and a linear one linearly (sanity)', () => {
  const quadratic = (text: string) => /[\w.-]*=/.test(text);
  const linear = (text: string) => /[\w.-]{0,64}=/.test(text);
  const at = (fn: (t: string) => boolean, n: number) => countedWork(() => fn('a'.repeat(n)));
  assert.ok(at(quadratic, 40_000) / at(quadratic, 10_000) > 10);
  assert.ok(at(linear, 40_000) / at(linear, 10_000) < MAX_RATIO);
});

for (const adversarial of ADVERSARIAL_CASES) {
  for (const position of adversarial.positions) {
    test(`linear work: ${adversarial.name} (${JSON.stringify(adversarial.unit)} repeated) in ${position}, JSON`, () => {
      const counts = SIZES.map((size) => {
        const text = configWith('json', position, adversarialText(adversarial, size));
        return countedWork(() => lint(text, PATH_FOR.json));
      });
      const culprits = [...workBySite]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([site, n]) => `${site.slice(0, 120)}: ${Math.round(n)}`);
      for (let i = 1; i < counts.length; i++) {
        const ratio = counts[i] / counts[i - 1];
        assert.ok(
          ratio <= MAX_RATIO,
          `work ×${ratio.toFixed(1)} from ${SIZES[i - 1]} to ${SIZES[i]} characters (${Math.round(counts[i - 1])} → ${Math.round(counts[i])}); most work at the largest size:\n${culprits.join('\n')}`,
        );
      }
    });
  }
}

/** Configs of `n` entries of one kind, for the work to grow with their number. */
const ENTRIES: Record<string, { path: string; config: (n: number) => string }> = {
  'arguments of a filesystem server': {
    path: PATH_FOR.json,
    config: (n) =>
      JSON.stringify({
        mcpServers: {
          fs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@1.0.0', ...Array.from({ length: n }, (_, i) => `/home/u/dir${i}`)] },
        },
      }),
  },
  'commands of one shell line': {
    path: PATH_FOR.json,
    config: (n) =>
      JSON.stringify({
        mcpServers: { s: { command: 'bash', args: ['-c', Array.from({ length: n }, (_, i) => `export A${i}=${i}; npx -y p${i}`).join(' && ')] } },
      }),
  },
  'TOML tables': {
    path: PATH_FOR.toml,
    config: (n) =>
      Array.from({ length: n }, (_, i) => `[mcp_servers.s${i}]\ncommand = "npx"\nargs = ["-y", "p${i}"]\n[mcp_servers.s${i}.env]\nTOKEN = "x${i}"`).join('\n'),
  },
  servers: {
    path: PATH_FOR.json,
    config: (n) =>
      JSON.stringify({
        mcpServers: Object.fromEntries(
          Array.from({ length: n }, (_, i) => [`s${i}`, { command: 'npx', args: ['-y', `p${i}`], env: { TOKEN: `\${TOKEN_${i}}` } }]),
        ),
      }),
  },
  'env entries': {
    path: PATH_FOR.json,
    config: (n) =>
      JSON.stringify({
        mcpServers: {
          s: {
            command: 'npx',
            args: ['-y', 'p@1.0.0'],
            env: Object.fromEntries(Array.from({ length: n }, (_, i) => [`API_TOKEN_${i}`, `tok${i}x9Qz7Lm2Vb8Nc4Rt6Yp1`])),
          },
        },
      }),
  },
  'auto-approved tools': {
    path: PATH_FOR.json,
    config: (n) =>
      JSON.stringify({ mcpServers: { s: { command: 'npx', args: ['-y', 'p@1.0.0'], autoApprove: Array.from({ length: n }, (_, i) => `delete_file_${i}`) } } }),
  },
};

for (const [name, { path, config }] of Object.entries(ENTRIES)) {
  test(`linear work in the number of entries: ${name}`, () => {
    // Warmed up first: modules loaded on first use and the process-wide memos (up to 2 000
    // answers each) would otherwise be counted in one size and not the other.
    lint(config(50), path);
    const counts = [250, 1000].map((n) => countedWork(() => lint(config(n), path)));
    const culprits = [...workBySite]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([site, n]) => `${site.slice(0, 120)}: ${Math.round(n)}`);
    const ratio = counts[1] / counts[0];
    assert.ok(ratio <= MAX_RATIO, `work ×${ratio.toFixed(1)} from 250 to 1 000 entries; most work at 1 000:\n${culprits.join('\n')}`);
  });
}

test('a suppression file glob with many wildcards (*a*a*a…b) is matched without exponential backtracking', { timeout: 60_000 }, () => {
  // Built into a regex, 10 wildcards against a 40-letter name took seconds and 20 never ended.
  const glob = '*a'.repeat(20) + 'b';
  assert.equal(matchesFilePattern(glob, '/p/' + 'a'.repeat(40) + '.json'), false);
  assert.equal(matchesFilePattern(glob, '/p/' + 'a'.repeat(40) + 'b'), true);
  const steps = countedWork(() => matchesFilePattern(glob, '/p/' + 'a'.repeat(4000) + '.json'));
  const stepsAt4x = countedWork(() => matchesFilePattern(glob, '/p/' + 'a'.repeat(16000) + '.json'));
  assert.ok(stepsAt4x / steps <= MAX_RATIO, `work ×${(stepsAt4x / steps).toFixed(1)}`);
});
