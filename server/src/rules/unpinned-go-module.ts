import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { allLaunches, spanOf } from '../launch/packages';
import { isTrustedPackage } from '../launch/trust';

/**
 * `go run module/cmd@latest` (or `@main`, a branch) builds whatever the module's newest
 * version is at start-up. `@v1.2.3` and commit hashes resolve to versions recorded in the Go
 * checksum database, which cannot change.
 */
export const rule: Rule = {
  id: 'unpinned-go-module',
  meta: {
    category: 'unpinned',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A Go module run by `go run` at @latest, a branch, or without a version.',
    fixable: false,
    owasp: ['MCP04'],
    threat: 'Rug pull: a new tag (or branch commit) of the module is built and run at the next start.',
  },
  checkServer(context, server) {
    for (const { go } of allLaunches(server)) {
      if (!go || go.kind === 'exact' || go.kind === 'commit' || go.kind === 'local') continue;
      if (isTrustedPackage(context.settings, go.path)) continue;
      if (go.kind === 'tag') {
        context.report({
          ...spanOf(context.doc, go.value),
          server,
          message: `Go module "${shortValue(go.path, 50)}" follows "@${shortValue(go.version ?? '', 16)}": pin a release. Server "${server.name}" runs "${go.launcher ?? 'go run'} ${go.path}@${go.version}", which resolves to a different version whenever the module moves on. Write "${go.path}@<version>" (go list -m -versions <module> lists them).`,
        });
      } else {
        context.report({
          ...spanOf(context.doc, go.value),
          server,
          severity: 'information',
          message: `Go module "${shortValue(go.path, 50)}" has no version: add "@<version>". Server "${server.name}" runs "${go.launcher ?? 'go run'} ${go.path}", which builds the version the working directory's go.mod requires, if any (go list -m -versions <module> lists them).`,
        });
      }
    }
  },
};
