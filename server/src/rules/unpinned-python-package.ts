import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
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
    pins: 'PyPI',
  },
  checkServer(context, server) {
    for (const { python } of allLaunches(server)) {
      if (!python) continue;
      for (const { spec, value, role } of python.packages) {
        if (!spec.name || spec.kind === 'exact' || spec.kind === 'git' || spec.kind === 'url' || spec.kind === 'local') continue;
        if (isTrustedPackage(context.settings, spec.name)) continue;
        const what = `PyPI package "${shortValue(spec.name)}"${role === 'with' ? ' (added with --with)' : ''}`;
        let message: string;
        let severity: 'warning' | 'information' = 'warning';
        switch (spec.kind) {
          case 'none':
            message = `${what} has no version: pin one version. Server "${server.name}": ${python.launcher} installs the newest release at start-up. Write "${spec.name}==<version>"${python.launcher === 'uvx' ? ` (or "${spec.name}@<version>")` : ''}; pip index versions ${spec.name} lists them.`;
            break;
          case 'tag':
            message = `${what} follows "@${shortValue(spec.version ?? '', 20)}": pin one version. Server "${server.name}": ${python.launcher} re-resolves it to the newest release at every start. Write "${spec.name}==<version>" (pip index versions ${spec.name} lists them).`;
            break;
          case 'open-range':
            message = `${what} has an open range ("${shortValue(spec.version ?? '', 20)}"): pin one version with "==". Server "${server.name}": any future release runs without review.`;
            break;
          default:
            severity = 'information';
            message = `${what} has a version range ("${shortValue(spec.version ?? '', 20)}"): pin one version with "==" to review upgrades. Server "${server.name}": new releases inside it run without review.`;
        }
        context.report({ ...spanOf(context.doc, value), server, message, severity });
      }
    }
  },
};
