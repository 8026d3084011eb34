import type { Rule } from './types';
import type { FixSpec, Severity } from '../engine/types';
import type { MapEntry, StringValue } from '../engine/model';
import { invocationOf } from '../launch/command';
import { dockerRunOf } from '../launch/docker';
import { isLoopbackHost, parseUrlLoosely } from '../engine/urls';
import { removeProperty, removeSiblings } from '../fixes/nodeEdits';

const OFF = /^(?:0|false|no|off|n)$/i;
const ON = /^(?:1|true|yes|on|y)$/i;

/** Env variables whose value switches certificate checks off (value test, label). */
const DISABLING_ENV: ReadonlyArray<[RegExp, (value: string) => boolean, Severity]> = [
  [/^NODE_TLS_REJECT_UNAUTHORIZED$/, (v) => v.trim() === '0', 'error'],
  [/^PYTHONHTTPSVERIFY$/, (v) => v.trim() === '0', 'error'],
  [/^(?:[A-Z0-9_]*_)?(?:SSL|TLS|HTTPS|CERT)_?VERIFY(?:_?(?:SSL|TLS|CERTS?|CERTIFICATES?))?$|^(?:[A-Z0-9_]*_)?VERIFY_?(?:SSL|TLS|CERTS?|CERTIFICATES?|HTTPS)$|^GIT_SSL_VERIFY$|^REQUESTS_VERIFY$/, (v) => OFF.test(v.trim()), 'warning'],
  [/^(?:[A-Z0-9_]*_)?(?:INSECURE(?:_SKIP_TLS_VERIFY|_SSL|_TLS)?|SKIP_(?:TLS|SSL)_VERIFY|(?:TLS|SSL)_INSECURE|IGNORE_(?:SSL|TLS|CERT)(?:_ERRORS)?|ALLOW_INSECURE|DISABLE_(?:SSL|TLS)_VERIFICATION|GIT_SSL_NO_VERIFY)$/, (v) => ON.test(v.trim()), 'warning'],
];
/** Env variables that change which certificates are trusted or route traffic through a proxy. */
const CA_ENV = /^(?:NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|REQUESTS_CA_BUNDLE|CURL_CA_BUNDLE|GIT_SSL_CAINFO|CA_BUNDLE)$/;
const PROXY_ENV = /^(?:HTTPS?_PROXY|ALL_PROXY|https?_proxy|all_proxy)$/;
/** Arguments that switch certificate checks off. */
const DISABLING_ARGS = /^(?:--insecure|--no-verify-ssl|--no-ssl-verify|--ssl-no-verify|--skip-tls-verify|--insecure-skip-tls-verify|--tls-skip-verify|--no-check-certificate|--disable-ssl-verification|--ignore-certificate-errors|--ignore-ssl-errors)(?:=(?:true|1))?$|^--(?:tls-verify|verify-ssl|ssl-verify|verify)=(?:false|0|no)$/i;

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
    defaultSeverity: 'error',
    description: 'A server turns TLS certificate verification off (NODE_TLS_REJECT_UNAUTHORIZED=0, --insecure...), or trusts a custom CA or proxy.',
    fixable: true,
    owasp: ['MCP07'],
    threat: 'Network-layer attacks: without certificate checks anyone on the path can impersonate the API and read or change traffic, tokens included.',
  },
  check(context) {
    for (const server of context.config.servers) {
      const invocation = invocationOf(server);
      const run = invocation && dockerRunOf(invocation);
      // Env entries of the entry itself, plus docker -e NAME=value.
      const envs: Array<{ key: string; value: string; node: StringValue['node']; entry?: MapEntry; removable?: StringValue['node'][] }> = [];
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
      for (const env of envs) {
        const disabling = DISABLING_ENV.find(([name, test]) => name.test(env.key) && test(env.value));
        if (disabling) {
          const edit = env.entry ? removeProperty(env.entry.property, context.doc) : env.removable && removeSiblings(env.removable, context.doc);
          context.report({
            node: env.node,
            server,
            severity: disabling[2],
            message: `Server "${server.name}" sets ${env.key}=${env.value.trim()}, which turns off TLS certificate checks: anyone on the network path can impersonate the API and read its traffic and tokens. Remove it; if a private CA is the reason, trust that CA instead (NODE_EXTRA_CA_CERTS, SSL_CERT_FILE).`,
            fixes: edit ? [{ title: `Remove ${env.key} from "${server.name}"`, safe: false, preferred: true, edits: [edit] }] : [],
          });
          continue;
        }
        if (CA_ENV.test(env.key) && env.value.trim()) {
          context.report({
            node: env.node,
            server,
            severity: 'information',
            message: `Server "${server.name}" trusts extra certificate authorities from ${env.key}: whoever controls that file can impersonate any site to it. Make sure it holds only your organisation's CA.`,
          });
          continue;
        }
        if (PROXY_ENV.test(env.key) && env.value.trim()) {
          const parsed = parseUrlLoosely(env.value);
          if (parsed && isLoopbackHost(parsed.host)) continue;
          context.report({
            node: env.node,
            server,
            severity: 'information',
            message: `Server "${server.name}" sends its traffic through the proxy in ${env.key}${parsed?.scheme === 'http' ? ' over plain http://' : ''}: the proxy sees every host it talks to. Make sure it is one your organisation runs.`,
          });
        }
      }
      for (const arg of run ? run.imageArgs : invocation?.args ?? []) {
        const text = arg.value.trim();
        const curlK = text === '-k' && invocation?.program === 'curl';
        if (!DISABLING_ARGS.test(text) && !curlK) continue;
        const edit = arg.node.parent?.type === 'array' ? removeSiblings([arg.node], context.doc) : undefined;
        const fixes: FixSpec[] = edit ? [{ title: `Remove ${text} from "${server.name}"`, safe: false, preferred: true, edits: [edit] }] : [];
        context.report({
          node: arg.node,
          server,
          severity: 'warning',
          message: `Server "${server.name}" is started with ${text}, which turns off TLS certificate checks: anyone on the network path can impersonate the remote end. Remove it; trust a private CA instead if that is the reason.`,
          fixes,
        });
      }
    }
  },
};
