import type { Rule } from '../core/rule';
import { allSites } from '../secrets/sites';
import { findConnectionSecrets } from '../secrets/urlSecrets';
import { reportSecret, variableFor } from '../secrets/report';
import { moveAdvice } from '../secrets/advice';
import { normaliseName } from '../secrets/keyNames';
import { lookupTable } from '../core/lookupTable';

/**
 * A database or broker connection string (PostgreSQL, MySQL, MongoDB, Redis, AMQP, JDBC,
 * SQL Server...) with the password written in it, in env, args, headers or url. The
 * archived reference Postgres server takes its DSN as a positional argument, so this is
 * common. A privileged login (postgres, root, sa, admin) is called out: it owns the server.
 *
 * A well-known default credential on a loopback database
 * (`postgresql://postgres:postgres@localhost:5432/db`, the postgres image's default;
 * `guest:guest` for RabbitMQ, `scott:tiger` for Oracle) is information only (issue 15
 * class 1): everybody knows it, so the file leaks nothing new, but the database accepts it.
 * The same pair on another host, and any other password on localhost, is an error.
 */
export const rule: Rule = {
  id: 'secret-connection-string',
  meta: {
    category: 'secret',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A database connection string (postgres, mysql, mongodb, redis, amqp, jdbc, mssql...) with an embedded password.',
    fixable: true,
    owasp: ['MCP01'],
    threat: 'Credential theft: the password opens the database to anyone who reads the file; a privileged login opens all of it.',
    plaintextSecret: true,
  },
  checkServer(context, server) {
    for (const site of allSites(server)) {
      if (!site.value.includes('=') && !site.value.includes('://')) continue;
      for (const secret of findConnectionSecrets(site.value)) {
        if (secret.local && isDefaultCredential(secret.user, site.value.slice(secret.start, secret.end))) {
          reportSecret(context, {
            site,
            start: secret.start,
            end: secret.end,
            severity: 'information',
            message: `Default password for a local ${secret.kind} database: set a real one anywhere but a throwaway container. Server "${server.name}" logs in with the well-known default password. ${moveAdvice(context, site.where === 'env' ? 'env' : 'other')}`,
            variable: variableFor(site, 'DB_PASSWORD'),
          });
          continue;
        }
        const privileged = secret.privilegedUser
          ? ` It logs in as the privileged user "${secret.user}", which can read and change every database on the server: use a dedicated least-privilege user.`
          : '';
        const local = secret.local ? ' (a local database, but the password still leaks with the file)' : '';
        const base =
          site.where === 'env' && site.key
            ? normaliseName(site.key)
                .toUpperCase()
                .replace(/_(?:URL|URI|DSN|CONNECTION_STRING|CONN(?:ECTION)?)$/, '')
            : undefined;
        reportSecret(context, {
          site,
          start: secret.start,
          end: secret.end,
          severity: 'error',
          message: `Plaintext password in a ${secret.kind} connection string: move it out of the file. Server "${server.name}", ${site.position}${local}.${privileged} ${moveAdvice(context, site.where === 'env' ? 'env' : 'other')}`,
          variable: base ? `${base}_PASSWORD` : variableFor(site, 'DB_PASSWORD'),
        });
      }
    }
  },
};

/** Vendor defaults whose password differs from the user name (Oracle's sample and system logins). */
const DEFAULT_PASSWORDS = lookupTable<readonly string[]>({
  scott: ['tiger'],
  system: ['manager', 'oracle'],
  sys: ['change_on_install', 'oracle'],
});

/**
 * A login everybody knows: the password is the user name (postgres:postgres, root:root,
 * guest:guest, neo4j:neo4j, sa:sa, minioadmin:minioadmin...) or a documented vendor default.
 */
function isDefaultCredential(user: string | undefined, rawPassword: string): boolean {
  if (!user) return false;
  let password = rawPassword;
  try {
    password = decodeURIComponent(rawPassword);
  } catch {
    // keep the raw text
  }
  const u = user.trim().toLowerCase();
  const p = password.toLowerCase();
  return u.length > 0 && (p === u || (DEFAULT_PASSWORDS[u]?.includes(p) ?? false));
}
