import { memoizeByString } from '../core/memo';
import { parseUrlLoosely } from '../core/urls';
import { findReferences } from '../core/interpolation';
import { isPlaceholder } from './placeholders';
import { detectSecret, type SecretVerdict } from './detect';
import { isSecretKeyName } from './keyNames';
import { blankSpans } from './mask';
import { lookupTable } from '../core/lookupTable';

/**
 * URLs and connection strings inside config values, and the credentials they carry:
 * `user:password@` userinfo, `?api_key=` style query parameters, tokens in the path, and
 * `Password=` in ADO.NET / JDBC strings. Offsets are relative to the value examined.
 */

/** Database and message-broker schemes whose URLs carry a login (ours: context data). */
const DB_SCHEMES = lookupTable<string>({
  postgres: 'PostgreSQL',
  postgresql: 'PostgreSQL',
  pgsql: 'PostgreSQL',
  cockroachdb: 'CockroachDB',
  mysql: 'MySQL',
  mysqlx: 'MySQL',
  mariadb: 'MariaDB',
  mongodb: 'MongoDB',
  'mongodb+srv': 'MongoDB',
  redis: 'Redis',
  rediss: 'Redis',
  valkey: 'Valkey',
  amqp: 'AMQP',
  amqps: 'AMQP',
  mssql: 'SQL Server',
  sqlserver: 'SQL Server',
  oracle: 'Oracle',
  clickhouse: 'ClickHouse',
  neo4j: 'Neo4j',
  'neo4j+s': 'Neo4j',
  bolt: 'Neo4j',
  'bolt+s': 'Neo4j',
  couchbase: 'Couchbase',
  couchbases: 'Couchbase',
  snowflake: 'Snowflake',
  cassandra: 'Cassandra',
  elasticsearch: 'Elasticsearch',
  nats: 'NATS',
  kafka: 'Kafka',
  mqtt: 'MQTT',
  mqtts: 'MQTT',
  ldap: 'LDAP',
  ldaps: 'LDAP',
  ftp: 'FTP',
  sftp: 'SFTP',
  smtp: 'SMTP',
  smtps: 'SMTP',
});

/** Users that own the whole server: a leaked login is a full takeover, not one database. */
const PRIVILEGED_USERS = new Set([
  'postgres',
  'root',
  'sa',
  'admin',
  'administrator',
  'rdsadmin',
  'master',
  'superuser',
  'system',
  'sys',
  'dbadmin',
  'dba',
  'mysql',
]);

export interface UrlSpan {
  start: number;
  end: number;
  scheme: string;
  /** The database kind when the scheme is a database or broker (or a `jdbc:` URL). */
  database?: string;
}

const URL_START = /(?:jdbc:)?[a-zA-Z][a-zA-Z0-9+.-]{1,20}:\/\//g;

/** Every `scheme://...` in the value, up to whitespace or a quote. */
export function findUrls(value: string): readonly UrlSpan[] {
  if (!value.includes('://')) return NO_SPANS;
  // Three secret rules and the URL masking look at the same values: find their URLs once.
  return urlsOf(value);
}

const NO_SPANS: readonly UrlSpan[] = Object.freeze([]);
const urlsOf = memoizeByString((value): readonly UrlSpan[] => scanUrls(value), 2000);

function scanUrls(value: string): UrlSpan[] {
  const spans: UrlSpan[] = [];
  URL_START.lastIndex = 0;
  for (let match = URL_START.exec(value); match; match = URL_START.exec(value)) {
    const start = match.index;
    let end = start + match[0].length;
    while (end < value.length && !/[\s"'<>`]/.test(value[end])) end++;
    // A URL inside "(...)" or ending a sentence keeps neither.
    while (end > start && /[),.;]/.test(value[end - 1])) end--;
    const raw = match[0].replace(/:\/\/$/, '').toLowerCase();
    const jdbc = raw.startsWith('jdbc:');
    const scheme = jdbc ? raw.slice(5) : raw;
    spans.push({ start, end, scheme, database: DB_SCHEMES[scheme] ?? (jdbc ? (DB_SCHEMES[scheme] ?? 'JDBC') : undefined) });
    URL_START.lastIndex = end;
  }
  return spans;
}

/** ADO.NET / ODBC style: `Server=db;User Id=sa;Password=...;` */
const ADO_HINT = /(?:^|;)\s*(?:server|data source|host|hostname|address|addr|uid|user id|username|database|initial catalog|dsn|driver)\s*=/i;
const ADO_PASSWORD = /(?:^|;)\s*(password|pwd|accountkey|sharedaccesskey|sharedaccesssignature)\s*=\s*("[^"]*"|'[^']*'|\{[^}]*\}|[^;]*)/gi;
/** Azure Storage / Service Bus / Event Hubs connection strings carry an account or access key. */
const AZURE_HINT = /(?:^|;)\s*(?:accountname|endpoint|defaultendpointsprotocol)\s*=/i;
const ADO_USER = /(?:^|;)\s*(?:user id|uid|user|username)\s*=\s*([^;]*)/i;

export interface ConnectionSecret {
  /** Database kind for the message: "PostgreSQL", "SQL Server"... */
  kind: string;
  /** Offsets of the password inside the value. */
  start: number;
  end: number;
  user?: string;
  privilegedUser: boolean;
  /** The host is loopback: a local development database. */
  local: boolean;
}

/** Connection strings (database URLs, JDBC, ADO.NET) that carry a literal password. */
export function findConnectionSecrets(value: string): ConnectionSecret[] {
  const found: ConnectionSecret[] = [];
  for (const span of findUrls(value)) {
    if (!span.database) continue;
    const text = value.slice(span.start, span.end);
    const afterScheme = text.indexOf('://') + 3;
    const { authority, at } = authorityOf(text, afterScheme);
    const host = (at >= 0 ? authority.slice(at + 1) : authority).replace(/:\d+$/, '').toLowerCase();
    const local = /^(?:localhost|127\.[\d.]+|\[?::1\]?|0\.0\.0\.0|host\.docker\.internal)(?:,|$)/.test(host);
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      const colon = userinfo.indexOf(':');
      if (colon >= 0) {
        const password = userinfo.slice(colon + 1);
        const user = safeDecode(userinfo.slice(0, colon));
        const start = span.start + afterScheme + colon + 1;
        if (isLiteralPassword(password))
          found.push({ kind: span.database, start, end: start + password.length, user, privilegedUser: PRIVILEGED_USERS.has(user.toLowerCase()), local });
        continue;
      }
    }
    // JDBC / query-string logins: ?user=x&password=y or ;user=x;password=y
    const params = /[?&;](user(?:name)?|password|pwd)=([^&;]*)/gi;
    let user: string | undefined;
    let password: { start: number; end: number; text: string } | undefined;
    for (let m = params.exec(text); m; m = params.exec(text)) {
      const name = m[1].toLowerCase();
      const valueStart = m.index + m[0].length - m[2].length;
      if (name.startsWith('user')) user = safeDecode(m[2]);
      else password = { start: span.start + valueStart, end: span.start + valueStart + m[2].length, text: m[2] };
    }
    if (password && isLiteralPassword(password.text))
      found.push({
        kind: span.database,
        start: password.start,
        end: password.end,
        user,
        privilegedUser: user !== undefined && PRIVILEGED_USERS.has(user.toLowerCase()),
        local,
      });
  }
  if ((ADO_HINT.test(value) || AZURE_HINT.test(value)) && value.includes('=')) {
    const userMatch = ADO_USER.exec(value);
    const user = userMatch?.[1].trim();
    const local = /(?:server|data source|host)\s*=\s*(?:tcp:)?(?:localhost|\(local\)|\.|127\.0\.0\.1)(?:[,;\\]|$)/i.test(value);
    ADO_PASSWORD.lastIndex = 0;
    for (let m = ADO_PASSWORD.exec(value); m; m = ADO_PASSWORD.exec(value)) {
      let text = m[2].trim();
      let start = m.index + m[0].length - m[2].length + (m[2].length - m[2].trimStart().length);
      if (/^["'{]/.test(text)) {
        text = text.slice(1, -1);
        start += 1;
      }
      const azure = m[1].toLowerCase() !== 'password' && m[1].toLowerCase() !== 'pwd';
      if (isLiteralPassword(text))
        found.push({
          kind: azure ? 'Azure' : 'database',
          start,
          end: start + text.length,
          user: azure ? undefined : user,
          privilegedUser: !azure && user !== undefined && PRIVILEGED_USERS.has(user.toLowerCase()),
          local,
        });
    }
  }
  return found;
}

/** A password that is written out, not a variable, mask or template. */
function isLiteralPassword(password: string): boolean {
  if (password.length === 0) return false;
  const decoded = safeDecode(password);
  if (findReferences(decoded).length > 0 || /^%[A-Za-z_]\w*%$/.test(decoded)) return false;
  if (/^(.)\1*$/.test(decoded) || /^[x*\u2022.]+$/i.test(decoded)) return false;
  if (/^[<[{].*[>\]}]$/.test(decoded)) return false;
  // Only placeholder syntax ("your_password", "changeme", "<password>") is not a password; a
  // weak one ("pass", "password", "mypassword") is what the database really accepts (issue 15 class 1).
  return !/^(?:your|insert|enter|replace|change[-_]?me|placeholder|example|redacted)|[-_]here$|\.{3}|\u2026/i.test(decoded);
}

export interface UrlSecret {
  /** What it is: "password in the URL", "API key in the query string"... */
  label: string;
  /** Query key or 'userinfo' or 'path'. */
  where: string;
  reason: SecretVerdict['reason'];
  start: number;
  end: number;
}

/** Credentials in non-database URLs: userinfo, query parameters, known tokens in the path. */
export function findUrlSecrets(value: string): UrlSecret[] {
  const found: UrlSecret[] = [];
  for (const span of findUrls(value)) {
    if (span.database) continue;
    const text = value.slice(span.start, span.end);
    const afterScheme = text.indexOf('://') + 3;
    const { authority, at } = authorityOf(text, afterScheme);
    // Parse with the login blanked (same length): a raw '#' or '?' in a password must not end the host.
    const parsed = parseUrlLoosely(at >= 0 ? text.slice(0, afterScheme) + 'u'.repeat(at) + text.slice(afterScheme + at) : text);
    if (!parsed) continue;
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      const colon = userinfo.indexOf(':');
      const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
      const password = colon < 0 ? undefined : userinfo.slice(colon + 1);
      const start = afterScheme;
      if (password !== undefined && isLiteralPassword(password)) {
        const known = detectSecret(safeDecode(password), 'password');
        const pStart = span.start + start + user.length + 1;
        found.push({
          label: known?.reason === 'format' ? known.label : 'password',
          where: 'userinfo',
          reason: 'format',
          start: pStart,
          end: pStart + password.length,
        });
      } else if (password === undefined && user.length >= 16) {
        // https://<token>@github.com: a token used as the user name.
        const known = detectSecret(safeDecode(user));
        if (known?.reason === 'format')
          found.push({ label: known.label, where: 'userinfo', reason: 'format', start: span.start + start, end: span.start + start + user.length });
      }
    }
    for (const param of parsed.query) {
      if (!param.value || param.valueEnd <= param.valueStart) continue;
      const verdict = detectSecret(param.value, param.key, { credential: isSecretKeyName(param.key) });
      if (!verdict || (verdict.reason !== 'example' && isPlaceholder(param.value))) continue;
      // The whole raw parameter value is the range: decoding may have changed its length.
      found.push({ label: verdict.label, where: param.key, reason: verdict.reason, start: span.start + param.valueStart, end: span.start + param.valueEnd });
    }
    // Known token formats in the path (webhook URLs, per-user MCP endpoints).
    const pathStart = parsed.hostStart + parsed.host.length + (parsed.port !== undefined ? parsed.port.length + 1 : 0);
    const path = text.slice(pathStart, pathStart + parsed.path.length);
    if (path.length >= 16) {
      const verdict = detectSecret(path);
      if (verdict?.reason === 'format')
        found.push({
          label: verdict.label,
          where: 'path',
          reason: 'format',
          start: span.start + pathStart + verdict.start,
          end: span.start + pathStart + verdict.end,
        });
    }
  }
  return found;
}

/** The value with every URL blanked out (same length), for rules that leave URLs to others. */
export function maskUrls(value: string): string {
  if (!value.includes('://') && !value.includes('=')) return value;
  // A secret-manager reference (`op://vault/item with spaces/field`) is one value that names a
  // secret kept elsewhere: blanking its "URL" part would leave a fragment that reads as a literal.
  if (/^\s*(?:op|vault|sm|gcpsm|secret|keychain):\/\//i.test(value)) return ' '.repeat(value.length);
  let masked = blankSpans(value, findUrls(value));
  if (ADO_HINT.test(masked) || AZURE_HINT.test(masked)) {
    ADO_PASSWORD.lastIndex = 0;
    masked = masked.replace(ADO_PASSWORD, (m) => ' '.repeat(m.length));
  }
  return masked;
}

/**
 * The authority of a URL written by hand: the login may hold raw `#`, `?` or `@`
 * characters, so the userinfo ends at the last `@` before the first `/` of the path.
 */
export function authorityOf(text: string, afterScheme: number): { authority: string; at: number } {
  const slash = text.indexOf('/', afterScheme);
  const head = slash < 0 ? text.slice(afterScheme) : text.slice(afterScheme, slash);
  const at = head.lastIndexOf('@');
  const end = at >= 0 ? firstIndex(head, ['?', '#'], at) : firstIndex(head, ['?', '#'], 0);
  return { authority: head.slice(0, end), at };
}

function firstIndex(text: string, chars: string[], from: number): number {
  let best = text.length;
  for (const ch of chars) {
    const i = text.indexOf(ch, from);
    if (i >= 0 && i < best) best = i;
  }
  return best;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
