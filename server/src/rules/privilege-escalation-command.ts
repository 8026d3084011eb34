import type { Rule } from './types';
import { invocationOf, programName } from '../launch/command';

const ESCALATORS = new Set(['sudo', 'doas', 'pkexec', 'su', 'run0', 'runas', 'gsudo']);
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish']);

/**
 * A server started through sudo, doas, pkexec, su, run0 or runas runs as root (or another
 * user) while the agent drives it: every tool call, and every bug or injected instruction,
 * then has administrator rights. The MCP security best practices ask clients to highlight it.
 */
export const rule: Rule = {
  id: 'privilege-escalation-command',
  meta: {
    category: 'permission',
    defaultSeverity: 'error',
    description: 'A server is launched through sudo, doas, pkexec, su, run0 or runas.',
    fixable: false,
    owasp: ['MCP02'],
    threat: 'Over-broad access and privilege persistence: the server and everything the agent asks of it run with administrator rights.',
  },
  check(context) {
    for (const server of context.config.servers) {
      const invocation = invocationOf(server);
      if (!invocation) continue;
      if (ESCALATORS.has(invocation.program)) {
        context.report({
          node: invocation.programValue.node,
          server,
          message: `Server "${server.name}" is started with ${invocation.program}: it runs with administrator rights, and so does every tool call the agent makes. Run it as your normal user; grant the one permission it needs (group membership, file ACL) instead.`,
        });
        continue;
      }
      // `bash -c "sudo …"`: the escalation hides in the script.
      if (!SHELLS.has(invocation.program)) continue;
      for (const arg of invocation.args) {
        const match = /(?:^|[;&|(`]\s*|\$\(\s*)(sudo|doas|pkexec|run0)(?=\s)/.exec(arg.value);
        if (!match || arg.value.startsWith('-')) continue;
        context.report({
          node: arg.node,
          server,
          message: `Server "${server.name}" runs a shell script that calls ${programName(match[1])}: part of the server runs with administrator rights. Remove ${match[1]} and grant only the permission it needs.`,
        });
      }
    }
  },
};
