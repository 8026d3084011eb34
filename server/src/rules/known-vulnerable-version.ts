import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import type { FixSpec } from '../core/types';
import { launchedPackages, replaceInString, spanOf } from '../launch/packages';
import { advisoryTarget, firstSafeVersion, matchingAdvisories } from '../launch/advisoryMatch';
import { isTrustedPackage } from '../launch/trust';

/**
 * A launched package whose pinned version (or every version its range allows) falls inside a
 * published advisory shipped in server/src/data/advisories.json. Severity follows the worst
 * advisory: code execution, sandbox escape, file access or credential theft = error; the
 * rest (DoS, SSRF, DNS rebinding of optional HTTP modes...) = warning.
 */
export const rule: Rule = {
  id: 'known-vulnerable-version',
  meta: {
    category: 'supply-chain',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A package version (npm, PyPI, Go, or an image built from one) inside a published security advisory.',
    fixable: true,
    owasp: ['MCP04'],
    threat: 'Vulnerable or re-deployed vulnerable versions: a known, published weakness that attackers have a recipe for.',
  },
  checkServer(context, server) {
    for (const pkg of launchedPackages(server)) {
      const target = advisoryTarget(pkg);
      if (!target) continue;
      const matched = matchingAdvisories(target, false);
      if (matched.length === 0) continue;
      if (isTrustedPackage(context.settings, pkg.name)) continue;
      const severity = matched.some((a) => a.severity === 'error') ? 'error' : 'warning';
      const label = target.version ? `${pkg.name}${pkg.ecosystem === 'PyPI' ? '==' : pkg.ecosystem === 'Docker' ? ':' : '@'}${target.version}` : pkg.name;
      const ids = matched.map((a) => (a.aliases[0] ? `${a.id} (${a.aliases[0]})` : a.id));
      const safe = firstSafeVersion(target, matched);
      const first = matched.find((a) => a.severity === 'error') ?? matched[0];
      const allVersions = matched.every((a) => a.affected.trim() === '*');
      const scope = allVersions ? 'every version of' : target.mode === 'range' ? 'every version allowed by' : '';
      const action = safe
        ? `upgrade to ${shortValue(safe, 20)} or later`
        : matched.some((a) => !a.fixed)
          ? 'replace or remove the server'
          : 'upgrade to a fixed version';
      const noFix = !safe && matched.some((a) => !a.fixed) ? ` No fixed version is published${allVersions ? '' : ' for all of them'}.` : '';
      const message = `"${shortValue(label, 50)}" has ${ids.length === 1 ? 'a known vulnerability' : `${ids.length} known vulnerabilities`}: ${action}. Server "${server.name}" runs ${scope ? `${scope} ` : ''}"${label}": ${ids.join(', ')}. ${first.summary.replace(/\.$/, '')} (${first.url}).${noFix}`;
      const fixes: FixSpec[] = [];
      if (safe && target.version) {
        const newVersion = pkg.ecosystem === 'Docker' && target.version.startsWith('v') && !safe.startsWith('v') ? 'v' + safe : safe;
        const at = pkg.text.lastIndexOf(target.version);
        const edit =
          at > 0
            ? replaceInString(context.doc, pkg.value, pkg.text, pkg.text.slice(0, at) + newVersion + pkg.text.slice(at + target.version.length))
            : undefined;
        if (edit)
          fixes.push({ title: `Upgrade ${pkg.name} to ${newVersion} (first version without these advisories)`, safe: false, preferred: true, edits: [edit] });
      }
      context.report({ ...spanOf(context.doc, pkg.value), server, severity, message, fixes });
    }
  },
};
