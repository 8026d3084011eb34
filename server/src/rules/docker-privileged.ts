import type { Rule } from '../core/rule';
import { dockerOptions, isFlagOn, removableOptionNodes } from '../launch/docker';
import { dockerRunOfServer } from '../launch/effective';
import { removeSiblings } from '../fixes/nodeEdits';

/**
 * `docker run --privileged` gives the container every capability and every host device:
 * a process inside can mount the host disk and load kernel modules. For an MCP server that
 * runs whatever a (possibly prompt-injected) agent asks, that is the host.
 */
export const rule: Rule = {
  id: 'docker-privileged',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A containerised server is started with --privileged.',
    fixable: true,
    owasp: ['MCP02'],
    threat: 'Sandbox escape: a privileged container has all capabilities and host devices, so the server can take over the host.',
  },
  checkServer(context, server) {
    const run = dockerRunOfServer(server);
    if (!run) return;
    for (const option of dockerOptions(run, '--privileged')) {
      if (!isFlagOn(option)) continue;
      const nodes = removableOptionNodes(run, option);
      const edit = nodes && removeSiblings(nodes, context.doc);
      context.report({
        node: option.flag.node,
        server,
        message: `Privileged container (--privileged): remove it; add only the --cap-add or --device the image documents. Server "${server.name}": the container gets every capability and host device, so the server (or an agent steering it) can take over the host.`,
        fixes: edit ? [{ title: `Remove --privileged from "${server.name}"`, safe: false, preferred: true, edits: [edit] }] : [],
      });
    }
  },
};
