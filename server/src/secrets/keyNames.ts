/**
 * Which names (env keys, header names, flag names, query keys, cookie names) hold
 * credentials. Ours, because it depends on how MCP configs are written: the provider's own
 * env names (`TAVILY_API_KEY`), header names (`X-Subscription-Token`) and CLI flags
 * (`--api-key`). camelCase is split first so `tavilyApiKey` reads as `tavily_api_key`.
 */
import { memoizeByString } from '../core/memo';
import { splitWords } from '../core/words';

/**
 * A credential name ends with a credential word: `GITHUB_TOKEN`, `X_API_KEY`, `DB_PASSWORD`,
 * `CLIENT_SECRET`. Names that merely contain one end with something else and hold a path,
 * id, URL, switch, size or the *name* of a variable: `GITHUB_TOKEN_FILE`, `API_KEY_HEADER`,
 * `AWS_ACCESS_KEY_ID`, `TOKEN_LIMIT`, `MAX_TOKENS`, `SECRET_NAME`, `TOKEN_ENCODING`.
 */
const SECRET_END =
  /(?:^|_)(?:api_?key|apikey|access_?key|secret|secret_?key|token|passw(?:or)?d|passwd|pwd|pass|passphrase|credentials?|creds|pat|jwt|auth|authorization|cookie|key|sas|bearer)$/;

/** Trailing words that do not change what a name holds: `API_KEY_PROD`, `TOKEN_2`, `SECRET_VALUE`. */
const NEUTRAL_SUFFIX =
  /_(?:value|val|base|prod|production|dev|development|staging|stage|test|live|main|primary|secondary|raw|b64|base64|old|new|backup|v?\d+)$/;

/** Words before a final `key` that make it something else (a database key, a public key). */
const NOT_A_SECRET_KEY =
  /(?:^|_)(?:primary|foreign|sort|partition|hash|range|cache|idempotency|map|object|s3|bucket|row|unique|lookup|hot|short|shortcut|modifier|file|page|doc|document|site|project|issue|space|board|routing|index|dedup|dedupe|group|message|entity|resource|field|column|table|storage_path|kms|i18n|translation|locale|license_file)_key$/;

/** Keys documented as public (Supabase anon / publishable, Stripe publishable, public keys). */
const ALWAYS_PUBLIC = /(?:^|_)(?:public|publishable|anon|pub)(?:$|_)/;

/** Names whose value may be short and word-like and still be a real secret. */
const PASSWORD_WORDS = /(?:^|_)(?:passw(?:or)?d|passwd|pwd|pass|passphrase)(?:$|_)/;

/** `tavilyApiKey` / `X-API-Key` / `--api-key` -> `tavily_api_key` / `x_api_key` / `api_key`. */
export const normaliseName = memoizeByString(normaliseUncached, 2000);

function normaliseUncached(name: string): string {
  return splitWords(name).join('_');
}

export const isSecretKeyName = memoizeByString((name: string): boolean => isSecretNameUncached(normaliseName(name)), 2000);

function isSecretNameUncached(normal: string): boolean {
  if (!normal || ALWAYS_PUBLIC.test(normal)) return false;
  let name = normal;
  for (let guard = 0; guard < 3 && NEUTRAL_SUFFIX.test(name); guard++) name = name.replace(NEUTRAL_SUFFIX, '');
  // PGPASSWORD, GITHUBTOKEN, CLIENTSECRET: run-together names end with the word too.
  return (SECRET_END.test(name) || /(?:password|passwd|token|secret|apikey)$/.test(name)) && !NOT_A_SECRET_KEY.test(name);
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
  if (flag.length <= 1) return false; // single letters mean port, user, env...
  return isSecretKeyName(flag);
}
