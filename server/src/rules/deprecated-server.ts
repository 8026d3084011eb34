import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import type { FixSpec } from '../core/types';
import { launchedPackages, replaceInString, spanOf } from '../launch/packages';
import { deprecatedServer } from '../data';
import { isTrustedPackage } from '../launch/trust';

/**
 * Archived or deprecated MCP servers (server/src/data/deprecated-servers.json) get no
 * security fixes; several have known, unfixed issues. Where a drop-in successor exists
 * (same configuration), a fix swaps the package name.
 */
export const rule: Rule = {
  id: 'deprecated-server',
  meta: {
    category: 'supply-chain',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'An archived or deprecated MCP server package, with its replacement.',
    fixable: true,
    owasp: ['MCP04'],
    threat:
      'Vulnerable versions: an archived server never receives fixes for the weaknesses found in it (e.g. SQL injection in the archived postgres and sqlite servers).',
  },
  checkServer(context, server) {
    for (const pkg of launchedPackages(server)) {
      if (pkg.role !== 'main' || (pkg.ecosystem !== 'npm' && pkg.ecosystem !== 'PyPI')) continue;
      const entry = deprecatedServer(pkg.ecosystem, pkg.name);
      if (!entry || isTrustedPackage(context.settings, pkg.name)) continue;
      const replacement = entry.dropIn
        ? `Drop-in replacement: ${entry.dropIn.package} (${entry.dropIn.note.replace(/\.$/, '')}).`
        : `Replacement: ${entry.replacement.replace(/\.$/, '')}.`;
      const fixes: FixSpec[] = [];
      if (entry.dropIn && pkg.ecosystem === 'npm') {
        const edit = replaceInString(context.doc, pkg.value, pkg.text, entry.dropIn.package);
        if (edit) fixes.push({ title: `Replace with ${entry.dropIn.package} (then pin a version)`, safe: false, preferred: true, edits: [edit] });
      }
      context.report({
        ...spanOf(context.doc, pkg.value),
        server,
        message: `"${shortValue(pkg.name)}" gets no security fixes: move to its replacement. Server "${server.name}": the package is ${entry.status.replace(/\.$/, '')}. ${replacement} ${entry.url}`,
        fixes,
      });
    }
  },
};
