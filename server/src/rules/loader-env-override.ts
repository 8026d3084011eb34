import type { Rule, RuleContext } from '../core/rule';
import type { Severity } from '../core/types';
import type { ServerEntry, StringValue } from '../core/model';
import type { TreeNode } from '../core/tree';
import { allCommands, dockerRunOfServer } from '../launch/effective';
import { shortValue } from '../core/summary';

/**
 * Environment variables that make the server's runtime load extra code before the server
 * itself: the dynamic loader (LD_PRELOAD, DYLD_INSERT_LIBRARIES), Node (NODE_OPTIONS
 * --require/--import), Java agents, Perl/Ruby options, bash's BASH_ENV, and search paths
 * (PATH, PYTHONPATH, LD_LIBRARY_PATH) that put a writable or relative directory first.
 */
export const rule: Rule = {
  id: 'loader-env-override',
  meta: {
    category: 'supply-chain',
    scope: 'server',
    defaultSeverity: 'warning',
    description:
      'env entries that inject code into the server process: LD_PRELOAD, DYLD_INSERT_LIBRARIES, NODE_OPTIONS --require/--import/--inspect, JAVA_TOOL_OPTIONS agents, BASH_ENV, and PATH/PYTHONPATH/LD_LIBRARY_PATH with relative or shared-writable directories.',
    fixable: false,
    owasp: ['MCP04', 'MCP05'],
    threat:
      'Hidden code injection: a library, module or script named in the environment runs inside the server with its rights and secrets, whatever package the entry claims to run.',
  },
  checkServer(context, server) {
    for (const entry of environment(server)) {
      if (entry.value === undefined || entry.value.trim() === '') continue;
      const key = entry.key.toUpperCase();
      const value = entry.value;
      if (key === 'LD_PRELOAD' || key === 'DYLD_INSERT_LIBRARIES' || key === 'LD_AUDIT') {
        report(
          context,
          server,
          entry,
          'error',
          `${entry.key} injects a library into the server: remove it.`,
          `sets ${entry.key}: the library "${short(value)}" is loaded into the server process (and every program it starts) before its own code. If it is a deliberate tool (a profiler), run it outside the MCP config.`,
        );
      } else if (key === 'NODE_OPTIONS') {
        const tokens = value.split(/\s+/);
        const loader = tokens.find((t) => /^(?:-r|--require|--import|--loader|--experimental-loader)(?:=|$)/.test(t));
        const inspect = tokens.find((t) => /^--inspect(?:-brk|-wait)?(?:=|$)/.test(t));
        if (loader)
          report(
            context,
            server,
            entry,
            'warning',
            `NODE_OPTIONS ${loader.replace(/=.*/, '')} loads a module into the server: move it into its code or a reviewed wrapper.`,
            `sets NODE_OPTIONS with ${loader.replace(/=.*/, '')}: Node loads that module into the server (and every Node process it starts) before the server's own code.`,
          );
        else if (inspect)
          report(
            context,
            server,
            entry,
            'warning',
            `NODE_OPTIONS ${inspect.replace(/=.*/, '')} opens a debugger port: remove it outside debugging sessions.`,
            `sets NODE_OPTIONS with ${inspect.replace(/=.*/, '')}: anything that can reach the debugger port can run code in the server.`,
          );
      } else if (key === 'JAVA_TOOL_OPTIONS' || key === '_JAVA_OPTIONS' || key === 'JDK_JAVA_OPTIONS') {
        if (/-(?:javaagent|agentpath|agentlib):/.test(value))
          report(
            context,
            server,
            entry,
            'warning',
            `${entry.key} adds a Java agent to the server: remove it unless it is a reviewed tool.`,
            `sets ${entry.key} with a Java agent: the agent runs inside the server's JVM with full access.`,
          );
      } else if (key === 'PERL5OPT' || key === 'RUBYOPT') {
        if (/(?:^|\s)-[A-Za-z]*[MmIr]/.test(value))
          report(
            context,
            server,
            entry,
            'warning',
            `${entry.key} loads extra modules into the server: remove it.`,
            `sets ${entry.key}="${short(value)}": it loads extra modules into every ${key === 'RUBYOPT' ? 'Ruby' : 'Perl'} process the server starts.`,
          );
      } else if (key === 'BASH_ENV' || key === 'ENV') {
        report(
          context,
          server,
          entry,
          'warning',
          `${entry.key} runs a script before every shell the server starts: remove it.`,
          `sets ${entry.key}: every non-interactive shell the server starts first runs "${short(value)}".`,
        );
      } else if (
        key === 'PATH' ||
        key === 'PYTHONPATH' ||
        key === 'LD_LIBRARY_PATH' ||
        key === 'DYLD_LIBRARY_PATH' ||
        key === 'DYLD_FRAMEWORK_PATH' ||
        key === 'NODE_PATH'
      ) {
        const risky = riskySearchEntry(value, key === 'PATH');
        if (risky) {
          const what = key === 'PATH' ? 'programs' : key === 'PYTHONPATH' ? 'Python modules' : key === 'NODE_PATH' ? 'Node modules' : 'shared libraries';
          report(
            context,
            server,
            entry,
            'warning',
            `${entry.key} searches ${shortValue(risky, 60)}: use absolute, non-shared directories.`,
            `sets ${entry.key} with ${risky}: ${what} found there are picked up ahead of the real ones, and anyone who can write there controls the server.`,
          );
        }
      }
    }
  },
};

interface EnvSetting {
  key: string;
  value: string;
  /** Where to report: the env value, or the `NAME=value` argument. */
  at: { node: TreeNode } | { offset: number; length: number };
}

/**
 * The variables the server process gets from the file: its env entries, docker `-e NAME=value`
 * (set inside the container, where the server runs), and `NAME=value` words before the program
 * (`env LD_PRELOAD=x node …`, a shell line's `LD_PRELOAD=x exec node …`).
 */
function environment(server: ServerEntry): EnvSetting[] {
  const settings: EnvSetting[] = [];
  for (const entry of server.env) if (entry.value !== undefined) settings.push({ key: entry.key, value: entry.value, at: { node: entry.valueNode } });
  const pieces: StringValue[] = [];
  const run = dockerRunOfServer(server);
  for (const option of run?.options ?? []) if (option.name === '--env' && option.value) pieces.push(option.value);
  for (const command of allCommands(server)) pieces.push(...(command.assignments ?? []));
  for (const piece of pieces) {
    const eq = piece.value.indexOf('=');
    if (eq <= 0) continue;
    settings.push({
      key: piece.value.slice(0, eq),
      value: piece.value.slice(eq + 1),
      at: piece.node.value === piece.value ? { node: piece.node } : { offset: piece.node.offset, length: piece.node.length },
    });
  }
  return settings;
}

/** `summary` says what is wrong and what to do; `detail` continues "Server "name" …". */
function report(context: RuleContext, server: ServerEntry, entry: EnvSetting, severity: Severity, summary: string, detail: string): void {
  context.report({ ...entry.at, server, severity, message: `${summary} Server "${server.name}" ${detail}` });
}

function short(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + '…' : text;
}

/**
 * Describes the first dangerous entry of a search path: an empty entry or "." (whatever the
 * client's working directory happens to be), a shared world-writable directory, and, for
 * PATH only, any relative directory (a program the server starts by name is looked up there).
 * Explicit project sub-directories in PYTHONPATH / NODE_PATH are normal and not reported.
 */
export function riskySearchEntry(value: string, isPath = true): string | undefined {
  // Variable references (`${env:PATH}`, `${workspaceFolder}`) contain ':' themselves.
  value = value.replace(/\$\{[^}]*\}/g, '$VAR');
  const separator = value.includes(';') ? ';' : ':';
  // Keep Windows drive letters (C:/x, C:\x) whole when splitting on ':'.
  const protectedValue = separator === ':' ? value.replace(/(^|:)([a-zA-Z]):(?=[\\/])/g, '$1$2\u0000') : value;
  const parts = protectedValue.split(separator).map((p) => p.replace('\u0000', ':'));
  for (const raw of parts) {
    const part = raw.trim();
    if (/^\$\{?(?:env:)?[A-Za-z_]+\}?$|^%[A-Za-z_]+%$/.test(part)) continue; // $PATH, ${env:PATH}: the inherited value
    if (part === '' && parts.length > 1) return 'an empty entry (= the current directory)';
    if (part === '.' || part === './') return 'the current directory "."';
    if (/^(?:\/tmp|\/var\/tmp|\/dev\/shm)(?:\/|$)/.test(part) || (/[\\/]temp(?:[\\/]|$)/i.test(part) && /^[a-zA-Z]:/.test(part)))
      return `the shared writable directory "${part}"`;
    if (isPath && part !== '' && !/^(?:[/\\$%~{]|[a-zA-Z]:[\\/])/.test(part)) return `the relative directory "${part}"`;
  }
  return undefined;
}
