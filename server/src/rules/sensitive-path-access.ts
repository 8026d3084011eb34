import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import type { StringValue } from '../core/model';
import { allCommands } from '../launch/effective';
import { classifySensitivePath, isFilesystemServer, looksLikePath } from '../launch/filesystem';
import { dockerRunOf, parseDockerMount } from '../launch/docker';

/**
 * A filesystem server allowed into `~/.ssh`, `~/.aws`, `~/.kube`, `/etc`..., or a container
 * with such a directory mounted, hands the agent the keys to other systems: one prompt
 * injection away from exfiltration. Any other server given such a directory as an argument
 * (`--dir ~/.ssh`, `/etc`) is a warning (issue 15 class 3); a file below a system folder
 * (`--config /etc/mcp/server.json`) is only its configuration, not the folder.
 */
export const rule: Rule = {
  id: 'sensitive-path-access',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'error',
    description:
      'A filesystem server or a container mount exposes a credential or system directory (~/.ssh, ~/.aws, ~/.kube, ~/.config/gcloud, keychains, /etc, /var/run...).',
    fixable: false,
    owasp: ['MCP02', 'MCP01'],
    threat: 'Credential theft and over-broad access: an agent that can read SSH keys or cloud credentials can be steered into sending them anywhere.',
  },
  checkServer(context, server) {
    for (const invocation of allCommands(server)) {
      if (!invocation) continue;
      const candidates: Array<{ path: string; value: StringValue; how: string; other?: boolean }> = [];
      const run = dockerRunOf(invocation);
      if (run) {
        for (const option of run.options) {
          if (option.name !== '--volume' && option.name !== '--mount') continue;
          const mount = parseDockerMount(option);
          if (mount && !mount.named && option.value) candidates.push({ path: mount.source, value: option.value, how: 'mounts' });
        }
      } else {
        const filesystem = isFilesystemServer(invocation);
        for (const arg of invocation.args) {
          const eq = arg.value.startsWith('-') ? arg.value.indexOf('=') : -1;
          const path = eq >= 0 ? arg.value.slice(eq + 1) : arg.value;
          if (!looksLikePath(path)) continue;
          if (filesystem) candidates.push({ path, value: arg, how: 'gives the filesystem server access to' });
          else candidates.push({ path, value: arg, how: 'is handed', other: true });
        }
      }
      for (const { path, value, how, other } of candidates) {
        const sensitive = classifySensitivePath(path);
        if (!sensitive) continue;
        // Host system directories mounted into a container are docker-host-mount's.
        if (run && sensitive.kind === 'system') continue;
        // For a server that is not a filesystem server, the folder itself is the finding; a file
        // below it (its kubeconfig, its /etc/mcp/server.json) is the server's own configuration.
        if (other && (classifySensitivePath(parentOf(path)) || (sensitive.kind === 'system' && /\.[A-Za-z0-9]{1,5}$/.test(path.trim())))) continue;
        context.report({
          node: value.node,
          server,
          severity: sensitive.kind === 'credentials' && !other ? 'error' : 'warning',
          message: `${sensitive.kind === 'credentials' ? 'Credential' : 'System'} folder ${shortValue(sensitive.label, 50)}: remove this path; give only the folder it needs. Server "${server.name}" ${how} it: ${sensitive.kind === 'credentials' ? 'the agent can read these credentials and be steered into leaking them' : 'the agent can read (and possibly change) host configuration'}.`,
        });
      }
    }
  },
};

/** The path without its last segment (`~/.kube/config` -> `~/.kube`). */
function parentOf(path: string): string {
  const trimmed = path.trim().replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut > 0 ? trimmed.slice(0, cut) : '';
}
