import { fnv1a64 } from '../common/fnv';
import { splitWords } from '../core/words';

/**
 * Template text that people leave in configs instead of a real value: `YOUR_API_KEY`,
 * `<token>`, `sk-...`, `ghp_xxxxxxxx`, `changeme`, `REDACTED`, empty. These are not findings:
 * the file holds no credential yet. Only recognised placeholder *syntax* counts (issue 15
 * class 1): a value that merely looks made up — a counting run, a repeated chunk, a weak
 * password such as `hunter2` or `123456`, `hardcoded-secret-value-here` — is what the server
 * really receives, so it is a finding (a weak one is still a credential).
 */

/** Words that only ever appear in template values (matched as whole words, any case). */
const TEMPLATE_WORDS = [
  'your',
  'yours',
  'my',
  'insert',
  'enter',
  'replace',
  'paste',
  'fill',
  'put',
  'add',
  'set',
  'update',
  'provide',
  'placeholder',
  'changeme',
  'change',
  'example',
  'examples',
  'sample',
  'dummy',
  'fake',
  'mock',
  'redacted',
  'todo',
  'fixme',
  'tbd',
  'here',
  'goes',
  'xxx',
  'foo',
  'bar',
  'baz',
  'lorem',
  'ipsum',
  'invalid',
  'notreal',
  'not',
  'none',
  'null',
  'nil',
  'undefined',
  'unused',
  'ignored',
  'required',
  'needed',
  'optional',
  'empty',
  'blank',
  'default',
  'secret',
  'password',
  'passwd',
  'token',
  'apikey',
  'api',
  'key',
  'generated',
  'actual',
  'real',
  'valid',
  'own',
  'demo',
  'test',
  'testing',
];
const TEMPLATE_WORD_SET = new Set(TEMPLATE_WORDS);

/** Exact values (lower case) that stand for "no key needed" or "fill me in". */
const EXACT = new Set([
  'test',
  'testing',
  'none',
  'null',
  'nil',
  'undefined',
  'n/a',
  'na',
  'tbd',
  'todo',
  'secret',
  'password',
  'passwd',
  'token',
  'apikey',
  'api_key',
  'api-key',
  'key',
  'changeme',
  'change_me',
  'change-me',
  'example',
  'dummy',
  'sample',
  'placeholder',
  'empty',
  'ollama',
  'lm-studio',
  'lmstudio',
  'not-needed',
  'not_needed',
  'no-key',
  'nokey',
  'no_key',
  'sk-no-key-required',
  'anything',
  'any',
  'optional',
  'unused',
  'ignored',
  'local',
  'default',
  'public',
  'demo',
  'xxx',
  'foo',
  'bar',
  'redacted',
  'bearer',
  'basic',
]);

/** Parts of a template word: its words (core/words.ts) without digits, which template words never hold (`API_KEY_1`). */
function words(text: string): string[] {
  return splitWords(text)
    .flatMap((word) => word.split(DIGITS))
    .filter(Boolean);
}

const DIGITS = /[0-9]+/;

export function isPlaceholder(value: string): boolean {
  const text = value.trim();
  if (text.length === 0) return true;
  const lower = text.toLowerCase();
  if (EXACT.has(lower)) return true;
  // <token>, [API KEY], {{TOKEN}}, {token}, %TOKEN%, $(command)
  if (
    /^<[^<>]*>$/.test(text) ||
    /^\[[^[\]]*\]$/.test(text) ||
    /^\{\{[^{}]*\}\}$/.test(text) ||
    /^\{[\w .:-]{1,60}\}$/.test(text) ||
    /^%[A-Za-z_][\w]*%$/.test(text) ||
    /^\$\([^)]*\)$/.test(text)
  )
    return true;
  // A run of mask characters: xxxx, ****, ••••, ...., ____, 0000
  if (/^(.)\1{2,}$/.test(text)) return true;
  if (/x{4,}|\*{3,}|\u2022{2,}|\u2026|\.{3,}|_{4,}|#{4,}|0{8,}/i.test(text)) {
    // ghp_xxxxxxxx, sk-...abcd, "sk-proj-****": masked or elided values. A real token can
    // hold "xxxx" by chance only next to plenty of random text, so require the rest to be short.
    const rest = text.replace(/x{4,}|\*{3,}|\u2022+|\u2026|\.{3,}|_{4,}|#{4,}|0{8,}/gi, '');
    if (rest.length <= 16 || /x{8,}|\*{6,}/i.test(text)) return true;
  }
  // "Bearer <token>", "tvly-YOUR_API_KEY", "<your-key-here>"
  if (/<[^<>]{2,}>/.test(text)) return true;
  // A vendor prefix with a stub body ("ghp_123", "sk-", "tvly-abc"): an elided example, no token.
  if (
    /^(?:gh[pousr]_|github_pat_|glpat-|xox[abpr]-|sk-(?:ant-(?:api03-)?|proj-)?|sk_(?:live|test)_|AKIA|AIza|hf_|npm_|pypi-|tvly-)[A-Za-z0-9]{0,6}$/.test(text)
  )
    return true;
  const parts = words(text);
  if (parts.length > 0 && !hasRandomRun(text)) {
    // One strong word ("your", "insert", "replace", "placeholder"), or an instruction ending
    // in "here" ("api-key-goes-here", "put-token-here"); "hardcoded-secret-value-here" is neither.
    if (parts.some((w) => STRONG_WORDS.has(w))) return true;
    if (parts[parts.length - 1] === 'here' && parts.some((w) => INSTRUCTION_WORDS.has(w))) return true;
    if (parts.every((w) => TEMPLATE_WORD_SET.has(w)) && parts.length >= 2) return true; // "api key", "secret token"
  }
  // A value spelled as an example ("sk_test_example", "exampletoken"); AWS's documented keys
  // (…EXAMPLE, …EXAMPLEKEY) are told apart by the callers first (isDocumentedExample).
  if (/example/i.test(text)) return true;
  return false;
}

/** Verbs of a fill-me-in instruction, before a final "here". */
const INSTRUCTION_WORDS = new Set(['enter', 'put', 'add', 'set', 'fill', 'provide', 'goes', 'go', 'update', 'insert', 'paste', 'replace']);

/** Words that on their own mark a template ("replace-me", "my-token-here"). */
const STRONG_WORDS = new Set([
  'your',
  'yours',
  'placeholder',
  'changeme',
  'insert',
  'paste',
  'redacted',
  'dummy',
  'fake',
  'example',
  'sample',
  'todo',
  'fixme',
  'lorem',
  'notreal',
  'replace',
]);

/** A stretch of 12+ characters mixing letters and digits: what real tokens look like. */
function hasRandomRun(text: string): boolean {
  for (const run of text.match(/(?<![A-Za-z0-9])[A-Za-z0-9]{12,}/g) ?? []) {
    if (/\d/.test(run) && /[A-Za-z]/.test(run)) return true;
  }
  return false;
}

/**
 * Example credentials printed in providers' own documentation (Stripe's test keys, jwt.io's
 * sample token, GitHub's and Slack's documentation tokens). Kept as hashes (64-bit FNV-1a, no
 * node:crypto to load) so no token-shaped literal sits in the source; AWS's ...EXAMPLE keys
 * are caught by their word.
 */
const DOCUMENTED_EXAMPLES = new Set(['ddd19c486d095d84', '15f87945422cbea3', 'f6cad54e10eb31ac', '49514f155640fcf4', '67e733c2f9035757']);

export function isDocumentedExample(value: string): boolean {
  // AWS's documentation keys end in EXAMPLE / EXAMPLEKEY (AKIAIOSFODNN7EXAMPLE).
  return /EXAMPLE(?:KEY)?$/.test(value) || DOCUMENTED_EXAMPLES.has(fnv1a64(value));
}
