import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { parseDockerMount, removableOptionNodes, type DockerOption } from '../launch/docker';
import { dockerRunOfServer } from '../launch/effective';
import { classifyBroadPath, classifySensitivePath } from '../launch/filesystem';
import { removeSiblings } from '../fixes/nodeEdits';

/** What a bind-mount source exposes when it is a container-escape or whole-host mount. */
function dangerousSource(source: string): string | undefined {
  const path = source.trim().replace(/\\/g, '/');
  if (/(?:^|\/)docker\.sock$|^\/\/\.\/pipe\/docker_engine$|(?:^|\/)podman\.sock$|(?:^|\/)containerd\.sock$/i.test(path)) {
    return `the container engine socket (${source}), which is root on the host`;
  }
  const broad = classifyBroadPath(source);
  if (broad) return broad;
  const sensitive = classifySensitivePath(source);
  if (sensitive?.kind === 'system') return sensitive.label;
  return undefined;
}

/**
 * Bind mounts of the host root, a home directory, system directories or the Docker socket
 * undo the container's isolation: the server reads and writes the host directly (the
 * socket is equivalent to root, OWASP Docker cheat sheet). Credential directories such as
 * `~/.ssh` are reported by sensitive-path-access.
 */
export const rule: Rule = {
  id: 'docker-host-mount',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A containerised server bind-mounts the host root, a home directory, a system directory or the Docker socket, or is given a host device.',
    fixable: true,
    owasp: ['MCP02'],
    threat:
      'Sandbox escape and over-broad access: the container can read credentials anywhere on the host or, through the Docker socket, start a privileged container.',
  },
  checkServer(context, server) {
    const run = dockerRunOfServer(server);
    if (!run) return;
    const fix = (option: DockerOption, label: string) => {
      const nodes = removableOptionNodes(run, option);
      const edit = nodes && removeSiblings(nodes, context.doc);
      return edit ? [{ title: `Remove the ${label} from "${server.name}"`, safe: false, preferred: true, edits: [edit] }] : [];
    };
    for (const option of run.options) {
      if (option.name === '--device' && option.value) {
        context.report({
          node: option.value.node,
          server,
          severity: 'warning',
          message: `Host device ${shortValue(option.value.value.split(':')[0], 30)} given to a container: remove --device unless it needs that hardware. Server "${server.name}" can read or write it directly.`,
          fixes: fix(option, `--device ${option.value.value}`),
        });
        continue;
      }
      if (option.name !== '--volume' && option.name !== '--mount') continue;
      const mount = parseDockerMount(option);
      if (!mount || mount.named || !option.value) continue;
      const what = dangerousSource(mount.source);
      if (!what) {
        if (/(?:^|[\\/])\.\.(?:[\\/]|$)/.test(mount.source)) {
          context.report({
            node: option.value.node,
            server,
            severity: 'warning',
            message: `Mount ${shortValue(mount.source, 40)} climbs out of the project with "..": mount the exact folder it needs. Server "${server.name}": the container sees files beyond the project.`,
          });
        }
        continue;
      }
      const socket = what.startsWith('the container engine socket');
      context.report({
        node: option.value.node,
        server,
        message: socket
          ? `Container engine socket mounted: remove the mount, or use a socket proxy that allows only the calls it needs. Server "${server.name}" mounts ${what}: anything in the container can start a privileged container and take over the host.`
          : `Host mount of ${shortValue(what, 50)}: mount only the project folder it needs${mount.readOnly ? '' : ', read-only if it only reads'}. Server "${server.name}" mounts it into its container${mount.readOnly ? ' (read-only, but every secret below it is still readable)' : ''}: the container's isolation no longer protects the host.`,
        fixes: fix(option, `${option.written} ${option.value.value} mount`),
      });
    }
  },
};
