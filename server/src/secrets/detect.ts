import { findReferences } from '../engine/interpolation';
import { findKnownFormat } from './knownFormats';

/**
 * Decides whether a literal config value is a secret. Known formats come from secretlint;
 * the context rules (key names, placeholders, variable references, entropy) are ours,
 * because they depend on how MCP configs are written.
 */
export interface SecretVerdict {
  /** 'format': a known token format; 'key': a credential-named key holding a credential-like literal. */
  reason: 'format' | 'key';
  /** What it is, for messages: "GitHub token", "value of API key". Never the value. */
  label: string;
  /** Offsets of the secret inside the value (a default literal, the part after "Bearer "). */
  start: number;
  end: number;
}

/** Env/header names that hold credentials. */
const SECRET_KEY = /(?:api[_-]?key|apikey|access[_-]?key|secret|token|passw(?:or)?d|\bpwd\b|_pwd$|credential|auth(?:orization)?$|private[_-]?key|client[_-]?secret|session[_-]?key|\bpat\b|_pat$|signing[_-]?key|bearer|cookie|x-api-key|subscription-token)/i;
/** Names that contain a credential word but hold something else (a path, an id, a URL). */
const NOT_SECRET_KEY = /(?:_url|_uri|_host|_path|_file|_dir|_id$|_name$|_user(?:name)?$|_region|_endpoint|_type$|_mode$|_expir|_ttl|_header$|_enabled$|_env$|_version|_scope|_prefix$|_length$|_timeout|_limit|^token_?limit|max_?tokens?|tokens?_?(?:count|limit|budget)|_issuer|_audience|_algorithm|_provider|_method$|_location)/i;

export function isSecretKeyName(key: string): boolean {
  return SECRET_KEY.test(key) && !NOT_SECRET_KEY.test(key);
}

/** Template text people leave in configs instead of a real value. */
export function isPlaceholder(value: string): boolean {
  const text = value.trim();
  if (text.length === 0) return true;
  if (/^<[^<>]*>$/.test(text) || /^\[[^\[\]]*\]$/.test(text) || /^\{\{[^{}]*\}\}$/.test(text) || /^%[A-Za-z_][\w]*%$/.test(text)) return true;
  if (/^(.)\1+$/.test(text)) return true; // xxxx, ****, 0000
  if (/^(?:x{3,}|\*{3,}|\.{3,}|-+|_+)/i.test(text) && /^[x*._-]+$/i.test(text.replace(/[-_]/g, ''))) return true;
  if (/(?:your|my|insert|enter|replace|put|add)[-_ ]?(?:own[-_ ]?)?(?:[a-z]+[-_ ])*(?:key|token|secret|password|pat|here|credential|id)/i.test(text)) return true;
  if (/(?:placeholder|changeme|change[-_]me|example|dummy|sample|redacted|todo|fixme|here$|^test$|^none$|^null$|^undefined$|^false$|^true$|^secret$|^password$|^token$)/i.test(text)) return true;
  if (/^(?:sk|pk|ghp|gho|xoxb|xoxp|ntn|lin_api|tvly|fc)[-_](?:\.\.\.|x+|\*+|your.*|<.*>|\.{3}.*|\*+.*)$/i.test(text)) return true;
  if (/x{6,}|\*{4,}|\.\.\./i.test(text) && !/[0-9]/.test(text.replace(/x{6,}|\*{4,}/gi, ''))) return true;
  return false;
}

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** A literal that could plausibly be a credential (not a word, path, URL, number or flag). */
function looksLikeCredential(text: string, keyIsPassword: boolean): boolean {
  if (text.length < (keyIsPassword ? 4 : 12) || text.length > 4096) return false;
  if (/\s/.test(text)) return false;
  if (/^(?:https?|wss?|file):\/\//i.test(text) || /^[./~]|^[a-zA-Z]:[\\/]/.test(text)) return false;
  if (/^-?\d+(?:\.\d+)?$/.test(text) || /^(?:true|false|null|yes|no|on|off)$/i.test(text)) return false;
  if (keyIsPassword) return true;
  // Require a mix of character classes or high entropy: real keys are random, names are not.
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((c) => c.test(text)).length;
  return entropy(text) >= 3.0 && classes >= 2;
}

/**
 * Returns a verdict when `value` (stored under `key`, if any) is or contains a literal
 * secret. Variable references are not secrets, but a `${VAR:-default}` default is checked.
 */
export function detectSecret(value: string, key?: string): SecretVerdict | undefined {
  if (value.length < 4) return undefined;
  const references = findReferences(value);
  if (references.length > 0) {
    for (const reference of references) {
      if (reference.defaultValue && reference.defaultValue.length >= 4) {
        const inner = detectSecret(reference.defaultValue, key);
        if (inner) {
          const start = value.indexOf(reference.defaultValue, reference.start);
          return { ...inner, label: `${inner.label} in the default of \${${reference.name}}`, start, end: start + reference.defaultValue.length };
        }
      }
    }
    // Literal text around references ("Bearer ${X}") is not a secret by itself, but a literal
    // token next to a reference still is: blank out the references and look at the rest.
    let masked = value;
    for (const reference of [...references].reverse()) masked = masked.slice(0, reference.start) + ' '.repeat(reference.end - reference.start) + masked.slice(reference.end);
    if (masked.trim().length < 8) return undefined;
    value = masked;
  }
  if (isPlaceholder(value)) return undefined;
  const known = findKnownFormat(value, key);
  if (known && !isPlaceholder(value.slice(known.start, known.end))) return { reason: 'format', label: known.label, start: known.start, end: known.end };
  if (key && isSecretKeyName(key)) {
    // "Bearer <token>" / "Basic <b64>" / "token <t>": the credential is after the scheme.
    const scheme = /^(bearer|basic|token|apikey)\s+/i.exec(value);
    const start = scheme ? scheme[0].length : 0;
    const candidate = value.slice(start).trim();
    if (isPlaceholder(candidate)) return undefined;
    const isPassword = /passw(?:or)?d|pwd/i.test(key);
    if (looksLikeCredential(candidate, isPassword)) return { reason: 'key', label: isPassword ? 'password' : `value of ${key}`, start, end: start + candidate.length };
  }
  return undefined;
}
