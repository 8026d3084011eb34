import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import type { Severity } from '../core/types';
import { allLaunches, spanOf } from '../launch/packages';
import { isCommitSha } from '../launch/pythonSpec';
import { isTrustedPackage } from '../launch/trust';

/**
 * Packages installed from a git repository or a download URL instead of a registry version:
 * `npx github:user/repo`, `npx git+https://...`, `npx https://host/pkg.tgz`,
 * `uvx --from git+https://...@main`, `pipx run --spec git+...`. Only a full commit id (or, for
 * archives, a `#sha256=` hash) names immutable code.
 */
export const rule: Rule = {
  id: 'unpinned-git-source',
  meta: {
    category: 'unpinned',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A server installed from git or a URL without a full commit id or content hash.',
    // The language server's pin action (handlers/pin.ts): a commit id typed in an input box, for
    // git sources (never looked up, never fix-all; URL sources have none).
    fixable: true,
    owasp: ['MCP04'],
    threat: 'Rug pull and installer spoofing: the branch, tag or URL can serve different code at the next start, and no registry scanning sits in between.',
    pins: 'git',
  },
  checkServer(context, server) {
    for (const info of allLaunches(server)) {
      // A URL that cannot change under the same address counts as pinned: an npm registry
      // tarball (one per version), a pip or uv URL with a #sha256= hash.
      const launches = [
        { launch: info.npm, hashed: isRegistryTarball },
        { launch: info.python, hashed: (text: string) => /#sha(?:256|384|512)=[0-9a-f]+/i.test(text) },
      ];
      const sources = launches.flatMap(({ launch, hashed }) =>
        (launch?.packages ?? [])
          .filter((p) => p.spec.kind === 'git' || p.spec.kind === 'url')
          .map((p) => ({ text: p.text, value: p.value, kind: p.spec.kind, gitRef: p.spec.gitRef, launcher: launch!.launcher, hash: hashed(p.text) })),
      );
      for (const source of sources) {
        if (isTrustedPackage(context.settings, source.text)) continue;
        let message: string;
        let severity: Severity = 'warning';
        if (source.kind === 'url') {
          if (source.hash) continue;
          message = `Installed from a URL with no version or hash: use a registry package at an exact version. Server "${server.name}" is installed by ${source.launcher} from "${source.text}": whatever that address serves next time runs, with no integrity check. Alternatively use a registry package at an exact version${source.launcher.startsWith('u') || source.launcher.startsWith('p') ? ', or add "#sha256=<hash>" to the URL' : ''}.`;
        } else if (isCommitSha(source.gitRef)) {
          continue;
        } else if (!source.gitRef) {
          message = `Installed from git with no ref: pin a full 40-character commit id. Server "${server.name}" is installed by ${source.launcher} from "${source.text}": it runs the default branch's newest commit at every start. Write the commit id${source.launcher === 'uvx' || source.launcher.startsWith('uv') || source.launcher.startsWith('pipx') ? ' ("…@<commit>")' : ' ("…#<commit>")'}, or use a registry release.`;
        } else if (/^(?:semver:)?v?\d+(?:\.\d+)+/.test(source.gitRef)) {
          severity = 'information';
          message = `Installed from the git tag "${shortValue(source.gitRef ?? '', 30)}": pin the full 40-character commit id it points to. Server "${server.name}": a tag can be moved or re-created.`;
        } else {
          message = `Installed from the movable git ref "${shortValue(source.gitRef ?? '', 30)}": pin a full 40-character commit id. Server "${server.name}": it runs whatever that ref points to at start-up.`;
        }
        context.report({ ...spanOf(context.doc, source.value), server, message, severity });
      }
    }
  },
};

/** registry.npmjs.org tarballs (`/<name>/-/<name>-1.2.3.tgz`) are immutable once published. */
function isRegistryTarball(url: string): boolean {
  return /^https:\/\/registry\.(?:npmjs\.org|yarnpkg\.com)\/(?:@[^/]+\/)?[^/]+\/-\/[^/]+-\d+\.\d+\.\d+[^/]*\.tgz$/i.test(url);
}
