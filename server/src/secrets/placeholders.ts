
/**
 * Template text that people leave in configs instead of a real value: `YOUR_API_KEY`,
 * `<token>`, `sk-...`, `ghp_xxxxxxxx`, `changeme`, provider documentation examples. These
 * are not findings: the file holds no credential yet.
 */

/** Words that only ever appear in template values (matched as whole words, any case). */
const TEMPLATE_WORDS = [
  'your', 'yours', 'my', 'insert', 'enter', 'replace', 'paste', 'fill', 'put', 'add', 'set', 'update', 'provide',
  'placeholder', 'changeme', 'change', 'example', 'examples', 'sample', 'dummy', 'fake', 'mock', 'redacted', 'todo', 'fixme', 'tbd',
  'here', 'goes', 'xxx', 'foo', 'bar', 'baz', 'lorem', 'ipsum', 'invalid', 'notreal', 'not', 'none', 'null', 'nil', 'undefined',
  'unused', 'ignored', 'required', 'needed', 'optional', 'empty', 'blank', 'default', 'secret', 'password', 'passwd', 'token',
  'apikey', 'api', 'key', 'generated', 'actual', 'real', 'valid', 'own', 'demo', 'test', 'testing',
];
const TEMPLATE_WORD_SET = new Set(TEMPLATE_WORDS);

/** Exact values (lower case) that stand for "no key needed" or "fill me in". */
const EXACT = new Set([
  'test', 'testing', 'none', 'null', 'nil', 'undefined', 'n/a', 'na', 'tbd', 'todo', 'secret', 'password', 'passwd', 'token',
  'apikey', 'api_key', 'api-key', 'key', 'changeme', 'change_me', 'change-me', 'example', 'dummy', 'sample', 'placeholder',
  'empty', 'ollama', 'lm-studio', 'lmstudio', 'not-needed', 'not_needed', 'no-key', 'nokey', 'no_key', 'sk-no-key-required',
  'anything', 'any', 'optional', 'unused', 'ignored', 'local', 'default', 'admin', 'user', 'guest', 'public', 'demo', 'xxx',
  'abc', 'abc123', 'abcdef', '123456', '12345678', '123456789', '1234567890', 'qwerty', 'letmein', 'foobar', 'foo', 'bar',
]);

/** Parts of a template word: split on non-letters and camelCase humps. */
function words(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

export function isPlaceholder(value: string): boolean {
  const text = value.trim();
  if (text.length === 0) return true;
  const lower = text.toLowerCase();
  if (EXACT.has(lower)) return true;
  // <token>, [API KEY], {{TOKEN}}, {token}, %TOKEN%, $(command)
  if (/^<[^<>]*>$/.test(text) || /^\[[^[\]]*\]$/.test(text) || /^\{\{[^{}]*\}\}$/.test(text) || /^\{[\w .:-]{1,60}\}$/.test(text) || /^%[A-Za-z_][\w]*%$/.test(text) || /^\$\([^)]*\)$/.test(text)) return true;
  // A run of mask characters: xxxx, ****, ••••, ...., ____, 0000
  if (/^(.)\1{2,}$/.test(text)) return true;
  if (/x{4,}|\*{3,}|•{2,}|…|\.{3,}|_{4,}|#{4,}|0{8,}/i.test(text)) {
    // ghp_xxxxxxxx, sk-...abcd, "sk-proj-****": masked or elided values. A real token can
    // hold "xxxx" by chance only next to plenty of random text, so require the rest to be short.
    const rest = text.replace(/x{4,}|\*{3,}|•+|…|\.{3,}|_{4,}|#{4,}|0{8,}/gi, '');
    if (rest.length <= 16 || /x{8,}|\*{6,}/i.test(text)) return true;
  }
  // "Bearer <token>", "tvly-YOUR_API_KEY", "<your-key-here>"
  if (/<[^<>]{2,}>/.test(text)) return true;
  const parts = words(text);
  if (parts.length > 0 && !hasRandomRun(text)) {
    const templated = parts.filter((w) => TEMPLATE_WORD_SET.has(w)).length;
    // At least two template words ("your api key", "insert token here") or one strong one.
    if (templated >= 2 && templated * 2 >= parts.length) return true;
    if (parts.some((w) => STRONG_WORDS.has(w))) return true;
  }
  // Made-up filler: counting runs (1234567890, abcdefgh) or one chunk repeated (abc123abc123abc123).
  if (isFiller(text)) return true;
  // Documented example values (AWS's AKIAIOSFODNN7EXAMPLE, ...EXAMPLEKEY).
  if (/example/i.test(text)) return true;
  // Keyboard and counting sequences.
  if (/^(?:0?123456789?0?|abcdef(?:ghij)?|qwerty(?:uiop)?|asdfgh(?:jkl)?)/i.test(text) && text.length <= 16) return true;
  return false;
}

/** Words that on their own mark a template ("replace-me", "my-token-here"). */
const STRONG_WORDS = new Set(['your', 'yours', 'placeholder', 'changeme', 'insert', 'paste', 'redacted', 'dummy', 'fake', 'example', 'sample', 'todo', 'fixme', 'lorem', 'notreal', 'replace']);

/** A stretch of 12+ characters mixing letters and digits: what real tokens look like. */
function hasRandomRun(text: string): boolean {
  for (const run of text.match(/[A-Za-z0-9]{12,}/g) ?? []) {
    if (/\d/.test(run) && /[A-Za-z]/.test(run)) return true;
  }
  return false;
}

/**
 * Example credentials printed in providers' own documentation (Stripe's test key, jwt.io's
 * sample token, GitHub's and Slack's documentation tokens). Kept as SHA-256 prefixes so no
 * token-shaped literal sits in the source; AWS's ...EXAMPLE keys are caught by their word.
 */
const DOCUMENTED_EXAMPLES = new Set(['2cafc0970149a84f', '7f75367e78812551', '3543c50b0cb9cea8', '2ddc147f3a3b5a17', 'f2d6ca16515033e5']);

export function isDocumentedExample(value: string): boolean {
  return DOCUMENTED_EXAMPLES.has(sha256(value).slice(0, 16));
}

// node:crypto is loaded on first use: loading it costs every process start-up time.
let crypto: typeof import('node:crypto') | undefined;
const sha256 = (text: string) => (crypto ??= require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(text).digest('hex');

const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', '9876543210', 'qwertyuiop', 'asdfghjkl'];

/**
 * Hand-typed filler that imitates a token: an 8+ character counting run, or a body that is
 * one short chunk repeated. Random tokens contain neither (an 8-long ordered run has a
 * probability far below 1e-9 per position).
 */
function isFiller(text: string): boolean {
  const lower = text.toLowerCase();
  for (const sequence of SEQUENCES) {
    for (let i = 0; i + 8 <= sequence.length; i++) if (lower.includes(sequence.slice(i, i + 8))) return true;
  }
  const body = text.replace(/^(?:[a-z]+[_-]){1,3}/i, '');
  if (body.length >= 12 && /^(.{1,12}?)\1{2,}.{0,12}$/.test(body)) return true;
  return body.length >= 8 && countingShare(body) >= 0.6;
}

/** Share of characters inside ascending runs ("abc123def456", "a1b2c3d4e5"), stride 1 or 2. */
function countingShare(text: string): number {
  const marked = new Uint8Array(text.length);
  for (const stride of [1, 2]) {
    for (let i = 0; i + 2 * stride < text.length; i++) {
      const a = text.charCodeAt(i);
      if (text.charCodeAt(i + stride) === a + 1 && text.charCodeAt(i + 2 * stride) === a + 2) marked[i] = marked[i + stride] = marked[i + 2 * stride] = 1;
    }
  }
  let count = 0;
  for (const m of marked) count += m;
  return count / text.length;
}
