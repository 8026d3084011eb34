import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
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
  checkServer(context, server) {
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
          message: `Remote module with no version in its URL: use a URL with an exact version, or pin it with a deno.lock. Server "${server.name}" runs "${m.name}": ${deno.launcher} runs whatever that address serves (".../mod@<version>/mod.ts" is pinned).`,
        });
        continue;
      }
      const label = `${m.scheme}:${m.name}`;
      if (m.kind === 'range') {
        context.report({
          ...node,
          server,
          severity: 'information',
          message: `"${shortValue(`${label}@${m.version}`, 50)}" is a version range: pin an exact version. Server "${server.name}": new releases run without review; write "${label}@<version>".`,
        });
      } else {
        const what = m.kind === 'none' ? 'with no version' : m.kind === 'tag' ? `at the moving "${m.version}" tag` : `with the open range "${m.version}"`;
        context.report({
          ...node,
          server,
          message: `"${shortValue(label, 50)}" is not pinned: pin an exact version. Server "${server.name}" runs it ${what}: ${deno.launcher} fetches the newest matching release; write "${label}@<version>".`,
        });
      }
    }
  },
};
