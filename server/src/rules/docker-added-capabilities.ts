import type { Rule } from '../core/rule';
import { dockerOptions } from '../launch/docker';
import { dockerRunOfServer } from '../launch/effective';
import { valueRange } from '../fixes/nodeEdits';

/** Capabilities that amount to root on the host (or reading any file on it). */
const HOST_ROOT_CAPS = new Set([
  'ALL',
  'SYS_ADMIN',
  'SYS_MODULE',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'DAC_READ_SEARCH',
  'DAC_OVERRIDE',
  'BPF',
  'SYS_BOOT',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
]);

/**
 * Capabilities a container has unless they are dropped (Docker's default set; Podman's is the
 * same without NET_RAW, MKNOD and AUDIT_WRITE). Adding one back (`--cap-drop ALL --cap-add
 * NET_BIND_SERVICE`, the hardened pattern) widens nothing beyond the default.
 */
const DEFAULT_CAPS: Readonly<Record<string, ReadonlySet<string>>> = {
  docker: new Set([
    'CHOWN',
    'DAC_OVERRIDE',
    'FSETID',
    'FOWNER',
    'MKNOD',
    'NET_RAW',
    'SETGID',
    'SETUID',
    'SETFCAP',
    'SETPCAP',
    'NET_BIND_SERVICE',
    'SYS_CHROOT',
    'KILL',
    'AUDIT_WRITE',
  ]),
  podman: new Set(['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']),
};

/**
 * `--cap-add` gives the container kernel capabilities beyond Docker's default set. Some
 * (ALL, SYS_ADMIN, SYS_MODULE, SYS_PTRACE, DAC_READ_SEARCH...) are known container-escape
 * primitives; the rest (NET_ADMIN, NET_RAW...) widen what a compromised server can do.
 */
export const rule: Rule = {
  id: 'docker-added-capabilities',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A containerised server is given extra Linux capabilities with --cap-add.',
    fixable: false,
    owasp: ['MCP02'],
    threat: 'Sandbox escape: capabilities such as SYS_ADMIN or SYS_PTRACE let a compromised server break out of its container.',
  },
  checkServer(context, server) {
    const run = dockerRunOfServer(server);
    if (!run) return;
    for (const option of dockerOptions(run, '--cap-add')) {
      if (!option.value) continue;
      const text = option.value.value;
      let cursor = option.inline ? option.flag.value.length - text.length : 0;
      for (const part of text.split(',')) {
        const start = cursor;
        cursor += part.length + 1;
        const cap = part.trim().toUpperCase().replace(/^CAP_/, '');
        if (!cap || (DEFAULT_CAPS[run.engine] ?? DEFAULT_CAPS.docker).has(cap)) continue;
        const escape = HOST_ROOT_CAPS.has(cap);
        const range = valueRange(context.doc, option.inline ? option.flag : option.value, start, start + part.length);
        context.report({
          ...range,
          server,
          severity: escape ? 'error' : 'warning',
          message: escape
            ? `Container capability ${cap} lets the server escape to the host: remove --cap-add ${cap}. Server "${server.name}": ${cap === 'ALL' ? 'ALL grants every capability, including known escapes' : `${cap} is a known container-escape primitive`}. If the image really needs a capability, grant the narrowest one and document why.`
            : `Extra container capability ${cap}: remove it unless the server documents that it needs it. Server "${server.name}": --cap-add ${cap} widens what a compromised server can do.`,
        });
      }
    }
  },
};
