import type { ServerEntry, StringValue } from '../core/model';
import { invocationOf, programName, splitCommand, type Invocation } from '../core/invocation';
import { CMD_METACHARACTERS, shellScriptOf, shellScriptOfWords } from './shell';
import { containerCommandOf, dockerRunOf, type DockerRun } from './docker';
import { shellCommands, type ShellCommand, type ShellDialect } from './shellCommands';
import { memoizeByObject } from '../core/memo';
import { lookupTable } from '../core/lookupTable';
import { firstIndexWhere } from '../core/search';

/**
 * The commands a stdio server really runs, for the launch checks (packages, registries,
 * inline code, bridges). invocationOf reads the command line as written (looking through
 * `cmd /c` only, and that is what the secret rules read); this looks further:
 *  - through a shell string (`sh -c`, `pwsh -Command`, `cmd /c` with operators): every simple
 *    command of it, the server being the last one that is not set-up (`cd`, `source`,
 *    `export`...), so `source ~/.nvm/nvm.sh && npx -y pkg` runs `npx -y pkg`;
 *  - through wrappers that only adjust how the next program runs: `env [NAME=v]…`, `nohup`,
 *    `nice`, `timeout`, `stdbuf`, `caffeinate`, `wsl`, `sudo`/`doas`, `cmd /s /c`…, keeping
 *    the `NAME=value` assignments apart (`Invocation.assignments`).
 */
export interface ServerCommands {
  /** The server itself. */
  main?: Invocation;
  /** The other commands of a shell string (set-up steps, pipeline members), in order. */
  others: Invocation[];
  /**
   * What runs inside the container the server starts or enters (`docker exec -i ctr npx pkg`):
   * launched like any other command (the package rules read it, launch/packages.ts), but its
   * paths and ports are the container's, so the host permission rules (allCommands) do not.
   */
  contained: Invocation[];
}

export const serverCommands = memoizeByObject(function serverCommands(server: ServerEntry): ServerCommands {
  const { main, others } = commandsAsWritten(server);
  const contained = [main, ...others].flatMap((invocation) => (invocation ? commandsInside(invocation) : []));
  return { main, others, contained };
});

function commandsAsWritten(server: ServerEntry): Omit<ServerCommands, 'contained'> {
  const shell = shellScriptOf(server);
  // `cmd /c npx -y pkg` with no operators is one program: read as written (splitCommand keeps a
  // Windows program path with spaces whole).
  const plainCmd = shell?.shell === 'cmd' && !CMD_METACHARACTERS.test(shell.script);
  if (shell && !shell.encoded && !plainCmd) {
    const parsed = parseShellValues(shell.values, shell.shell);
    const runnable = parsed.filter((c) => c.invocation);
    if (runnable.length) {
      const candidates = runnable.filter((c) => c.command.pipe === 0 && !c.command.dynamic && !SETUP.has(c.invocation!.program));
      const main = candidates.at(-1) ?? runnable.filter((c) => !c.command.dynamic).at(-1) ?? runnable.at(-1)!;
      return { main: main.invocation, others: runnable.filter((c) => c !== main).map((c) => c.invocation!) };
    }
  }
  const base = invocationOf(server);
  return { main: base && unwrap(base), others: [] };
}

/**
 * The commands run inside the container `invocation` starts or enters (launch/docker.ts
 * containerCommandOf), through a shell string and nested containers: `kubectl exec pod --
 * sh -c "cd /srv && npx -y pkg"` gives `cd /srv` and `npx -y pkg`.
 */
function commandsInside(invocation: Invocation, depth = 0): Invocation[] {
  const words = containerCommandOf(invocation);
  if (!words || depth > 3) return [];
  const shell = shellScriptOfWords(words);
  const direct = rebuild(words, []);
  const commands = shell
    ? shell.encoded
      ? []
      : parseShellValues(shell.values, shell.shell).flatMap((c) => (c.invocation ? [c.invocation] : []))
    : direct
      ? [unwrap(direct)]
      : [];
  return commands.flatMap((command) => [command, ...commandsInside(command, depth + 1)]);
}

/** Every command of the server, the main one first. */
export function allCommands(server: ServerEntry): Invocation[] {
  const { main, others } = serverCommands(server);
  return main ? [main, ...others] : others;
}

/** Shell built-ins and set-up steps that are not the server a script starts. */
const SETUP = new Set([
  'cd',
  'pushd',
  'popd',
  'source',
  '.',
  'export',
  'set',
  'unset',
  'echo',
  'printf',
  'true',
  'false',
  ':',
  'ulimit',
  'umask',
  'trap',
  'shopt',
  'alias',
  'set-location',
  'sl',
  'push-location',
  'pop-location',
  'import-module',
  'write-host',
  'write-output',
  'setlocal',
  'endlocal',
  'chcp',
  'title',
  'cls',
  'rem',
  'sleep',
  'start-sleep',
  'mkdir',
  'test',
  '[',
  'read',
  'nvm',
  'conda',
  'pyenv',
  'rbenv',
  'asdf',
  'chmod',
  'cp',
  'mv',
  'rm',
  'cat',
  'tee',
  'grep',
  'sed',
  'awk',
  'head',
  'tail',
  'wait',
  'ls',
  'dir',
  'pwd',
  'which',
  'where',
  'type',
  'hash',
  'activate',
  'deactivate',
]);

interface Parsed {
  command: ShellCommand;
  invocation?: Invocation;
}

/**
 * Parses the script held by `values` (one string, or cmd/pwsh arguments that the shell joins)
 * into invocations whose words point at the node holding them.
 */
function parseShellValues(values: readonly StringValue[], dialect: ShellDialect, unwrapWrappers = true): Parsed[] {
  // Arguments a shell receives separately are joined as the client would quote them.
  let script = '';
  const ranges: Array<{ start: number; end: number; value: StringValue; quoted: boolean }> = [];
  for (const value of values) {
    if (script) script += ' ';
    const quoted = values.length > 1 && /\s/.test(value.value) && !/[&|;<>]/.test(value.value);
    const text = quoted ? `"${value.value}"` : value.value;
    ranges.push({ start: script.length, end: script.length + text.length, value, quoted });
    script += text;
  }
  // Binary search (ranges are in script order): `cmd /c` with thousands of arguments has as
  // many words, and a scan of the ranges per word was quadratic.
  const valueAt = (offset: number) => {
    const range = ranges[firstIndexWhere(ranges.length, (i) => ranges[i].start > offset) - 1];
    return range && offset < range.end ? range : ranges[ranges.length - 1];
  };
  const word = (text: string, start: number): StringValue => {
    const range = valueAt(start);
    // A word that is a whole argument keeps that argument as its value (exact spans and edits).
    if (range.value.value === text) return { value: range.value.value, node: range.value.node };
    // A word written as is inside its argument says where (spanOf then needs no search).
    const at = start - range.start - (range.quoted ? 1 : 0);
    return range.value.value.startsWith(text, at) ? { value: text, node: range.value.node, at } : { value: text, node: range.value.node };
  };
  // `export NAME=value` / `$env:NAME = …` / `set NAME=…` lines set the environment of the
  // commands after them: their assignments go with the next command.
  let pending: StringValue[] = [];
  return shellCommands(script, dialect).map((command) => {
    if (command.words.length === 0) {
      // Appended, not copied: a script of many assignment-only commands (`a= & a= & …`)
      // copied the growing list once per command (80 kB: 10 s).
      for (const assignment of command.assignments) pending.push(word(assignment.text, assignment.start));
      return { command };
    }
    const words = command.words.map((text, i) => word(text, command.starts[i]));
    const assignments = [...pending, ...command.assignments.map((a) => word(a.text, a.start))];
    pending = [];
    const invocation: Invocation = {
      program: programName(words[0].value),
      programValue: words[0],
      args: words.slice(1),
      ...(assignments.length ? { assignments } : {}),
    };
    return { command, invocation: unwrapWrappers ? unwrap(invocation) : invocation };
  });
}

/** Wrapper programs and the options of theirs that take a value. */
const WRAPPERS = lookupTable<{ withValue: ReadonlySet<string>; positional?: number }>({
  nohup: { withValue: new Set() },
  time: { withValue: new Set(['-f', '--format', '-o', '--output']) },
  command: { withValue: new Set() },
  exec: { withValue: new Set(['-a']) },
  nice: { withValue: new Set(['-n', '--adjustment']) },
  ionice: { withValue: new Set(['-c', '-n', '--class', '--classdata']) },
  stdbuf: { withValue: new Set(['-i', '-o', '-e']) },
  timeout: { withValue: new Set(['-s', '--signal', '-k', '--kill-after']), positional: 1 },
  caffeinate: { withValue: new Set(['-t', '-w']) },
  chronic: { withValue: new Set() },
  'xvfb-run': { withValue: new Set(['-n', '--server-num', '-s', '--server-args', '-f', '--auth-file', '-e', '--error-file', '-p', '--xauth-protocol']) },
  sudo: {
    withValue: new Set([
      '-u',
      '--user',
      '-g',
      '--group',
      '-C',
      '--close-from',
      '-D',
      '--chdir',
      '-h',
      '--host',
      '-p',
      '--prompt',
      '-r',
      '--role',
      '-t',
      '--type',
      '-T',
      '--command-timeout',
      '-U',
      '--other-user',
    ]),
  },
  doas: { withValue: new Set(['-u', '-C']) },
  run0: { withValue: new Set(['-u', '--user', '-g', '--group', '-D', '--chdir', '--setenv', '--unit', '--property', '--description', '--slice', '--nice']) },
  pkexec: { withValue: new Set(['--user']) },
  gsudo: { withValue: new Set(['-u', '--user', '-d', '--direct', '-i', '--integrity']) },
  wsl: { withValue: new Set(['-d', '--distribution', '-u', '--user', '--cd', '--shell-type', '--distribution-id']) },
});

/** Looks through wrapper programs (env, nohup, cmd /s /c, wsl, sudo...) to the program they start. */
export function unwrap(invocation: Invocation): Invocation {
  let current = invocation;
  for (let guard = 0; guard < 6; guard++) {
    const next = unwrapOnce(current);
    if (!next) return current;
    current = next;
  }
  return current;
}

function unwrapOnce(invocation: Invocation): Invocation | undefined {
  const { program, args } = invocation;
  const assignments = [...(invocation.assignments ?? [])];
  let i = 0;
  if (program === 'env') {
    for (; i < args.length; i++) {
      const text = args[i].value;
      if (text === '--') {
        i++;
        break;
      }
      if (/^(?:-u|--unset|-C|--chdir)$/.test(text)) {
        i++;
        continue;
      }
      if (/^(?:-S|--split-string)$/.test(text) || /^(?:-S|--split-string=)./.test(text)) {
        // env -S "prog args": the rest of the line in one argument.
        const inline = text.startsWith('--split-string=') ? text.slice(15) : text.length > 2 && text.startsWith('-S') ? text.slice(2) : undefined;
        const holder = inline !== undefined ? args[i] : args[i + 1];
        if (!holder) return undefined;
        const words = splitCommand(inline ?? holder.value).map((value) => ({ value, node: holder.node }));
        return rebuild([...words, ...args.slice(inline !== undefined ? i + 1 : i + 2)], assignments);
      }
      if (text.startsWith('-')) continue;
      if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) {
        assignments.push(args[i]);
        continue;
      }
      break;
    }
    return rebuild(args.slice(i), assignments);
  }
  if (program === 'cmd') {
    // cmd [/s] [/d] [/q] [/e:on]... /c|/k <command>
    for (; i < args.length && args[i].value.startsWith('/'); i++) {
      if (/^\/[ck]$/i.test(args[i].value)) return rebuild(args.slice(i + 1), assignments);
    }
    return undefined;
  }
  const wrapper = WRAPPERS[program];
  if (!wrapper) return undefined;
  let positional = wrapper.positional ?? 0;
  for (; i < args.length; i++) {
    const text = args[i].value;
    if (text === '--') {
      i++;
      break;
    }
    if (program === 'wsl' && (text === '-e' || text === '--exec')) continue;
    if (text.startsWith('-')) {
      if (!text.includes('=') && wrapper.withValue.has(text)) i++;
      continue;
    }
    if ((program === 'sudo' || program === 'doas' || program === 'run0') && /^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) {
      assignments.push(args[i]);
      continue;
    }
    if (positional > 0) {
      positional--;
      continue;
    }
    break;
  }
  return rebuild(args.slice(i), assignments);
}

function rebuild(words: StringValue[], assignments: StringValue[]): Invocation | undefined {
  if (words.length === 0) return undefined;
  // The program may be a whole command line in one argument (`cmd /c "npx -y pkg"`).
  const parts = splitCommand(words[0].value);
  const programValue = parts.length > 1 ? { value: parts[0], node: words[0].node } : words[0];
  const args = [...parts.slice(1).map((value) => ({ value, node: words[0].node })), ...words.slice(1)];
  return { program: programName(programValue.value), programValue, args, ...(assignments.length ? { assignments } : {}) };
}

/** The invocation and each program its wrappers start, outermost first (`env sudo npx …` -> env, sudo, npx). */
export function wrapperChain(invocation: Invocation): Invocation[] {
  const chain = [invocation];
  for (let guard = 0; guard < 6; guard++) {
    const next = unwrapOnce(chain[chain.length - 1]);
    if (!next) break;
    chain.push(next);
  }
  return chain;
}

/**
 * The simple commands of a server's shell string as written (wrappers not looked through),
 * with the shell they run in; empty when the server is not started through a shell.
 */
export const shellInvocations = memoizeByObject(function shellInvocations(server: ServerEntry): Array<{ dialect: ShellDialect; invocation: Invocation }> {
  const shell = shellScriptOf(server);
  if (!shell || shell.encoded) return [];
  return parseShellValues(shell.values, shell.shell, false)
    .filter((c) => c.invocation)
    .map((c) => ({ dialect: shell.shell, invocation: c.invocation! }));
});

/**
 * `dockerRunOf` for a server entry (undefined for remote servers and other programs): the
 * container the server runs, through wrappers and shell strings (launch/effective.ts).
 */
export function dockerRunOfServer(server: ServerEntry): DockerRun | undefined {
  const invocation = serverCommands(server).main;
  return invocation ? dockerRunOf(invocation) : undefined;
}
