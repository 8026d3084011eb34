import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { allSites } from '../secrets/sites';
import { findUrls } from '../secrets/urlSecrets';
import { isLocalDestination, isLoopbackHost, parseUrlLoosely } from '../core/urls';
import { lookupTable } from '../core/lookupTable';

/** Database and broker schemes that speak plaintext unless TLS is asked for. */
const PLAINTEXT_SCHEMES = lookupTable<string>({
  postgres: 'PostgreSQL',
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  mariadb: 'MariaDB',
  mongodb: 'MongoDB',
  redis: 'Redis',
  amqp: 'AMQP',
  bolt: 'Neo4j Bolt',
  neo4j: 'Neo4j',
  nats: 'NATS',
  mqtt: 'MQTT',
  memcached: 'Memcached',
  clickhouse: 'ClickHouse',
});

/**
 * Query parameters that turn TLS on: libpq `sslmode=require|verify-ca|verify-full`, MySQL
 * `ssl-mode=REQUIRED|VERIFY_*` / `ssl=true`, MongoDB `tls=true` / `ssl=true`, and the like.
 */
const TLS_PARAMETER = /^(?:sslmode|ssl-mode|ssl_mode)$/i;
const TLS_ON = /^(?:require|required|verify[-_]ca|verify[-_]full|verify[-_]identity)$/i;
const TLS_FLAG = /^(?:ssl|tls|usessl|use_ssl|encrypt)$/i;

/**
 * A database or broker URL (`postgres://`, `mysql://`, `redis://`, `mongodb://`, `amqp://`,
 * `bolt://`...) in a server's args, env or url, to a host that is not loopback, with no TLS:
 * the queries, the data they return and the login go over the network in clear text (issue 15
 * class 5). TLS schemes (`rediss://`, `amqps://`, `bolt+s://`, `neo4j+s://`,
 * `mongodb+srv://`) and TLS parameters (`sslmode=require`, `tls=true`) are fine. Template or
 * variable hosts are not reported.
 */
export const rule: Rule = {
  id: 'unencrypted-database-connection',
  meta: {
    category: 'transport',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A database or broker connection (postgres, mysql, redis, mongodb, amqp, bolt...) to a host that is not loopback, without TLS.',
    fixable: false,
    owasp: ['MCP07'],
    threat: 'Network-layer attacks: queries, results and the login can be read or changed on the path to the database.',
  },
  checkServer(context, server) {
    for (const site of allSites(server)) {
      for (const span of findUrls(site.value)) {
        const kind = PLAINTEXT_SCHEMES[span.scheme];
        if (!kind) continue;
        const url = parseUrlLoosely(site.value.slice(span.start, span.end));
        if (!url?.host || isLoopbackHost(url.host) || isLocalDestination(url.host) || /[${}<>]|your|placeholder|xxx|^(?:host|hostname|server)$/i.test(url.host))
          continue;
        if (context.settings.trustedHosts.includes(url.host)) continue;
        if (url.query.some((p) => (TLS_PARAMETER.test(p.key) && TLS_ON.test(p.value)) || (TLS_FLAG.test(p.key) && /^(?:true|1|yes|required)$/i.test(p.value))))
          continue;
        context.report({
          node: site.node,
          server,
          message: `${kind} at ${shortValue(url.host, 40)} without TLS: turn TLS on (sslmode=require, tls=true or the TLS scheme). Server "${server.name}": queries, results and the login cross the network in clear text.`,
        });
      }
    }
  },
};
