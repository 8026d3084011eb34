import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { dockerOptions, removableOptionNodes } from '../launch/docker';
import { dockerRunOfServer } from '../launch/effective';
import { removeSiblings } from '../fixes/nodeEdits';

/**
 * `--security-opt seccomp=unconfined`, `apparmor=unconfined`, `label=disable` and
 * `systempaths=unconfined` switch off the kernel filters that make a container a sandbox.
 * (`no-new-privileges=false` is Docker's default, so it is not reported.)
 */
export const rule: Rule = {
  id: 'docker-confinement-disabled',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A containerised server runs with seccomp, AppArmor, SELinux labels or masked system paths switched off (--security-opt ...=unconfined).',
    fixable: true,
    owasp: ['MCP02'],
    threat: 'Sandbox escape: without seccomp/AppArmor/SELinux the container can use the syscalls and paths that container escapes rely on.',
  },
  checkServer(context, server) {
    const run = dockerRunOfServer(server);
    if (!run) return;
    for (const option of dockerOptions(run, '--security-opt')) {
      const value = option.value?.value.trim().toLowerCase().replace(/\s+/g, '') ?? '';
      const what = /^seccomp[=:]unconfined$/.test(value)
        ? 'the seccomp syscall filter'
        : /^apparmor[=:]unconfined$/.test(value)
          ? 'the AppArmor profile'
          : /^label[=:]disable$/.test(value)
            ? 'SELinux labelling'
            : /^systempaths[=:]unconfined$/.test(value)
              ? 'the masking of /proc and /sys'
              : undefined;
      if (!what || !option.value) continue;
      const nodes = removableOptionNodes(run, option);
      const edit = nodes && removeSiblings(nodes, context.doc);
      context.report({
        node: option.value.node,
        server,
        message: `Container confinement switched off (--security-opt ${shortValue(option.value.value, 30)}): remove the option. Server "${server.name}" switches off ${what}: the container loses the kernel confinement that stops escapes.`,
        fixes: edit ? [{ title: `Remove --security-opt ${option.value.value} from "${server.name}"`, safe: false, preferred: true, edits: [edit] }] : [],
      });
    }
  },
};
