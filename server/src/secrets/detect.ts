import { findReferences } from '../core/interpolation';
import { findKnownFormat } from './knownFormats';
import { findContextFormat } from './contextFormats';
import { isDocumentedExample, isPlaceholder } from './placeholders';
import { isPasswordKeyName, isSecretKeyName, normaliseName } from './keyNames';
import { entropy } from './entropy';
import { blankSpans } from './mask';
import { StringAnswers } from '../core/memo';

export { isPlaceholder } from './placeholders';
export { isSecretKeyName } from './keyNames';
export { entropy } from './entropy';

/**
 * Decides whether a literal config value is a secret. Known formats come from secretlint
 * (run only on candidate values); the context rules (provider shapes, key names, auth
 * schemes, placeholders, variable references, entropy) are ours, because they depend on
 * how MCP configs are written.
 */
export interface SecretVerdict {
  /**
   * The tier (issue 15 class 1; severityOf maps it): 'format': a known token format
   * (secretlint, a provider shape, a JWT, Basic credentials), even with a made-up-looking
   * body -> error. 'key': any other literal in a credential-named key or credential position
   * -> warning. 'example': a vendor's published documentation example -> information.
   */
  reason: 'format' | 'key' | 'example';
  /** What it is, for messages: "GitHub token", "API key". Never the value. */
  label: string;
  /** Offsets of the secret inside the value (a default literal, the part after "Bearer "). */
  start: number;
  end: number;
  /**
   * The span a fix replaces when it is wider than the secret: a `${NAME:-literal}`
   * reference is replaced as a whole (a reference nested in a default is not expanded).
   */
  fixStart?: number;
  fixEnd?: number;
}

export interface DetectOptions {
  /** The value sits where only credentials go (Authorization header, `--api-key`, cookie). */
  credential?: boolean;
  /**
   * A slot that may hold credentials among other values (a cookie of any name): a literal
   * there counts only when it looks random, not whatever it is.
   */
  randomOnly?: boolean;
}

/** The severity of each tier, the same wherever the secret sits and in every client (issue 15 class 8). */
export function severityOf(reason: SecretVerdict['reason']): 'error' | 'warning' | 'information' {
  return reason === 'format' ? 'error' : reason === 'key' ? 'warning' : 'information';
}

const cache = new StringAnswers<SecretVerdict | null>(4000);

/**
 * Returns a verdict when `value` (stored under `key`, if any) is or contains a literal
 * secret. Variable references are not secrets, but a `${VAR:-default}` default is checked.
 * Results are memoised: the language server re-lints the same values on every keystroke.
 */
export function detectSecret(value: string, key?: string, options: DetectOptions = {}): SecretVerdict | undefined {
  if (value.length < 4) return undefined;
  const cacheKey = (options.credential ? '1' : '0') + (options.randomOnly ? '1' : '0') + (key ?? '') + '\u0000' + value;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached ?? undefined;
  return cache.add(cacheKey, () => detectUncached(value, key, options) ?? null) ?? undefined;
}

function detectUncached(value: string, key: string | undefined, options: DetectOptions): SecretVerdict | undefined {
  const references = findReferences(value);
  if (references.length > 0) {
    for (const reference of references) {
      if (reference.defaultValue && reference.defaultValue.length >= 4) {
        const inner = detectSecret(
          reference.defaultValue,
          key ?? reference.name,
          options.credential ? options : { credential: isSecretKeyName(reference.name) },
        );
        if (inner) {
          const start = value.indexOf(reference.defaultValue, reference.start) + inner.start;
          return {
            ...inner,
            label: `${inner.label} (as the default of a variable)`,
            start,
            end: start + (inner.end - inner.start),
            fixStart: reference.start,
            fixEnd: reference.end,
          };
        }
      }
    }
    // Literal text around references ("Bearer ${X}") is not a secret by itself, but a literal
    // token next to a reference still is: blank out the references and look at the rest.
    const masked = blankSpans(value, references);
    if (masked.trim().length < 8) return undefined;
    value = masked;
  }
  const trimmed = value.trim();
  const keyHint = key ? normaliseName(key) : '';
  const credential = options.credential === true || (key !== undefined && isSecretKeyName(key));
  // Placeholder syntax alone ("YOUR_API_KEY", "<token>", "changeme"): nothing to look at. A
  // value that only contains such a marker ("ghp_xxxx…", "sk-...") is judged on its format match.
  if (isPlaceholder(trimmed) && !VENDOR_PREFIX.test(trimmed) && !isDocumentedExample(trimmed)) return undefined;

  // Public-by-design keys (publishable, anon) are never findings, whatever their key says.
  const shaped = findContextFormat(value, keyHint, credential);
  if (shaped?.public) return undefined;
  const token = findJwt(value);
  if (token?.public) return undefined;

  // Our provider shapes are cheap and cover most prefixed tokens; secretlint (about 0.1 ms a
  // value) runs only for candidates they did not already name.
  const known = shaped ? undefined : (findKnownFormat(value, key) ?? findPrivateKeyBlock(value));
  for (const match of [known, shaped, token]) {
    if (!match) continue;
    const text = value.slice(match.start, match.end);
    // A vendor's own documentation example: information, so nobody rotates a key that never worked.
    if (isDocumentedExample(text)) return { reason: 'example', label: `${match.label} (a documented example value)`, start: match.start, end: match.end };
    if (isPlaceholder(text)) return undefined;
  }
  if (isPlaceholder(trimmed)) return undefined;
  if (known) return { reason: 'format', label: known.label, start: known.start, end: known.end };
  if (shaped) return { reason: 'format', label: shaped.label, start: shaped.start, end: shaped.end };
  if (token) return { reason: 'format', label: token.label, start: token.start, end: token.end };

  // "Bearer <token>" / "Basic <base64>" / "token <t>": the credential is after the scheme,
  // wherever it sits (a header value, a JSON string of headers in an env var).
  const scheme = AUTH_SCHEME.exec(value);
  if (scheme) {
    const start = scheme.index + scheme[0].length - scheme[2].length;
    const candidate = scheme[2];
    if (/^basic$/i.test(scheme[1])) {
      const basic = basicCredentials(candidate);
      if (basic === 'placeholder') return undefined;
      if (basic) return { reason: 'format', label: 'Basic-auth user and password', start, end: start + candidate.length };
    }
    if (isPlaceholder(candidate)) return undefined;
    const atStart = value.slice(0, scheme.index + 1).trim().length <= 1;
    if (looksLikeCredential(candidate, atStart && options.credential ? 'position' : 'strict')) {
      return { reason: 'key', label: scheme[1].toLowerCase() === 'basic' ? 'Basic-auth credential' : 'bearer token', start, end: start + candidate.length };
    }
    if (atStart) return undefined;
  }

  if (credential) {
    const leading = value.length - value.trimStart().length;
    const isPassword = key !== undefined && isPasswordKeyName(key);
    // Any literal in a credential slot is what the server gets as its credential, however
    // made up it looks (issue 15 class 1: weak passwords and test tokens are pasted too).
    if (looksLikeCredential(trimmed, isPassword ? 'password' : options.randomOnly ? 'position' : 'slot')) {
      return { reason: 'key', label: isPassword ? 'password' : labelForKey(keyHint), start: leading, end: leading + trimmed.length };
    }
  }
  return undefined;
}

/** Prefixes of vendor token formats, so "ghp_…" is looked at even when its body reads like filler. */
const VENDOR_PREFIX = /^(?:gh[pousr]_|github_pat_|glpat-|xox[abpr]-|sk-(?:ant|proj)-|sk_(?:live|test)_|rk_live_|AKIA|ASIA|AIza|hf_|npm_|pypi-)/;

const AUTH_SCHEME = /(?:^|[\s"':])(bearer|basic|token|bot|apikey|api-key|sso-key|ssws|key|splunk)\s+([A-Za-z0-9_\-.=+/~:]{6,})/i;

/** "user:pass" in base64; 'placeholder' when the password part is template text. */
function basicCredentials(candidate: string): boolean | 'placeholder' {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(candidate) || candidate.length < 8) return false;
  const decoded = Buffer.from(candidate, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || /[\u0000-\u001f\ufffd]/.test(decoded)) return false;
  const password = decoded.slice(colon + 1);
  if (password.length === 0 || isPlaceholder(password) || (isPlaceholder(decoded.slice(0, colon)) && password.length < 4)) return 'placeholder';
  return true;
}

/**
 * A PEM private-key block whose body is real base64 (secretlint only accepts bodies that
 * start like DER; keys pasted from other tools or with \n escapes are still keys).
 */
function findPrivateKeyBlock(value: string): { label: string; start: number; end: number } | undefined {
  const begin = value.indexOf('-----BEGIN');
  if (begin < 0) return undefined;
  const header = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/.exec(value.slice(begin));
  if (!header) return undefined;
  const bodyStart = begin + header.index + header[0].length;
  const endMarker = value.indexOf('-----END', bodyStart);
  const body = value.slice(bodyStart, endMarker < 0 ? undefined : endMarker).replace(/\\n|\s/g, '');
  if (body.length < 64 || !/^[A-Za-z0-9+/=]+$/.test(body) || entropy(body) < 4) return undefined;
  const close = endMarker < 0 ? value.length : value.indexOf('-----', endMarker + 8) + 5;
  return { label: 'private key', start: begin + header.index, end: Math.max(close, bodyStart) };
}

interface JwtMatch {
  label: string;
  start: number;
  end: number;
  public: boolean;
}

/** A signed JWT (header.payload.signature). Supabase anon keys are public; service_role bypasses RLS. */
function findJwt(value: string): JwtMatch | undefined {
  const match = firstJwtShape(value);
  if (!match) return undefined;
  const start = match.index;
  let payload: Record<string, unknown> | undefined;
  try {
    payload = JSON.parse(Buffer.from(match[0].split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!payload || typeof payload !== 'object') return undefined;
  const role = typeof payload.role === 'string' ? payload.role : undefined;
  if (role === 'anon') return { label: 'Supabase anon key', start, end: start + match[0].length, public: true };
  const label = role === 'service_role' ? 'Supabase service-role key' : 'JSON Web Token';
  return { label, start, end: start + match[0].length, public: false };
}

const JWT_AT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/y;
const TOKEN_CHARACTERS = /[A-Za-z0-9_-]*/y;

/**
 * The leftmost `header.payload.signature` in `value`, as the unanchored regex would find it,
 * in linear time: that regex, tried from every `eyJ` of a long run without a dot
 * (`eyJeyJeyJ…`), re-read the rest of the run from each (80 kB: 3.5 s). A start that fails
 * fails for every later start in the same run of token characters (the first dot can only
 * be where the run ends), so the search resumes after the run.
 */
export function firstJwtShape(value: string): RegExpExecArray | undefined {
  for (let at = value.indexOf('eyJ'); at >= 0;) {
    JWT_AT.lastIndex = at;
    const match = JWT_AT.exec(value);
    if (match) return match;
    TOKEN_CHARACTERS.lastIndex = at;
    TOKEN_CHARACTERS.exec(value);
    at = value.indexOf('eyJ', TOKEN_CHARACTERS.lastIndex);
  }
  return undefined;
}

function labelForKey(normalisedKey: string): string {
  if (/(?:^|_)(?:client_?secret)(?:$|_)/.test(normalisedKey)) return 'client secret';
  if (/(?:^|_)(?:private_?key)(?:$|_)/.test(normalisedKey)) return 'private key';
  if (/(?:^|_)(?:cookie|session)(?:$|_)/.test(normalisedKey)) return 'session cookie';
  if (/(?:^|_)(?:api_?key|apikey|key)(?:$|_)/.test(normalisedKey)) return 'API key';
  if (/(?:^|_)(?:secret)(?:$|_)/.test(normalisedKey)) return 'secret';
  if (/(?:^|_)(?:credentials?|creds)(?:$|_)/.test(normalisedKey)) return 'credential';
  return 'token';
}

/**
 * A file-system path: starts at a root, home or relative directory and is made of
 * readable segments (a random base64 token can start with '/' too).
 */
function isPathLike(text: string): boolean {
  if (/^(?:[A-Za-z]:[\\/]|\\\\)/.test(text)) return true;
  if (!/^(?:~|\.{1,2})?[\\/]/.test(text) && !/^\.{1,2}$/.test(text)) return false;
  if (/[+=]/.test(text)) return false;
  return text
    .split(/[\\/]/)
    .every((segment) => segment.length < 24 && !(segment.length >= 12 && /\d/.test(segment) && /[a-z]/.test(segment) && /[A-Z]/.test(segment)));
}

/** Values that refer to a secret kept elsewhere: secret-manager URIs, ARNs, key-vault refs. */
const SECRET_REFERENCE =
  /^(?:op:\/\/|vault:|arn:aws|projects\/[^/]+\/secrets\/|sm:\/\/|gcpsm:\/\/|awssm:|azkv:|keychain:|keyring:|pass:|env:|file:|cmd:|exec:|@microsoft\.keyvault)/i;

/**
 * A literal that could plausibly be a credential: not a word, name, path, URL, number,
 * e-mail or reference to a secret store. Passwords only need to be non-trivial text.
 */
export function looksLikeCredential(text: string, mode: 'strict' | 'position' | 'slot' | 'password'): boolean {
  const isPassword = mode === 'password';
  const anyLiteral = isPassword || mode === 'slot';
  if (text.length < (anyLiteral ? 4 : mode === 'position' ? 8 : 10) || text.length > 8192) return false;
  if (/\s/.test(text) && !isPassword) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || SECRET_REFERENCE.test(text)) return false;
  if (isPathLike(text) || /\.(?:json|pem|key|p12|pfx|crt|cer|txt|env|ya?ml|toml|ini|conf|cfg)$/i.test(text)) return false;
  if (/^-?\d+(?:\.\d+)?$/.test(text) || /^(?:true|false|null|yes|no|on|off|enabled|disabled)$/i.test(text)) return false;
  if (/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(text)) return false; // e-mail
  // In a credential slot any other literal is a credential; the shape checks below are for
  // values whose key says nothing.
  if (anyLiteral)
    return !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(text) && !/^\d{1,3}$/.test(text) && (isPassword || !/^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/.test(text));
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(text)) return false; // the *name* of a variable
  if (/^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/.test(text)) return false; // a version
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return false; // a date
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(text) && /\.[a-z]{2,}$/i.test(text) && !(/\d/.test(text) && /[A-Z]/.test(text))) return false; // host / dotted id (no digit and capital in either order; `\d.*[A-Z]` re-read the rest from every digit)
  const digits = /\d/.test(text);
  // Where only credentials go (Authorization, --api-key), any non-word literal is one.
  if (mode === 'position') return entropy(text) >= 2.5 && (digits || (/[A-Z]/.test(text) && /[a-z]/.test(text) && text.length >= 16));
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((c) => c.test(text)).length;
  if (classes < 2 && !(/^[a-f0-9]+$/.test(text) && text.length >= 24)) return false;
  const segments = text.split(/[-_.:/]+|(?<=[a-z])(?=[A-Z])/).filter(Boolean);
  const bits = entropy(text);
  // Words and identifiers ("ProductionDatabaseUser"); random letters are far less predictable.
  if (!digits && segments.length <= 6 && segments.every((s) => /^[A-Za-z]+$/.test(s)) && !(text.length >= 20 && bits >= 4)) return false;
  // Hex has at most 4 bits a character: judge it on its own scale.
  if (/^[a-f0-9]+$/i.test(text) && text.length >= 24) return bits >= 2.8;
  if (text.length < 20) return digits && bits >= 3.0;
  return bits >= 3.2 && (digits || text.length >= 24);
}
