import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import type { Severity } from '../core/types';
import { launchedPackages, replaceInString, spanOf } from '../launch/packages';
import type { FixSpec } from '../core/types';
import { typosquatOf } from '../launch/typosquat';
import { isTrustedPackage } from '../launch/trust';

/**
 * A launched package whose name is a near-miss of a genuine MCP server: one letter off,
 * a look-alike character, a typo'd scope, or a name known to collide with an official
 * server. Squatters register exactly these names.
 */
export const rule: Rule = {
  id: 'typosquat-package',
  meta: {
    category: 'supply-chain',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A package name that is a near-miss, look-alike or known collision of a genuine MCP server package.',
    fixable: true,
    owasp: ['MCP04'],
    threat: 'Name collision / typosquatting: a look-alike package published by someone else runs instead of the server you meant.',
  },
  checkServer(context, server) {
    for (const pkg of launchedPackages(server)) {
      if (pkg.ecosystem !== 'npm' && pkg.ecosystem !== 'PyPI' && pkg.ecosystem !== 'Docker') continue;
      if (isTrustedPackage(context.settings, pkg.name)) continue;
      const match = typosquatOf(pkg.ecosystem, pkg.name);
      if (!match) continue;
      let severity: Severity = 'warning';
      let message: string;
      switch (match.kind) {
        case 'lookalike':
          message = `"${shortValue(pkg.name, 34)}" is a known look-alike: use the genuine package. Server "${server.name}": ${match.lookalike!.reason} Use ${match.lookalike!.instead}.`;
          break;
        case 'confusable':
          severity = 'error';
          message = `"${shortValue(pkg.name, 34)}" imitates "${shortValue(match.genuine ?? '', 34)}": use the genuine name. Server "${server.name}" runs "${pkg.name}", which looks identical to "${match.genuine}" but is spelled with look-alike characters: a classic impersonation.`;
          break;
        case 'scope':
          message = `"${shortValue(pkg.name, 34)}" has a typo in its scope: use "${shortValue(match.genuine ?? '', 34)}" if you meant it. Server "${server.name}" runs "${pkg.name}": the scope differs by a typo from the genuine "${match.genuine}", so someone else publishes it.`;
          break;
        default:
          // Same publisher: not a squat (only they publish under that scope), but still a
          // warning: the launch fails, or runs another of their packages, until fixed.
          if (match.sameOwner) {
            message = `"${shortValue(pkg.name, 34)}" is one or two letters off "${shortValue(match.genuine ?? '', 34)}": check the name. Server "${server.name}" runs "${pkg.name}", from the same publisher: probably a typo, so the launch fails or runs a different package.`;
          } else {
            message = `"${shortValue(pkg.name, 34)}" is one or two letters off "${shortValue(match.genuine ?? '', 34)}": check the name. Server "${server.name}" runs "${pkg.name}", near the known server "${match.genuine}": a typo here installs whatever someone registered under that name (add it to mcpHygiene.trustedPackages if it is the one you meant).`;
          }
      }
      const fixes: FixSpec[] = [];
      if ((match.kind === 'confusable' || match.kind === 'scope' || match.kind === 'distance') && pkg.text.startsWith(pkg.name)) {
        // Keep the version or tag as written: only the name changes.
        const edit = replaceInString(context.doc, pkg.value, pkg.text, match.genuine + pkg.text.slice(pkg.name.length));
        if (edit) fixes.push({ title: `Use "${match.genuine}" instead`, safe: false, preferred: match.kind !== 'distance', edits: [edit] });
      }
      context.report({ ...spanOf(context.doc, pkg.value), server, severity, message, fixes });
    }
  },
};
