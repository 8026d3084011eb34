import { memoizeByString } from '../core/memo';
import { detectSecret, looksLikeCredential } from './detect';
import { isCredentialFlag } from './keyNames';
import { maskSecret } from './mask';
import { findConnectionSecrets, findUrlSecrets } from './urlSecrets';
import { isCredentialShaped } from './credentialShape';
import { CONTEXT_FORMATS } from './contextFormats';

/**
 * For messages that quote config text (a shell line, a variable reference): replaces every
 * part that is or may be a secret by its mask, so a finding never discloses what it quotes.
 * Errs on the side of masking: a masked non-secret only makes a message a little vaguer.
 */
export function isSecretLike(value: string, key?: string): boolean {
  return detectSecret(value, key) !== undefined || looksLikeCredential(value, 'strict');
}

/** `text` with each secret-looking word, `NAME=value` value, flag value and URL password/query value masked. */
export function redactSecrets(text: string): string {
  let previous = '';
  return text.replace(/[^\s"'`]+/g, (word) => {
    const flag = previous;
    previous = word;
    return redactWord(word, flag);
  });
}

const QUERY_START = /[?&]/g;
const QUERY_NAME = /[^=&#\s]*/y;
const QUERY_VALUE = /=([^&#\s]+)/y;

/**
 * `?name=value` / `&name=value` with a secret-like value masked, as
 * `replace(/([?&][^=&#\s]+=)([^&#\s]+)/g, …)` did, in one pass: that regex re-read the name
 * from every `?` inside it (`?a?a?a…`). When a name fails, every `?` inside it fails at the
 * same character, so the scan resumes there.
 */
function maskQueryValues(word: string): string {
  let out = '';
  let copied = 0;
  QUERY_START.lastIndex = 0;
  for (let at = QUERY_START.exec(word)?.index ?? -1; at >= 0;) {
    QUERY_NAME.lastIndex = at + 1;
    QUERY_NAME.exec(word);
    const nameEnd = QUERY_NAME.lastIndex;
    QUERY_VALUE.lastIndex = nameEnd;
    const value = nameEnd > at + 1 ? QUERY_VALUE.exec(word) : null;
    let next = nameEnd;
    if (value) {
      next = QUERY_VALUE.lastIndex;
      if (isSecretLike(value[1], word.slice(at + 1, nameEnd))) {
        out += word.slice(copied, nameEnd + 1) + maskSecret(value[1]);
        copied = next;
      }
    }
    QUERY_START.lastIndex = next;
    at = QUERY_START.exec(word)?.index ?? -1;
  }
  return copied === 0 ? word : out + word.slice(copied);
}

function redactWord(word: string, previousWord: string): string {
  // URL userinfo password and query values.
  let out = word.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)([^@/\s]+)@/i, (_, head: string, password: string) => `${head}${maskSecret(password)}@`);
  out = maskQueryValues(out);
  if (out !== word) return out;
  // NAME=value and --flag=value.
  const assignment = /^([^=]+)=(.+)$/.exec(word);
  if (assignment) {
    const [, key, value] = assignment;
    return isSecretLike(value, key.replace(/^-+/, '')) ? `${key}=${maskSecret(value)}` : word;
  }
  // --token <value>
  if (/^-/.test(previousWord) && isCredentialFlag(previousWord.replace(/^-+/, '')) && looksLikeCredential(word, 'position')) return maskSecret(word);
  // A bare word: known formats anywhere; other credential-looking text unless it is a
  // package spec, path or flag (scoped packages with versions look random enough to match).
  if (detectSecret(word) !== undefined) return maskSecret(word);
  return !/[/@\\]|^-/.test(word) && looksLikeCredential(word, 'strict') ? maskSecret(word) : word;
}

/**
 * The engine's safety net (lint.ts runs every finding message and fix title through it):
 * whatever a rule quotes, a credential from the document never reaches the user. Only runs
 * of 16+ characters without spaces, quotes or brackets that mix letters with digits or
 * both cases (or hold 16 capitals in a row) are examined, what tokens are made of; and in them only what the detectors call a secret is masked (to a 4-character
 * prefix, like everywhere else):
 *  - the password and credential query parameters of a URL or connection string;
 *  - a known token format anywhere in the run (`ghp_…`, `sk-proj-…`, JWTs, `AKIA…`…), also
 *    when an excerpt cut it short before an ellipsis;
 *  - a random-looking piece between `= : @ / ? & # , +` (secrets/credentialShape.ts),
 *    except hex that follows `sha256:` or a git `#` / `@` (a digest or a commit) and
 *    advisory ids (GHSA-xxxx-xxxx-xxxx).
 * Package names, versions, paths, hosts, rule ids and variable names are words and stay as
 * written. Already-masked text (`ghp_…`, `•••`) is left alone. Results are remembered per
 * text: the same messages come back on every keystroke.
 */
export function redactMessage(text: string): string {
  return text.length < 16 ? text : redactLongMessage(text);
}

const redactLongMessage = memoizeByString((text) => text.replace(RUN, (run) => (TOKEN_LIKE.test(run) ? redactRun(run) : run)), 4000);

// Only where a run starts (the lookbehind): without it the engine retried every shorter
// word from each of its letters, quadratic in the word's length (~5 % of a 10 000-server lint).
const RUN = /(?<![^\s"'`()<>[\]{},;])[^\s"'`()<>[\]{},;]{16,}/g;
/** Letters with digits, both cases, or 16 capitals in a row (AWS key ids): what tokens are made of. */
const TOKEN_LIKE = /^(?=.*[A-Za-z])(?:(?=.*\d)|(?=.*[a-z])(?=.*[A-Z])|.*[A-Z]{16})/;
const PUBLIC_ID = /^(?:GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|CVE-\d{4}-\d+|MAL-\d{4}-\d+|PYSEC-\d{4}-\d+)$/i;

/** Prefixes of token formats (ours and secretlint's), for tokens an excerpt cut short. */
const TOKEN_PREFIXES: readonly string[] = [
  ...new Set([
    ...CONTEXT_FORMATS.filter((f) => !f.public && !f.weak)
      .flatMap((f) => f.prefixes)
      .filter((p) => p.length >= 3),
    'ghp_',
    'gho_',
    'ghu_',
    'ghs_',
    'ghr_',
    'github_pat_',
    'glpat-',
    'gldt-',
    'glrt-',
    'xoxb-',
    'xoxp-',
    'xoxa-',
    'xoxr-',
    'xoxs-',
    'xoxe-',
    'npm_',
    'hf_',
    'SG.',
    'shpat_',
    'shpss_',
    'lin_api_',
    'ntn_',
    'secret_',
    'eyJ',
    'dckr_pat_',
    'figd_',
  ]),
];

function truncatedToken(piece: string): boolean {
  return TOKEN_PREFIXES.some((prefix) => piece.startsWith(prefix) && piece.length >= prefix.length + 5);
}

function redactRun(run: string): string {
  const spans: Array<{ start: number; end: number; cut?: boolean }> = [];
  if (run.includes('://') || run.includes('=')) {
    for (const found of [...findUrlSecrets(run), ...findConnectionSecrets(run)]) spans.push(found);
  }
  const known = detectSecret(run);
  if (known) spans.push({ start: known.start, end: known.end });
  const piece = /[^=:@/?&#,+\u2026]+/g;
  for (let m = piece.exec(run); m; m = piece.exec(run)) {
    const text = m[0];
    // A token cut short by a rule's excerpt (`ghp_Q7nJc8…`) no longer matches its format.
    if (run.charAt(m.index + text.length) === '…' && truncatedToken(text)) {
      spans.push({ start: m.index, end: m.index + text.length + 1, cut: true });
      continue;
    }
    if (text.length < 12 || PUBLIC_ID.test(text)) continue;
    // Only the end of what precedes matters (`sha256:`, `#`, `/commits/`): a slice of the whole
    // prefix for every piece was quadratic in a long run.
    const before = run.slice(Math.max(0, m.index - 16), m.index);
    if (/^[0-9a-f]+$/i.test(text) && /(?:sha\d+:|[#@]|\/commits?\/)$/i.test(before)) continue;
    if (isCredentialShaped(text)) spans.push({ start: m.index, end: m.index + text.length });
  }
  if (spans.length === 0) return run;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const { start, end, cut } of spans) {
    if (start < cursor) continue;
    // A cut token's own ellipsis is replaced along with it (`ghp_Q7nJ…` -> `ghp_…`).
    const secret = cut ? run.slice(start, end - 1) : run.slice(start, end);
    if (/[\u2026\u2022]/.test(secret) || secret.length === 0) continue;
    out += run.slice(cursor, start) + maskSecret(secret);
    cursor = end;
  }
  return out + run.slice(cursor);
}
