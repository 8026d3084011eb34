import type { Rule } from '../core/rule';
import { allLaunches, spanOf } from '../launch/packages';
import { isTrustedPackage } from '../launch/trust';
import { looksLikePackageName } from '../launch/npmSpec';
import { shortValue } from '../core/summary';

const BRIDGES = new Set(['mcp-remote', 'supergateway', 'mcp-proxy', '@modelcontextprotocol/inspector']);

/**
 * A package run through npx / npm exec / bunx / pnpm dlx / yarn dlx without an exact
 * version runs whatever the registry serves at that moment: the rug-pull path of MCP
 * supply-chain attacks. Git, URL and local specs are unpinned-git-source's business.
 */
export const rule: Rule = {
  id: 'unpinned-npm-package',
  meta: {
    category: 'unpinned',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'An npm package launched by npx, npm exec, bunx, pnpm dlx or yarn dlx without an exact version.',
    // The language server's pin actions (handlers/pin.ts): a version typed in an input box,
    // or the latest safe one from a registry lookup; never fix-all (CLI: --fix --network --pin).
    fixable: true,
    owasp: ['MCP04'],
    threat: 'Rug pull: a new release of the package (or of a hijacked maintainer account) runs with your rights at the next start.',
    pins: 'npm',
  },
  checkServer(context, server) {
    for (const { npm } of allLaunches(server)) {
      if (!npm) continue;
      for (const { spec, value } of npm.packages) {
        if (!spec.name || !looksLikePackageName(spec.name) || spec.kind === 'exact' || spec.kind === 'git' || spec.kind === 'url' || spec.kind === 'local')
          continue;
        if (isTrustedPackage(context.settings, spec.name)) continue;
        const how = npm.autoInstall
          ? npm.launcher === 'npx' || npm.launcher.startsWith('npm ')
            ? `${npm.launcher} -y installs it without asking`
            : `${npm.launcher} installs it without asking`
          : `${npm.launcher} fetches it`;
        const bridge = BRIDGES.has(spec.name) ? ` It is a bridge that handles your remote server's credentials, so a bad release sees them all.` : '';
        let message: string;
        let severity: 'warning' | 'information' = 'warning';
        switch (spec.kind) {
          case 'none':
            message = `npm package "${shortValue(spec.name)}" has no version: pin an exact version. Server "${server.name}": ${how} at whatever version is newest.${bridge} Write "${spec.name}@<version>" (npm view ${spec.name} version shows the newest).`;
            break;
          case 'tag':
            message = `npm package "${shortValue(spec.name)}" follows the moving "${shortValue(spec.version ?? '', 20)}" tag: pin an exact version. Server "${server.name}": the tag moves with every release and ${how}.${bridge}`;
            break;
          case 'open-range':
            message = `npm package "${shortValue(spec.name)}" has an open range ("${shortValue(spec.version ?? '', 20)}"): pin an exact version. Server "${server.name}": ${how} at any future version.${bridge}`;
            break;
          default:
            severity = 'information';
            message = `npm package "${shortValue(spec.name)}" has a version range ("${shortValue(spec.version ?? '', 20)}"): pin an exact version to review upgrades. Server "${server.name}": new patch or minor releases run without review.`;
        }
        context.report({ ...spanOf(context.doc, value), server, message, severity });
      }
    }
  },
};
