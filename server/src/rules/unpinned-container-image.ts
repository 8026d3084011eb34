import type { Rule } from './types';
import { launchInfo, spanOf } from '../launch/packages';
import { isTrustedPackage } from '../launch/trust';

// Docker Hub "library" images people plausibly run a server from. Any other single-name
// image (`mcp-filesystem:latest`) is almost always built locally (compose, `docker build -t`):
// Docker Hub has no such public image, so its tag is not a supply-chain pin.
const OFFICIAL_LIBRARY = new Set([
  'node', 'python', 'alpine', 'ubuntu', 'debian', 'busybox', 'golang', 'rust', 'ruby', 'php', 'openjdk', 'eclipse-temurin',
  'postgres', 'redis', 'mongo', 'mysql', 'mariadb', 'nginx', 'httpd', 'bash', 'docker', 'curlimages/curl',
]);

/**
 * `docker run` / `podman run` pulls whatever the tag points at now. No tag (= `latest`) or
 * `:latest` moves with every push; any other tag can be re-pushed too; only `@sha256:`
 * names immutable content.
 */
export const rule: Rule = {
  id: 'unpinned-container-image',
  meta: {
    category: 'unpinned',
    defaultSeverity: 'warning',
    description: 'A container image run by docker or podman without a digest: no tag or `latest` (warning), another tag (information).',
    // The language server's pin actions (handlers/pin.ts): a digest typed in an input box, or
    // the tag's current digest from a registry lookup; never fix-all (CLI: --fix --network --pin).
    fixable: true,
    owasp: ['MCP04'],
    threat: 'Rug pull: a re-pushed tag (or a compromised publisher account) changes the server you run without any change to the config.',
  },
  check(context) {
    for (const server of context.config.servers) {
      const { docker } = launchInfo(server);
      const image = docker?.image;
      if (!docker || !image || image.digest || !image.repository) continue;
      if (/[$%{}]/.test(image.reference)) continue; // a variable: nothing to judge statically
      if (!image.registry && !image.repository.includes('/') && !OFFICIAL_LIBRARY.has(image.repository)) continue;
      const name = image.registry ? `${image.registry}/${image.repository}` : image.repository;
      if (isTrustedPackage(context.settings, name)) continue;
      const engine = docker.engine;
      if (!image.tag || image.tag === 'latest') {
        const written = image.tag ? `"${name}:latest"` : `"${name}" with no tag (= latest)`;
        context.report({
          ...spanOf(context.doc, image.value),
          server,
          message: `Server "${server.name}" runs image ${written}: ${engine} runs whatever was pushed last. Pin a version tag and its digest, e.g. "${name}:1.2.3@sha256:<digest>" (docker buildx imagetools inspect shows it).`,
        });
      } else {
        context.report({
          ...spanOf(context.doc, image.value),
          server,
          severity: 'information',
          message: `Server "${server.name}" runs image "${name}:${image.tag}": tags can be re-pushed, so the content may change. Add the digest, e.g. "${name}:${image.tag}@sha256:<digest>", to run exactly what you reviewed.`,
        });
      }
    }
  },
};
