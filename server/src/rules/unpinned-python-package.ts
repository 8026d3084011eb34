import type { Rule } from './types';
import { allLaunches, spanOf } from '../launch/packages';
import { isTrustedPackage } from '../launch/trust';

/**
 * uvx / uv tool run / pipx run (and `uv run --with`) resolve a bare package name to the
 * newest release at every start unless the spec pins one version (`pkg==1.2.3`, `pkg@1.2.3`).
 */
export const rule: Rule = {
  id: 'unpinned-python-package',
  meta: {
    category: 'unpinned',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A PyPI package launched by uvx, uv tool run, pipx run or uv run --with without an exact version.',
    // The language server's pin actions (handlers/pin.ts): a version typed in an input box,
    // or the latest safe one from a registry lookup; never fix-all (CLI: --fix --network --pin).
    fixable: true,
    owasp: ['MCP04'],
    threat: 'Rug pull: a new release of the package (or of a hijacked maintainer account) runs with your rights at the next start.',
  },
  check(context) {
    for (const server of context.config.servers) {
      for (const { python } of allLaunches(server)) {
        if (!python) continue;
        for (const { spec, value, role } of python.packages) {
          if (!spec.name || spec.kind === 'exact' || spec.kind === 'git' || spec.kind === 'url' || spec.kind === 'local') continue;
          if (isTrustedPackage(context.settings, spec.name)) continue;
          const what = role === 'with' ? `adds PyPI package "${spec.name}" (--with)` : `runs PyPI package "${spec.name}"`;
          let message: string;
          let severity: 'warning' | 'information' = 'warning';
          switch (spec.kind) {
            case 'none':
              message = `Server "${server.name}" ${what} with no version: ${python.launcher} installs the newest release at start-up. Pin one version: "${spec.name}==<version>"${python.launcher === 'uvx' ? ` (or "${spec.name}@<version>")` : ''}; pip index versions ${spec.name} lists them.`;
              break;
            case 'tag':
              message = `Server "${server.name}" ${what} at "@${spec.version}": ${python.launcher} re-resolves it to the newest release at every start. Pin one version: "${spec.name}==<version>" (pip index versions ${spec.name} lists them).`;
              break;
            case 'open-range':
              message = `Server "${server.name}" ${what} with "${spec.version}", a range with no upper bound: any future release runs without review. Pin one version with "==".`;
              break;
            default:
              severity = 'information';
              message = `Server "${server.name}" ${what} with the range "${spec.version}": new releases inside it run without review. Pin one version with "==" to review upgrades.`;
          }
          context.report({ ...spanOf(context.doc, value), server, message, severity });
        }
      }
    }
  },
};
