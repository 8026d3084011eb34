/**
 * Remembers a pure function's result per argument object (a server entry, an invocation)
 * for as long as that object lives. Many rules ask the same question of the same server
 * within one lint; the model is rebuilt for every document version, so no answer outlives
 * the text it was computed from. Results are shared: callers must not mutate them.
 *
 * Each object gets one hidden array of answers (one property, added the same way to every
 * object, so property access on servers stays monomorphic), indexed by the memoized
 * function: an array read is cheaper than the Map keyed by function this replaced, and a
 * WeakMap per function was measurable in profiles and slows the garbage collector
 * (ephemeron tables).
 */
const ANSWERS = Symbol('memoized answers');
/** Each memoized function owns one index in every object's answer array. */
let slots = 0;

export function memoizeByObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const slot = slots++;
  return (key) => {
    let answers = (key as { [ANSWERS]?: unknown[] })[ANSWERS];
    if (!answers) {
      answers = [];
      Object.defineProperty(key, ANSWERS, { value: answers });
    } else {
      // `undefined` answers are stored as NO_ANSWER, so a hole means "not asked yet".
      const known = answers[slot];
      if (known !== undefined) return (known === NO_ANSWER ? undefined : known) as V;
    }
    const value = compute(key);
    answers[slot] = value === undefined ? NO_ANSWER : value;
    return value;
  };
}

const NO_ANSWER = Symbol('undefined answer');

/**
 * Remembers a pure function's answer per string for the life of the process, at most `limit`
 * answers (then it starts over, so memory stays bounded): the language server re-lints the
 * same values on every keystroke, and a scan meets the same key names, messages and package
 * specs in many files. Answers are shared: callers must not mutate them.
 */
export function memoizeByString<V>(compute: (key: string) => V, limit: number): (key: string) => V {
  const answers = new StringAnswers<V>(limit);
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as V;
    return answers.add(key, compute);
  };
}

/**
 * The bounded store behind memoizeByString, for answers whose key is built from several
 * values (secret verdicts, advisories, typosquats). At most `limit` answers, then it starts
 * over. Keys longer than LONGEST_REMEMBERED are not kept (they are rare, and `limit` of them
 * could hold a lot of memory). A key is kept as a copy: V8 makes a piece of 13+ characters cut
 * from a text (a value jsonc-parser read, a message quoting one) a view into the whole
 * document, so a remembered key kept every document it came from alive until the store was
 * cleared (200 files of 100 KB kept 20 MB; in the language server, each keystroke's version
 * of an open file).
 */
export class StringAnswers<V> {
  private readonly answers = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    return key.length > LONGEST_REMEMBERED ? undefined : this.answers.get(key);
  }

  has(key: string): boolean {
    return key.length <= LONGEST_REMEMBERED && this.answers.has(key);
  }

  /** Computes the answer for `key` and remembers it. `compute` is given the copy, so pieces of the key in its answer do not point at the document either. */
  add(key: string, compute: (key: string) => V): V {
    if (key.length > LONGEST_REMEMBERED) return compute(key);
    const own = key.length < 13 ? key : (' ' + key).slice(1); // flattening a concatenation copies the characters
    const value = compute(own);
    if (this.answers.size >= this.limit) this.answers.clear();
    this.answers.set(own, value);
    return value;
  }
}

/** At most ~8 KB per remembered key. */
const LONGEST_REMEMBERED = 4096;
