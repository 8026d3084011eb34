import type { StringValue } from './model';
import type { ServerEntry } from './model';
import { memoizeByObject } from './memo';

/**
 * The program a stdio server really runs, looking through Windows `cmd /c` wrappers so that
 * `cmd /c npx -y pkg` is read as `npx -y pkg`. Launcher-specific parsers work on this.
 */
export interface Invocation {
  /** Executable base name, lower case, without directory or `.cmd`/`.exe` suffix. */
  program: string;
  /** The node that named the program (the `command` value, or an arg after `cmd /c`). */
  programValue: StringValue;
  /** Arguments after the program. */
  args: StringValue[];
  /**
   * `NAME=value` environment assignments written before the program (`env NAME=v prog`, a
   * shell's `NAME=v prog`); only launch/effective.ts sets them (invocationOf leaves them in `args`).
   */
  assignments?: StringValue[];
}

/** Computed once per server entry: most rules start from it. */
export const invocationOf = memoizeByObject(function invocationOf(server: ServerEntry): Invocation | undefined {
  if (!server.command) return undefined;
  // A command written as one string ("npx -y pkg") is split on spaces; the pieces share the
  // command's node, which is still the right place to point at.
  const commandParts = splitCommand(server.command.value);
  if (commandParts.length === 0) return undefined;
  let programValue: StringValue = { value: commandParts[0], node: server.command.node };
  let args: StringValue[] = [...commandParts.slice(1).map((value) => ({ value, node: server.command!.node })), ...server.args];
  let program = programName(programValue.value);
  // cmd /c X ... and cmd.exe /k X ...: the real program is X.
  for (let guard = 0; guard < 3 && program === 'cmd' && args.length >= 2 && /^\/[ck]$/i.test(args[0].value); guard++) {
    programValue = args[1];
    const rest = splitCommand(programValue.value);
    program = programName(rest[0]);
    args = [...rest.slice(1).map((value) => ({ value, node: programValue.node })), ...args.slice(2)];
  }
  return { program, programValue, args };
});

/**
 * Splits a command string on whitespace, except inside a Windows program path that contains
 * spaces (`C:\\Program Files\\nodejs\\npx.cmd -y pkg` -> [`C:\\Program Files\\nodejs\\npx.cmd`, `-y`, `pkg`]).
 */
export function splitCommand(command: string): string[] {
  const text = command.trim();
  const windowsProgram = /^((?:[a-zA-Z]:)?[\\/][^"]*?\.(?:exe|cmd|bat|com))(?=\s|$)/i.exec(text);
  if (windowsProgram && /\s/.test(windowsProgram[1])) {
    return [windowsProgram[1], ...text.slice(windowsProgram[1].length).trim().split(/\s+/).filter(Boolean)];
  }
  return text.split(/\s+/).filter(Boolean);
}

/** The program's file name, lower-case, without a Windows launcher extension (`C:\\tools\\NPX.cmd` -> `npx`). */
export function programName(command: string): string {
  // Asked for every command and many arguments: one cut at the last separator, not a split.
  const base = command.slice(Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\')) + 1).toLowerCase();
  return LAUNCHER_EXTENSION.test(base) ? base.slice(0, base.lastIndexOf('.')) : base;
}

const LAUNCHER_EXTENSION = /\.(?:cmd|exe|bat|ps1)$/;

/**
 * `text.replace(/<start>.*$/, '')` in one pass (`start` a one-character class such as `[?#]`
 * or `;`): the regex re-read the rest of the line from every candidate when a line break
 * followed (`.` stops at one, so only a candidate on the last line counts).
 */
export function withoutTail(text: string, start: RegExp): string {
  const lastLine = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'), text.lastIndexOf('\u2028'), text.lastIndexOf('\u2029')) + 1;
  const cut = text.slice(lastLine).search(start);
  return cut < 0 ? text : text.slice(0, lastLine + cut);
}

/** `text.replace(/\/+$/, '')` without the regex, which re-read a long run of slashes from each one. */
export function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}
