import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { allLaunches, spanOf } from '../launch/packages';
import { isTrustedPackage } from '../launch/trust';

// Docker Hub "library" images people plausibly run a server from. Any other single-name
// image (`mcp-filesystem:latest`) is almost always built locally (compose, `docker build -t`):
// Docker Hub has no such public image, so its tag is not a supply-chain pin.
const OFFICIAL_LIBRARY = new Set([
  'node',
  'python',
  'alpine',
  'ubuntu',
  'debian',
  'busybox',
  'golang',
  'rust',
  'ruby',
  'php',
  'openjdk',
  'eclipse-temurin',
  'postgres',
  'redis',
  'mongo',
  'mysql',
  'mariadb',
  'nginx',
  'httpd',
  'bash',
  'docker',
  'curlimages/curl',
]);

/**
 * Tags that name a branch, channel or variant rather than a release: any tag without a digit
 * (`main`, `nightly`, `edge`, `alpine`, `lts`, `stdio`...) and `latest-…`-style variants of a
 * channel (`latest-alpine`, `main-py3.12`, but not a dated `nightly-20250301` or
 * `main-<commit>` build). They are re-pushed at every build, exactly like `latest`.
 */
function isMovingTag(tag: string): boolean {
  return (
    !/\d/.test(tag) ||
    /^(?:latest|main|master|trunk|develop|dev|edge|nightly|canary|next|beta|alpha|stable|lts|release)[-_.](?!\d{6,})(?![0-9a-f]{7,}$)/i.test(tag)
  );
}

/**
 * `docker run` / `podman run` pulls whatever the tag points at now. No tag (= `latest`) or
 * `:latest` moves with every push; any other tag can be re-pushed too; only `@sha256:`
 * names immutable content.
 */
export const rule: Rule = {
  id: 'unpinned-container-image',
  meta: {
    category: 'unpinned',
    scope: 'server',
    defaultSeverity: 'warning',
    description:
      'A container image run by docker or podman without a digest: no tag, `latest` or another moving tag such as `main` or `nightly` (warning), a release tag (information).',
    // The language server's pin actions (handlers/pin.ts): a digest typed in an input box, or
    // the tag's current digest from a registry lookup; never fix-all (CLI: --fix --network --pin).
    fixable: true,
    owasp: ['MCP04'],
    threat: 'Rug pull: a re-pushed tag (or a compromised publisher account) changes the server you run without any change to the config.',
    pins: 'Docker',
  },
  checkServer(context, server) {
    for (const { docker } of allLaunches(server)) {
      const image = docker?.image;
      if (!docker || !image || image.digest || !image.repository) continue;
      if (/[$%{}]/.test(image.reference)) continue; // a variable: nothing to judge statically
      if (!image.registry && !image.repository.includes('/') && !OFFICIAL_LIBRARY.has(image.repository)) continue;
      const name = image.registry ? `${image.registry}/${image.repository}` : image.repository;
      if (isTrustedPackage(context.settings, name)) continue;
      const engine = docker.engine;
      if (!image.tag || image.tag === 'latest' || isMovingTag(image.tag)) {
        const shown = shortValue(image.tag ? `${name}:${image.tag}` : name, 56);
        const how = !image.tag ? 'has no tag (= latest)' : image.tag === 'latest' ? 'follows latest' : 'follows a moving tag';
        context.report({
          ...spanOf(context.doc, image.value),
          server,
          message: `Image "${shown}" ${how}: pin a version tag and its digest. Server "${server.name}": ${engine} runs whatever was pushed last${image.tag && image.tag !== 'latest' ? ' (the tag follows a branch, channel or variant)' : ''}. Write "${name}:<version>@sha256:<digest>" (docker buildx imagetools inspect ${name}:<version> shows the digest).`,
        });
      } else {
        context.report({
          ...spanOf(context.doc, image.value),
          server,
          severity: 'information',
          message: `Image "${shortValue(`${name}:${image.tag}`, 60)}" has a tag but no digest: add the digest. Server "${server.name}": tags can be re-pushed, so the content may change; "${name}:${image.tag}@sha256:<digest>" runs exactly what you reviewed.`,
        });
      }
    }
  },
};
