import type { Rule } from './types';
import type { StringValue } from '../engine/model';
import { allCommands } from '../launch/effective';
import { classifySensitivePath, isFilesystemServer, looksLikePath } from '../launch/filesystem';
import { dockerRunOf, parseDockerMount } from '../launch/docker';

/**
 * A filesystem server allowed into `~/.ssh`, `~/.aws`, `~/.kube`, `/etc`..., or a container
 * with such a directory mounted, hands the agent the keys to other systems: one prompt
 * injection away from exfiltration.
 */
export const rule: Rule = {
  id: 'sensitive-path-access',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A filesystem server or a container mount exposes a credential or system directory (~/.ssh, ~/.aws, ~/.kube, ~/.config/gcloud, keychains, /etc, /var/run...).',
    fixable: false,
    owasp: ['MCP02', 'MCP01'],
    threat: 'Credential theft and over-broad access: an agent that can read SSH keys or cloud credentials can be steered into sending them anywhere.',
  },
  check(context) {
    for (const server of context.config.servers) {
      for (const invocation of allCommands(server)) {
        if (!invocation) continue;
        const candidates: Array<{ path: string; value: StringValue; how: string }> = [];
        const run = dockerRunOf(invocation);
        if (run) {
          for (const option of run.options) {
            if (option.name !== '--volume' && option.name !== '--mount') continue;
            const mount = parseDockerMount(option);
            if (mount && !mount.named && option.value) candidates.push({ path: mount.source, value: option.value, how: 'mounts' });
          }
        } else if (isFilesystemServer(invocation)) {
          for (const arg of invocation.args) {
            const eq = arg.value.startsWith('-') ? arg.value.indexOf('=') : -1;
            const path = eq >= 0 ? arg.value.slice(eq + 1) : arg.value;
            if (looksLikePath(path)) candidates.push({ path, value: arg, how: 'gives the filesystem server access to' });
          }
        }
        for (const { path, value, how } of candidates) {
          const sensitive = classifySensitivePath(path);
          if (!sensitive) continue;
          // Host system directories mounted into a container are docker-host-mount's.
          if (run && sensitive.kind === 'system') continue;
          context.report({
            node: value.node,
            server,
            severity: sensitive.kind === 'credentials' ? 'error' : 'warning',
            message: `Server "${server.name}" ${how} ${sensitive.label}: ${sensitive.kind === 'credentials' ? 'the agent can read these credentials and be steered into leaking them' : 'the agent can read (and possibly change) host configuration'}. Remove this path and give the server only the project folder it needs.`,
          });
        }
      }
    }
  },
};
