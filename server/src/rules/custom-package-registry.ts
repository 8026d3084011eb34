import type { Rule, RuleContext } from '../core/rule';
import type { Severity } from '../core/types';
import type { ServerEntry, StringValue } from '../core/model';
import { allLaunches, spanOf } from '../launch/packages';
import { parseUrlLoosely, isLoopbackHost } from '../core/urls';
import { findReferences } from '../core/interpolation';
import { shortValue } from '../core/summary';

/** The public registries themselves: naming them explicitly changes nothing. */
const DEFAULT_REGISTRY_HOSTS = new Set([
  'registry.npmjs.org',
  'registry.yarnpkg.com',
  'pypi.org',
  'pypi.python.org',
  'files.pythonhosted.org',
  'proxy.golang.org',
  'sum.golang.org',
]);

type Kind = 'registry' | 'extra-index' | 'insecure-host' | 'userconfig' | 'checksum-off' | 'tls-off';

// Environment variables read by npm / pnpm / yarn / bun / pip / uv / go.
const ENV_KINDS: Array<[RegExp, Kind]> = [
  [/^(?:npm_config_registry|npm_config_@[^:]+:registry|pnpm_config_registry|yarn_npm_registry_server|yarn_registry|bun_config_registry)$/i, 'registry'],
  [/^(?:uv_index_url|uv_default_index|uv_index|pip_index_url|uv_find_links|pip_find_links|goproxy)$/i, 'registry'],
  [/^(?:uv_extra_index_url|pip_extra_index_url)$/i, 'extra-index'],
  [/^(?:pip_trusted_host|uv_insecure_host|goinsecure)$/i, 'insecure-host'],
  [/^npm_config_userconfig$/i, 'userconfig'],
  [/^(?:gonosumdb|gonosumcheck|goflags|gosumdb)$/i, 'checksum-off'],
  [/^(?:npm_config_strict_ssl|yarn_enable_strict_ssl|bun_config_strict_ssl)$/i, 'tls-off'],
];

/**
 * `--registry`, `--index-url`, `--extra-index-url`, `--trusted-host` and their environment
 * variables decide where the server's code comes from. A plain-http or untrusted host can
 * swap the package; an extra index invites dependency confusion.
 */
export const rule: Rule = {
  id: 'custom-package-registry',
  meta: {
    category: 'supply-chain',
    scope: 'server',
    defaultSeverity: 'warning',
    description:
      'A package registry or index other than the public default (arguments or environment), plain-http registries and disabled TLS/checksum checks.',
    fixable: false,
    owasp: ['MCP04'],
    threat: 'Installer spoofing and dependency confusion: whoever runs (or intercepts) the registry decides what code the package name installs.',
  },
  checkServer(context, server) {
    for (const info of allLaunches(server)) {
      if (info.npm?.registry) judge(context, server, info.npm.registry, 'registry', `${info.npm.launcher} --registry`);
      if (info.npm?.userconfig) judge(context, server, info.npm.userconfig, 'userconfig', `${info.npm.launcher} --userconfig`);
      for (const index of info.python?.indexes ?? []) {
        judge(context, server, index.value, index.option === '--extra-index-url' ? 'extra-index' : 'registry', `${info.python!.launcher} ${index.option}`);
      }
      for (const host of info.python?.insecureHosts ?? []) judge(context, server, host, 'insecure-host', `${info.python!.launcher} --allow-insecure-host`);
      if (info.npm && info.invocation) {
        // npm-family options before the package: `--strict-ssl=false`, `--strict-ssl false`, `--no-strict-ssl`.
        const args = info.invocation.args;
        for (let i = 0; i < args.length && (args[i].value.startsWith('-') || (i < 2 && /^(?:exec|x|dlx)$/.test(args[i].value))); i++) {
          const text = args[i].value;
          const off =
            /^--(?:no-strict-ssl|strict-ssl=(?:false|0|no))$/i.test(text) || (text === '--strict-ssl' && /^(?:false|0|no)$/i.test(args[i + 1]?.value ?? ''));
          if (off) judge(context, server, { value: 'false', node: args[i].node }, 'tls-off', `${info.npm.launcher} ${text.replace(/=.*/, '')}`, args[i]);
        }
      }
    }
    for (const entry of server.env) {
      const kind = ENV_KINDS.find(([pattern]) => pattern.test(entry.key))?.[1];
      if (!kind || entry.value === undefined) continue;
      if (kind === 'checksum-off' && !isChecksumOff(entry.key, entry.value)) continue;
      if (kind === 'tls-off' && !/^(?:false|0|no|off)$/i.test(entry.value.trim())) continue;
      judge(context, server, { value: entry.value, node: entry.valueNode }, kind, entry.key);
    }
  },
};

function judge(context: RuleContext, server: ServerEntry, holder: StringValue, kind: Kind, where: string, at: StringValue = holder): void {
  const text = holder.value.trim();
  const node = spanOf(context.doc, at);
  if (text === '' || findReferences(text).length > 0) return; // set elsewhere: nothing to judge here
  const trusted = trustedHosts(context);
  if (kind === 'tls-off') {
    report(
      context,
      server,
      node,
      'error',
      `Package TLS check off (${shortValue(`${where}=${text}`, 50)}): add your proxy's CA (cafile / NODE_EXTRA_CA_CERTS) instead. Server "${server.name}": anyone on the network path can serve a different package.`,
    );
    return;
  }
  if (kind === 'checksum-off') {
    report(
      context,
      server,
      node,
      'warning',
      `Go checksum check off (${shortValue(`${where}=${text}`, 50)}): remove it unless those modules are private. Server "${server.name}": a tampered module version would not be detected.`,
    );
    return;
  }
  if (kind === 'insecure-host') {
    report(
      context,
      server,
      node,
      'error',
      `Package host "${shortValue(text, 40)}" marked insecure: fix the host's certificate and remove the flag. Server "${server.name}" (${where}): TLS errors for that package host are ignored, so anyone on the network path can serve a different package.`,
    );
    return;
  }
  if (kind === 'userconfig') {
    report(
      context,
      server,
      node,
      'information',
      `npm reads another config file ("${shortValue(text, 40)}"): check that file is reviewed. Server "${server.name}" (${where}): that file can redirect the registry and run install scripts.`,
    );
    return;
  }
  // Go's GOPROXY is a comma/pipe list; "direct" and "off" are not hosts.
  const urls = text.split(/[,|\s]+/).filter((u) => u && u !== 'direct' && u !== 'off');
  for (const written of urls) {
    // uv names indexes: `--index acme=https://…`, `UV_INDEX="acme=https://… other=https://…"`.
    const raw = written.replace(/^[A-Za-z0-9][\w.-]*=(?=[a-z][a-z0-9+.-]*:\/\/)/i, '');
    const url = parseUrlLoosely(raw);
    if (!url) {
      if (/^(?:\.{0,2}\/|[a-zA-Z]:\\|file:)/.test(raw)) continue; // local find-links directory
      continue;
    }
    if (DEFAULT_REGISTRY_HOSTS.has(url.host) && url.scheme === 'https') continue;
    if (trusted.some((t) => url.host === t || url.host.endsWith('.' + t))) continue;
    if (url.scheme === 'http' && !isLoopbackHost(url.host)) {
      report(
        context,
        server,
        node,
        'error',
        `Packages installed over plain HTTP from "${shortValue(url.host, 40)}": use an https:// registry. Server "${server.name}" (${where}): anyone on the network path can replace the package.`,
      );
    } else if (isLoopbackHost(url.host)) {
      report(
        context,
        server,
        node,
        'information',
        `Packages come from a registry on this machine: use a shared registry before you share the config. Server "${server.name}" (${where} "${raw}"): fine for local testing, but on another machine the config fails or means something else.`,
      );
    } else if (kind === 'extra-index') {
      report(
        context,
        server,
        node,
        'warning',
        `Extra package index "${shortValue(url.host, 40)}": use one index (--index-url, or uv's explicit index pinning). Server "${server.name}" (${where}): pip and uv may pick a same-named package from either index, the classic dependency-confusion attack. Add the host to mcpHygiene.trustedHosts once reviewed.`,
      );
    } else {
      report(
        context,
        server,
        node,
        'warning',
        `Packages come from "${shortValue(url.host, 40)}", not the public registry: check it is your organisation's, then trust it. Server "${server.name}" (${where}): the package name no longer identifies the code. Add the host to mcpHygiene.trustedHosts once reviewed.`,
      );
    }
  }
}

function report(context: RuleContext, server: ServerEntry, span: { offset: number; length: number }, severity: Severity, message: string): void {
  context.report({ ...span, server, severity, message });
}

function isChecksumOff(key: string, value: string): boolean {
  if (/^goflags$/i.test(key)) return /-insecure\b/.test(value);
  if (/^gosumdb$/i.test(key)) return value.trim() === 'off';
  return value.trim() !== '';
}

/** settings.trustedHosts, plus settings.trustedRegistries when a future schema adds it. */
function trustedHosts(context: RuleContext): string[] {
  const extra = (context.settings as unknown as { trustedRegistries?: unknown }).trustedRegistries;
  const registries = Array.isArray(extra) ? extra.filter((x): x is string => typeof x === 'string') : [];
  return [...context.settings.trustedHosts, ...registries].map((h) => {
    const url = parseUrlLoosely(h);
    return (url ? url.host : h).toLowerCase().replace(/^\*\./, '');
  });
}
