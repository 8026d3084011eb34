import type { Rule } from './types';
import { invocationOf } from '../launch/command';
import { npmLaunchOf } from '../launch/npmLaunch';

/**
 * A package run through npx / npm exec without an exact version runs whatever the
 * registry serves at that moment: the rug-pull path of MCP supply-chain attacks.
 */
export const rule: Rule = {
  id: 'unpinned-npm-package',
  meta: {
    category: 'unpinned',
    defaultSeverity: 'warning',
    description: 'An npm package launched by npx or npm exec without an exact version.',
    fixable: false,
    owasp: ['MCP04'],
    threat: 'Rug pull: a new release of the package (or of a hijacked maintainer account) runs with your rights at the next start.',
  },
  check(context) {
    for (const server of context.config.servers) {
      const invocation = invocationOf(server);
      if (!invocation) continue;
      const launch = npmLaunchOf(invocation);
      if (!launch) continue;
      for (const { spec, value } of launch.packages) {
        if (!spec.name || spec.kind === 'exact' || spec.kind === 'git' || spec.kind === 'url' || spec.kind === 'local') continue;
        if (context.settings.trustedPackages.includes(spec.name)) continue;
        const how = launch.autoInstall ? `${launch.launcher} -y installs it without asking` : `${launch.launcher} fetches it`;
        let message: string;
        let severity: 'warning' | 'information' = 'warning';
        switch (spec.kind) {
          case 'none':
            message = `Server "${server.name}" runs npm package "${spec.name}" with no version: ${how} at whatever version is newest. Pin an exact version, e.g. "${spec.name}@1.2.3".`;
            break;
          case 'tag':
            message = `Server "${server.name}" runs "${spec.name}@${spec.version}": the "${spec.version}" tag moves with every release and ${how}. Pin an exact version instead.`;
            break;
          case 'open-range':
            message = `Server "${server.name}" runs "${spec.name}@${spec.version}", a range with no upper bound: ${how} at any future version. Pin an exact version instead.`;
            break;
          default:
            severity = 'information';
            message = `Server "${server.name}" runs "${spec.name}@${spec.version}", a version range: new patch or minor releases run without review. Pin an exact version to review upgrades.`;
        }
        context.report({ node: value.node, server, message, severity });
      }
    }
  },
};
