import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import type { StringValue } from '../core/model';
import { serverCommands } from '../launch/effective';
import { dockerRunOf } from '../launch/docker';
import { isLoopbackHost } from '../core/urls';
import { valueRange } from '../fixes/nodeEdits';

/** Database accounts that own everything: superusers and the default admin logins. */
const PRIVILEGED_USERS = new Set([
  'postgres',
  'root',
  'sa',
  'admin',
  'administrator',
  'rdsadmin',
  'superuser',
  'sys',
  'system',
  'dbadmin',
  'dbo',
  'mysql',
  'cloudsqladmin',
  'azure_superuser',
  'master',
]);
const DSN =
  /\b(postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|sqlserver|mssql|oracle|cockroachdb|clickhouse|neo4j(?:\+s)?|bolt)(?:\+[a-z0-9]+)?:\/\/([^:@/\s?#]+)(?::[^@/\s]*)?@(\[[^\]]*\]|[^/:?#\s,;]*)/gi;
const KEYWORD = /(?:^|[;?&\s])(user(?:\s?id|name)?|uid)\s*=\s*([^;&\s]+)/gi;
const USER_ENV =
  /^(?:PGUSER|POSTGRES_USER|MYSQL_USER|MARIADB_USER|DB_USER(?:NAME)?|DATABASE_USER(?:NAME)?|MSSQL_USER|SQLSERVER_USER|SQL_USER|MONGO(?:DB)?_USER(?:NAME)?|ORACLE_USER|SNOWFLAKE_USER|CLICKHOUSE_USER|NEO4J_USER(?:NAME)?|[A-Z0-9]*(?:DB|SQL|DATABASE)_USER(?:NAME)?)$/;
const USER_FLAG = /^(?:-U|--user|--username|--db-user|--dbuser)$/;

/**
 * A database server connected as `postgres`, `root`, `sa` or `admin` can drop tables, read
 * every schema and change grants. "Read-only" modes inside MCP servers have been bypassed
 * repeatedly (stacked statements, CVE-2025-59333); a database role that can only read is
 * the boundary that holds. The password itself is the secrets rules' finding.
 */
export const rule: Rule = {
  id: 'broad-database-credentials',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A server connects to a database as a superuser or admin account (postgres, root, sa, admin...).',
    fixable: false,
    owasp: ['MCP02'],
    threat: 'Over-broad access: a prompt-injected or buggy SQL tool can drop or rewrite data and read every schema.',
  },
  checkServer(context, server) {
    const invocation = serverCommands(server).main;
    const run = invocation && dockerRunOf(invocation);
    // Docker's own --user is the container user, not a database login.
    const args = run ? [...run.options.filter((o) => o.name === '--env' && o.value).map((o) => o.value!), ...run.imageArgs] : (invocation?.args ?? []);
    const values: StringValue[] = [...args];
    if (server.url) values.push(server.url);
    for (const entry of server.env)
      if (entry.value !== undefined && entry.valueNode.type === 'string') values.push({ value: entry.value, node: entry.valueNode });
    let reported: Set<number> | undefined;
    const report = (value: StringValue, start: number, user: string, host: string | undefined, how: string) => {
      const range = valueRange(context.doc, value, start, start + user.length);
      reported ??= new Set();
      if (reported.has(range.offset)) return;
      reported.add(range.offset);
      const local = host !== undefined && (isLoopbackHost(host) || host === '' || host === 'host.docker.internal');
      context.report({
        ...range,
        server,
        severity: local ? 'information' : 'warning',
        message: `Database login "${shortValue(user, 20)}" can change or drop anything: connect as a role with only the rights the tools need. Server "${server.name}" connects to ${how}${local ? ' (a local database, but the agent can still destroy its data)' : ''}; read-only is enough for queries.`,
      });
    };
    for (const value of values) {
      DSN.lastIndex = 0;
      // A connection URL has "://": most values are turned away without the pattern's search.
      for (let m = value.value.includes('://') ? DSN.exec(value.value) : null; m; m = DSN.exec(value.value)) {
        const user = decodeSafe(m[2]);
        if (!PRIVILEGED_USERS.has(user.toLowerCase())) continue;
        report(value, m.index + m[0].indexOf('://') + 3, m[2], m[3].replace(/^\[|\]$/g, ''), `a ${m[1].toLowerCase().replace(/\+.*$/, '')} database`);
      }
      if (/(?:server|host|data source|jdbc:)/i.test(value.value)) {
        KEYWORD.lastIndex = 0;
        for (let m = KEYWORD.exec(value.value); m; m = KEYWORD.exec(value.value)) {
          if (!PRIVILEGED_USERS.has(m[2].toLowerCase())) continue;
          const host = /(?:server|host|data source)\s*=\s*(?:tcp:)?([^;,\s]+)/i.exec(value.value)?.[1] ?? /jdbc:[a-z]+:\/\/([^/:;?]+)/i.exec(value.value)?.[1];
          report(value, m.index + m[0].lastIndexOf(m[2]), m[2], host?.toLowerCase(), 'the database');
        }
      }
      // -e PGUSER=postgres inside docker args
      const eq = value.value.indexOf('=');
      if (
        run &&
        eq > 0 &&
        USER_ENV.test(value.value.slice(0, eq)) &&
        PRIVILEGED_USERS.has(
          value.value
            .slice(eq + 1)
            .trim()
            .toLowerCase(),
        )
      ) {
        report(value, eq + 1, value.value.slice(eq + 1).trim(), hostFromEnv(server), 'the database');
      }
    }
    for (const entry of server.env) {
      if (!USER_ENV.test(entry.key) || entry.value === undefined || entry.valueNode.type !== 'string') continue;
      if (!PRIVILEGED_USERS.has(entry.value.trim().toLowerCase())) continue;
      report({ value: entry.value, node: entry.valueNode }, 0, entry.value, hostFromEnv(server), 'the database');
    }
    // A user flag (-U postgres) counts only on a database client, asked at the first such flag.
    let dbServer: boolean | undefined;
    for (let i = 0; i < args.length; i++) {
      const text = args[i].value;
      const eq = text.indexOf('=');
      const flag = eq > 0 ? text.slice(0, eq) : text;
      if (!USER_FLAG.test(flag)) continue;
      dbServer ??= /postgres|mysql|maria|mssql|sql-?server|mongo|oracle|database|\bdb\b|sql/i.test(
        args
          .slice(0, 6)
          .map((a) => a.value)
          .join(' ') +
          ' ' +
          (invocation?.program ?? ''),
      );
      if (!dbServer) break;
      if (eq > 0 && PRIVILEGED_USERS.has(text.slice(eq + 1).toLowerCase())) report(args[i], eq + 1, text.slice(eq + 1), hostFromEnv(server), 'the database');
      else if (eq < 0 && args[i + 1] && PRIVILEGED_USERS.has(args[i + 1].value.toLowerCase()))
        report(args[i + 1], 0, args[i + 1].value, hostFromEnv(server), 'the database');
    }
  },
};

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The database host named by env (PGHOST, DB_HOST...), so a local database reads as local. */
function hostFromEnv(server: { env: Array<{ key: string; value: string | undefined }> }): string | undefined {
  const entry = server.env.find((e) => /^(?:PGHOST|POSTGRES_HOST|MYSQL_HOST|DB_HOST|DATABASE_HOST|[A-Z0-9]*(?:DB|SQL)_HOST)$/.test(e.key));
  return entry?.value?.toLowerCase();
}
