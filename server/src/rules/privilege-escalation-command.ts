import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import type { Invocation } from '../core/invocation';
import { invocationOf } from '../core/invocation';
import { shellInvocations, wrapperChain } from '../launch/effective';
import { shellScriptOf } from '../launch/shell';

const ESCALATORS = new Set(['sudo', 'doas', 'pkexec', 'su', 'run0', 'runas', 'gsudo']);
/** PowerShell's `Start-Process … -Verb RunAs` (and its aliases): an elevated process after a UAC prompt. */
const START_PROCESS = new Set(['start-process', 'saps', 'start']);

/**
 * A server started through sudo, doas, pkexec, su, run0 or runas (or PowerShell's
 * `Start-Process -Verb RunAs`) runs as root (or another user) while the agent drives it:
 * every tool call, and every bug or injected instruction, then has administrator rights. The
 * MCP security best practices ask clients to highlight it. Wrappers (`env`, `nohup`,
 * `cmd /c`) and shell strings (`bash -c "cd x && sudo node server.js"`) are looked through.
 */
export const rule: Rule = {
  id: 'privilege-escalation-command',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'error',
    description: 'A server is launched through sudo, doas, pkexec, su, run0 or runas.',
    fixable: false,
    owasp: ['MCP02'],
    threat: 'Over-broad access and privilege persistence: the server and everything the agent asks of it run with administrator rights.',
  },
  checkServer(context, server) {
    const invocation = invocationOf(server);
    if (!invocation) return;
    const direct = escalator(invocation);
    if (direct) {
      context.report({
        node: direct.programValue.node,
        server,
        message: `Started with ${shortValue(direct.program, 20)}: run it as your normal user and grant the one permission it needs. Server "${server.name}" runs with administrator rights, and so does every tool call the agent makes (a group membership or file ACL is enough).`,
      });
      return;
    }
    // `bash -c "cd /opt && sudo node server.js"`, `pwsh -Command "Start-Process node -Verb RunAs"`;
    // inside a substitution (`$(sudo …)`) the script text itself is read.
    const found = shellInvocations(server)
      .map((c) => escalator(c.invocation))
      .find(Boolean);
    const shell = found ? undefined : shellScriptOf(server);
    const hidden = shell && !shell.encoded ? /(?:^|[;&|(`]\s*|\$\(\s*)(sudo|doas|pkexec|run0|gsudo)(?=\s)/.exec(shell.script) : null;
    if (!found && !hidden) return;
    const name = found ? (found.program === 'start-process' ? 'Start-Process -Verb RunAs' : found.program) : hidden![1];
    context.report({
      node: found ? found.programValue.node : shell!.values[0].node,
      server,
      message: `Shell script calls ${shortValue(name, 20)}: remove it and grant only the permission it needs. Server "${server.name}": part of the server runs with administrator rights.`,
    });
  },
};

/** The escalating program among the invocation and the programs its wrappers start. */
function escalator(invocation: Invocation): Invocation | undefined {
  for (const step of wrapperChain(invocation)) {
    if (ESCALATORS.has(step.program)) return step;
    if (START_PROCESS.has(step.program) && step.args.some((a, i) => /^-verb$/i.test(a.value) && /^runas$/i.test(step.args[i + 1]?.value ?? ''))) {
      return { ...step, program: 'start-process' };
    }
  }
  return undefined;
}
