import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import type { FixSpec, Severity } from '../core/types';
import type { MapEntry, StringValue } from '../core/model';
import { allCommands, serverCommands } from '../launch/effective';
import { spanOf } from '../launch/packages';
import { dockerRunOf } from '../launch/docker';
import { isLoopbackHost, parseUrlLoosely } from '../core/urls';
import { removeProperty, removeSiblings } from '../fixes/nodeEdits';
import { splitWords } from '../core/words';

const OFF = /^(?:0|false|no|off|n|none|disabled?)$/i;
const ON = /^(?:1|true|yes|on|y|enabled?)$/i;

/** Words that name TLS or its certificates, in env names and flags. */
const TLS_WORDS = new Set(['ssl', 'tls', 'https', 'cert', 'certs', 'certificate', 'certificates', 'x509']);
/** Words that name the check itself. */
const VERIFY_WORDS = new Set(['verify', 'verification', 'validate', 'validation', 'check', 'checks', 'strict']);
/**
 * Words that switch the check off when the setting is on (`SKIP`, `NO`, `IGNORE`; `ALLOW_SELF_SIGNED`,
 * `ACCEPT_INVALID_CERTS`, `TRUST_ALL_CERTS`).
 */
const NEGATIONS = new Set([
  'skip',
  'no',
  'disable',
  'disabled',
  'ignore',
  'insecure',
  'noverify',
  'unverified',
  'unsafe',
  'invalid',
  'untrusted',
  'self',
  'any',
  'all',
]);

/**
 * Every name either check recognises contains one of these (its words are pieces of the
 * name): the rest, nearly every env key and argument, is turned away without splitting it.
 */
const TLS_TERMS = /ssl|tls|https|cert|x509|insecure|verify|reject/i;

/**
 * Whether an env variable set to `value` switches certificate checks off, and how seriously:
 * the process-wide Node and Python switches are errors; a setting read by one client library
 * is a warning. Read by the words of the name, so every library's spelling is covered:
 * `*_SSL_VERIFY=false`, `VERIFY_SSL=false`, `ES_SSL_SKIP_VERIFY=true`, `GIT_SSL_NO_VERIFY=1`,
 * `K8S_INSECURE_SKIP_TLS_VERIFY=true`, `NPM_CONFIG_STRICT_SSL=false`, `*_REJECT_UNAUTHORIZED=0`.
 */
export function tlsOffByEnv(key: string, value: string): Severity | undefined {
  if (!TLS_TERMS.test(key)) return undefined;
  const v = value.trim();
  const upper = key.toUpperCase();
  if (upper === 'NODE_TLS_REJECT_UNAUTHORIZED' || upper === 'PYTHONHTTPSVERIFY') return v === '0' ? 'error' : undefined;
  if (/REJECT_?UNAUTHORI[SZ]ED$/.test(upper)) return OFF.test(v) ? 'warning' : undefined;
  if (upper === 'REQUESTS_VERIFY' || upper === 'GIT_SSL_VERIFY') return OFF.test(v) ? 'warning' : undefined;
  const w = splitWords(key);
  const tls = w.some((x) => TLS_WORDS.has(x));
  const verify = w.some((x) => VERIFY_WORDS.has(x));
  const negated = w.some((x) => NEGATIONS.has(x));
  // `*_INSECURE=true`, `ALLOW_INSECURE=1`, `*_INSECURE_SKIP_TLS_VERIFY=true`.
  if (w.includes('insecure') && !w.includes('http') && ON.test(v)) return 'warning';
  if (!tls) return undefined;
  if (negated && ON.test(v)) return 'warning'; // ES_SSL_SKIP_VERIFY=true, IGNORE_SSL_ERRORS=1
  if (verify && !negated && OFF.test(v)) return 'warning'; // JIRA_SSL_VERIFY=false, VERIFY_CERTS=0
  return undefined;
}

/**
 * Whether a command-line argument switches certificate checks off: `--insecure`,
 * `--skip-ssl-verification`, `--no-check-certificate`, `--ignore-https-errors`,
 * `--tls-skip-verify`, `--ssl-verify=false`, `--verify=false`... (read by words, like the env).
 * Not `--allow-insecure-host` / `--trusted-host` (one package host: custom-package-registry).
 */
export function tlsOffByArg(text: string): boolean {
  if (!TLS_TERMS.test(text)) return false;
  const match = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/.exec(text.trim());
  if (!match) return false;
  const w = splitWords(match[1]);
  const value = match[2];
  if (w.at(-1) === 'host' || w.includes('hosts')) return false;
  const tls = w.some((x) => TLS_WORDS.has(x));
  const verify = w.some((x) => VERIFY_WORDS.has(x));
  const negated = w.some((x) => x !== 'insecure' && NEGATIONS.has(x));
  if (w.includes('insecure')) {
    if (w[0] === 'no' || w.includes('http')) return false; // --no-insecure; --allow-insecure-http is insecure-http-remote's
    return value === undefined || ON.test(value);
  }
  if (tls && negated) return value === undefined || ON.test(value);
  if ((tls && verify) || (w.length === 1 && w[0] === 'verify')) return value !== undefined && OFF.test(value);
  return false;
}

/** Env variables that change which certificates are trusted or route traffic through a proxy. */
const CA_ENV = /^(?:NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|REQUESTS_CA_BUNDLE|CURL_CA_BUNDLE|GIT_SSL_CAINFO|CA_BUNDLE)$/;
const PROXY_ENV = /^(?:HTTPS?_PROXY|ALL_PROXY|https?_proxy|all_proxy)$/;

/**
 * TLS only protects a connection when the certificate is checked. Env flags such as
 * `NODE_TLS_REJECT_UNAUTHORIZED=0` or `PYTHONHTTPSVERIFY=0` turn the check off for every
 * connection the server makes (Node.js docs: "strongly discouraged"); custom CA bundles and
 * proxies are reported for review, since they decide whom the server trusts.
 */
export const rule: Rule = {
  id: 'tls-verification-disabled',
  meta: {
    category: 'transport',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A server turns TLS certificate verification off (NODE_TLS_REJECT_UNAUTHORIZED=0, --insecure...), or trusts a custom CA or proxy.',
    fixable: true,
    owasp: ['MCP07'],
    threat: 'Network-layer attacks: without certificate checks anyone on the path can impersonate the API and read or change traffic, tokens included.',
  },
  checkServer(context, server) {
    const invocation = serverCommands(server).main;
    const run = invocation && dockerRunOf(invocation);
    // Env entries of the entry itself, docker -e NAME=value, and NAME=value words before the
    // program (`env NODE_TLS_REJECT_UNAUTHORIZED=0 node …`, a shell line's assignments).
    const envs: Array<{ key: string; value: string; node: StringValue['node']; entry?: MapEntry; removable?: StringValue['node'][]; piece?: StringValue }> = [];
    for (const entry of server.env) if (entry.value !== undefined) envs.push({ key: entry.key, value: entry.value, node: entry.valueNode, entry });
    if (run) {
      for (const option of run.options) {
        if (option.name !== '--env' || !option.value) continue;
        const eq = option.value.value.indexOf('=');
        if (eq <= 0) continue;
        const removable = option.inline || option.clustered ? undefined : [option.flag.node, option.value.node];
        envs.push({ key: option.value.value.slice(0, eq), value: option.value.value.slice(eq + 1), node: option.value.node, removable });
      }
    }
    for (const command of allCommands(server)) {
      for (const assignment of command.assignments ?? []) {
        const eq = assignment.value.indexOf('=');
        envs.push({ key: assignment.value.slice(0, eq), value: assignment.value.slice(eq + 1), node: assignment.node, piece: assignment });
      }
    }
    for (const env of envs) {
      const disabling = tlsOffByEnv(env.key, env.value);
      const at = env.piece ? spanOf(context.doc, env.piece) : { node: env.node };
      if (disabling) {
        const edit = env.entry ? removeProperty(env.entry.property, context.doc) : env.removable && removeSiblings(env.removable, context.doc);
        context.report({
          ...at,
          server,
          severity: disabling,
          message: `${shortValue(`${env.key}=${env.value.trim()}`, 50)} turns off TLS certificate checks: remove it; trust a private CA instead if needed. Server "${server.name}": anyone on the network path can impersonate the API and read its traffic and tokens (NODE_EXTRA_CA_CERTS, SSL_CERT_FILE take a CA).`,
          fixes: edit ? [{ title: `Remove ${env.key} from "${server.name}"`, safe: false, preferred: true, edits: [edit] }] : [],
        });
        continue;
      }
      if (CA_ENV.test(env.key) && env.value.trim()) {
        context.report({
          ...at,
          server,
          severity: 'information',
          message: `Extra certificate authorities from ${shortValue(env.key, 30)}: check the file holds only your organisation's CA. Server "${server.name}": whoever controls that file can impersonate any site to it.`,
        });
        continue;
      }
      if (PROXY_ENV.test(env.key) && env.value.trim()) {
        const parsed = parseUrlLoosely(env.value);
        if (parsed && isLoopbackHost(parsed.host)) continue;
        context.report({
          ...at,
          server,
          severity: 'information',
          message: `Traffic goes through the proxy in ${shortValue(env.key, 30)}${parsed?.scheme === 'http' ? ' over plain http://' : ''}: check it is one your organisation runs. Server "${server.name}": the proxy sees every host it talks to.`,
        });
      }
    }
    const args = run ? run.imageArgs : allCommands(server).flatMap((c) => c.args);
    for (const arg of args) {
      const text = arg.value.trim();
      const curlK = text === '-k' && invocation?.program === 'curl';
      if (!tlsOffByArg(text) && !curlK) continue;
      // Only an argument that is a whole array element can be removed on its own.
      const whole = arg.node.type === 'string' && arg.node.value === arg.value && arg.node.parent?.type === 'array';
      const edit = whole ? removeSiblings([arg.node], context.doc) : undefined;
      const fixes: FixSpec[] = edit ? [{ title: `Remove ${text} from "${server.name}"`, safe: false, preferred: true, edits: [edit] }] : [];
      context.report({
        ...spanOf(context.doc, arg),
        server,
        severity: 'warning',
        message: `${shortValue(text, 50)} turns off TLS certificate checks: remove it; trust a private CA instead if needed. Server "${server.name}": anyone on the network path can impersonate the remote end.`,
        fixes,
      });
    }
  },
};
