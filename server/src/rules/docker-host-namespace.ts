import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import type { Severity } from '../core/types';
import { removableOptionNodes } from '../launch/docker';
import { dockerRunOfServer } from '../launch/effective';
import { removeSiblings } from '../fixes/nodeEdits';
import { lookupTable } from '../core/lookupTable';

const NAMESPACES = lookupTable<{ what: string; severity: Severity }>({
  '--pid': { what: 'sees and can signal every host process', severity: 'error' },
  '--network': {
    what: "shares the host network, so it reaches services bound to the host's localhost and listens on the host's interfaces",
    severity: 'warning',
  },
  '--ipc': { what: 'shares host shared memory and IPC', severity: 'warning' },
  '--uts': { what: 'shares the host name and can change it', severity: 'warning' },
  '--userns': { what: 'opts out of user-namespace remapping, so container root is host root', severity: 'warning' },
  '--cgroupns': { what: 'sees the host cgroup tree', severity: 'warning' },
});

/**
 * `--pid host`, `--network host`, `--ipc host`, `--uts host`, `--userns host` and
 * `--cgroupns host` remove the container's namespace isolation (CIS Docker Benchmark).
 */
export const rule: Rule = {
  id: 'docker-host-namespace',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A containerised server shares a host namespace (--pid, --network, --ipc, --uts, --userns or --cgroupns host).',
    fixable: true,
    owasp: ['MCP02'],
    threat: 'Sandbox escape and over-broad access: host namespaces expose host processes, local-only services and IPC to the server.',
  },
  checkServer(context, server) {
    const run = dockerRunOfServer(server);
    if (!run) return;
    for (const option of run.options) {
      const info = NAMESPACES[option.name];
      if (!info || option.value?.value.trim().toLowerCase() !== 'host') continue;
      const nodes = removableOptionNodes(run, option);
      const edit = nodes && removeSiblings(nodes, context.doc);
      const written = option.inline ? option.flag.value : `${option.written} ${option.value.value}`;
      context.report({
        node: option.flag.node,
        server,
        severity: info.severity,
        message: `Container shares a host namespace (${shortValue(written, 30)}): remove it. Server "${server.name}": the server ${info.what}.${option.name === '--network' ? ' Publish the one port it needs on 127.0.0.1 instead, or use host.docker.internal to reach a host service.' : ''}`,
        fixes: edit ? [{ title: `Remove ${written} from "${server.name}"`, safe: false, preferred: true, edits: [edit] }] : [],
      });
    }
  },
};
