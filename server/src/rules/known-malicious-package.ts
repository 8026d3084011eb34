import type { Rule } from '../core/rule';
import { launchedPackages, spanOf } from '../launch/packages';
import { advisoryTarget, matchingAdvisories } from '../launch/advisoryMatch';
import { advisoriesFor } from '../data';
import { shortValue } from '../core/summary';

/**
 * A package with a malicious-package report (OSV `MAL-` ids shipped in advisories.json).
 * These are reported whatever the version: the unpinned form runs the malicious releases,
 * and a pinned "clean" release of an impersonation is still not the real publisher's code.
 */
export const rule: Rule = {
  id: 'known-malicious-package',
  meta: {
    category: 'supply-chain',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A package reported as malicious (OSV MAL- advisories: backdoors, reverse shells, credential stealers).',
    fixable: false,
    owasp: ['MCP04'],
    threat: 'Name collision / typosquatting and rug pull: the package is known to steal data or open a shell on the machine that runs it.',
  },
  checkServer(context, server) {
    for (const pkg of launchedPackages(server)) {
      if (pkg.ecosystem !== 'npm' && pkg.ecosystem !== 'PyPI') continue;
      const reports = advisoriesFor(pkg.ecosystem, pkg.name).filter((a) => a.malicious);
      if (reports.length === 0) continue;
      const target = advisoryTarget(pkg);
      const hit = target ? matchingAdvisories(target, true) : [];
      const report = hit[0] ?? reports[0];
      const pinnedOutside = target?.mode === 'exact' && hit.length === 0;
      const versions = report.affected.trim() === '*' ? 'every version' : `versions ${report.affected}`;
      const message = pinnedOutside
        ? `Package "${shortValue(pkg.text, 30)}" is reported as malicious: remove it and use the real publisher's server. Server "${server.name}" runs it (${report.id}, ${versions}): ${report.summary.replace(/^MALICIOUS:\s*/, '')} This pinned version is outside the reported range, but the package is not trustworthy. ${report.url}`
        : `Malicious package "${shortValue(pkg.text, 30)}": remove the server and treat machines that ran it as compromised. Server "${server.name}" runs it (${report.id}, ${versions}): ${report.summary.replace(/^MALICIOUS:\s*/, '')} Rotate the credentials it could read. ${report.url}`;
      context.report({ ...spanOf(context.doc, pkg.value), server, message, severity: 'error' });
    }
  },
};
