/**
 * Which names (env keys, header names, flag names, query keys, cookie names) hold
 * credentials. Ours, because it depends on how MCP configs are written: the provider's own
 * env names (`TAVILY_API_KEY`), header names (`X-Subscription-Token`) and CLI flags
 * (`--api-key`). camelCase is split first so `tavilyApiKey` reads as `tavily_api_key`.
 */

/** Words that mark a credential anywhere in a (normalised, snake_case) name. */
const SECRET_WORDS =
  /(?:^|_)(?:api_?key|apikey|access_?key|secret(?:_?key)?|client_?secret|token|auth_?token|access_?token|refresh_?token|bearer(?:_?token)?|passw(?:or)?d|passwd|pwd|pass|passphrase|credentials?|creds|private_?key|signing_?key|session(?:_?key|_?id)?|cookie|pat|jwt|auth|authorization|subscription_?key|subscription_?token|license_?key|master_?key|account_?key|app_?key|sas|key)(?:$|_)/;

/**
 * Names with a credential word that hold something else: a path, id, URL, switch, size or
 * the *name* of a variable. Checked on whole underscore-separated words.
 */
const NOT_SECRET_WORDS =
  /(?:^|_)(?:url|uri|urls|host|hostname|domain|path|file|filename|dir|directory|folder|id|ids|arn|name|names|user|username|login|email|region|endpoint|type|kind|mode|expiry|expires|expiration|expire|ttl|header|headers|enabled|enable|disabled|env|var|variable|version|scope|scopes|prefix|suffix|length|len|timeout|limit|limits|max|min|count|budget|issuer|audience|algorithm|alg|provider|method|location|policy|format|source|helper|command|cmd|cache|store|storage|ref|reference|hint|field|param|parameter|strategy|required|optional|port|level|size|public|publishable|anon|sort|partition|primary|foreign|index|lifetime|rotation|refresh_?interval|callback|redirect|flow|grant|audience|schema|template|description|label|owner|sid|kid|fingerprint|hash|salt_?rounds|usage|account|project|org|organization|tenant|client_?id|app_?id|key_?id|pool|server|service|model|collection|database|db|table|bucket|queue|topic|channel|instance|workspace|team)(?:$|_)/;

/** Keys documented as public (Supabase anon / publishable, Stripe publishable, public keys). */
const ALWAYS_PUBLIC = /(?:^|_)(?:public|publishable|anon|pub)(?:$|_)/;

/** Names whose value may be short and word-like and still be a real secret. */
const PASSWORD_WORDS = /(?:^|_)(?:passw(?:or)?d|passwd|pwd|pass|passphrase)(?:$|_)/;

/** `tavilyApiKey` / `X-API-Key` / `--api-key` -> `tavily_api_key` / `x_api_key` / `api_key`. */
export function normaliseName(name: string): string {
  let normal = normalCache.get(name);
  if (normal === undefined) {
    if (normalCache.size > 2000) normalCache.clear();
    normal = normaliseUncached(name);
    normalCache.set(name, normal);
  }
  return normal;
}

const normalCache = new Map<string, string>();
const secretNameCache = new Map<string, boolean>();

function normaliseUncached(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export function isSecretKeyName(name: string): boolean {
  let result = secretNameCache.get(name);
  if (result === undefined) {
    if (secretNameCache.size > 2000) secretNameCache.clear();
    result = isSecretNameUncached(normaliseName(name));
    secretNameCache.set(name, result);
  }
  return result;
}

function isSecretNameUncached(normal: string): boolean {
  if (!normal || !SECRET_WORDS.test(normal)) return false;
  if (ALWAYS_PUBLIC.test(normal)) return false;
  if (!NOT_SECRET_WORDS.test(normal)) return true;
  // "GITHUB_TOKEN_SECRET_NAME" is a name; "SERVICE_ACCOUNT_KEY" or "DB_PASSWORD" is not:
  // the last word decides when both kinds appear.
  const words = normal.split('_');
  const last = words[words.length - 1];
  return SECRET_WORDS.test(last) && !NOT_SECRET_WORDS.test(last) && !/^(?:max|min|limit|count)$/.test(words[0]);
}

export function isPasswordKeyName(name: string): boolean {
  return PASSWORD_WORDS.test(normaliseName(name));
}

/** Header names whose whole value is a credential, whatever it looks like. */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy_authorization',
  'x_api_key',
  'api_key',
  'apikey',
  'x_auth_token',
  'x_access_token',
  'x_subscription_token',
  'ocp_apim_subscription_key',
  'x_goog_api_key',
  'private_token',
  'x_functions_key',
  'cookie',
]);

export function isCredentialHeader(name: string): boolean {
  const normal = normaliseName(name);
  return CREDENTIAL_HEADERS.has(normal) || isSecretKeyName(normal);
}

/** Command-line flags (without dashes) that take a credential as their value. */
export function isCredentialFlag(flag: string): boolean {
  const normal = normaliseName(flag);
  if (/^(?:p|u|e|h|k|t)$/.test(normal)) return false; // single letters mean port, user, env...
  return isSecretKeyName(normal);
}
