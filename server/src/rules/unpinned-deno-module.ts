import type { Rule } from './types';
import { allLaunches, spanOf } from '../launch/packages';
import { isTrustedPackage } from '../launch/trust';

/**
 * `deno run npm:pkg`, `deno run jsr:@scope/pkg` and `deno run https://host/mod.ts` fetch code
 * at start-up; without an exact version in the specifier or URL it changes under you.
 */
export const rule: Rule = {
  id: 'unpinned-deno-module',
  meta: {
    category: 'unpinned',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A Deno module (npm:, jsr: or https:// URL) run without an exact version.',
    fixable: false,
    owasp: ['MCP04'],
    threat: 'Rug pull: the registry or web server can serve different code at the next start.',
  },
  check(context) {
    for (const server of context.config.servers) {
      for (const { deno } of allLaunches(server)) {
        const module = deno?.module;
        if (!deno || !module) continue;
        const m = module.module;
        if (m.kind === 'exact' || m.kind === 'local' || m.kind === 'git') continue;
        if (m.name && isTrustedPackage(context.settings, m.name)) continue;
        const node = spanOf(context.doc, module.value);
        if (m.scheme === 'https' || m.scheme === 'http') {
          context.report({
            ...node,
            server,
            message: `Server "${server.name}" runs the remote module "${m.name}" with no version in its URL: ${deno.launcher} runs whatever that address serves. Use a URL with an exact version (".../mod@<version>/mod.ts"), or vendor the module and pin it with a deno.lock.`,
          });
          continue;
        }
        const label = `${m.scheme}:${m.name}`;
        if (m.kind === 'range') {
          context.report({ ...node, server, severity: 'information', message: `Server "${server.name}" runs "${label}@${m.version}", a version range: new releases run without review. Pin an exact version: "${label}@<version>".` });
        } else {
          const what = m.kind === 'none' ? 'with no version' : m.kind === 'tag' ? `at the moving "${m.version}" tag` : `with the open range "${m.version}"`;
          context.report({ ...node, server, message: `Server "${server.name}" runs "${label}" ${what}: ${deno.launcher} fetches the newest matching release. Pin an exact version: "${label}@<version>".` });
        }
      }
    }
  },
};
