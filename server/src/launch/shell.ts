import type { ServerEntry, StringValue } from '../core/model';
import { programName } from '../core/invocation';
import { memoizeByObject } from '../core/memo';

/**
 * A server started through a shell: `sh|bash|zsh -c "<script>"`, `pwsh|powershell -Command
 * <script>` / `-EncodedCommand <base64>`, or `cmd /c <string>`. Read from the raw command
 * line (not through invocationOf, which looks through `cmd /c` on purpose).
 */
export interface ShellScript {
  shell: 'sh' | 'powershell' | 'cmd';
  /** The program as written (`bash`, `/bin/sh`, `powershell.exe`). */
  program: string;
  /** The flag that introduced the script (`-c`, `-lc`, `-Command`, `/c`). */
  flag: string;
  /** The script text (decoded for -EncodedCommand). */
  script: string;
  /** The argument(s) holding the script, in order: findings span them. */
  values: StringValue[];
  /** The script arrived base64-encoded (`-EncodedCommand`). */
  encoded: boolean;
}

const SH = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish', 'tcsh', 'csh']);
const POWERSHELL = new Set(['pwsh', 'powershell']);

/** Splits a one-string command (`"bash -c 'x y'"`) into words, honouring simple quotes. */
function commandWords(server: ServerEntry): StringValue[] {
  if (!server.command) return [];
  const node = server.command.node;
  const words = splitShellWords(server.command.value).map((value) => ({ value, node }));
  return [...words, ...server.args];
}

/** Computed once per server entry (the shell-wrapper rule and the launch parsers both ask). */
export const shellScriptOf = memoizeByObject(function shellScriptOf(server: ServerEntry): ShellScript | undefined {
  return shellScriptOfWords(commandWords(server));
});

/** The shell script a command line runs (`words[0]` is the program), e.g. the command of `docker exec ctr sh -c "…"`. */
export function shellScriptOfWords(words: readonly StringValue[]): ShellScript | undefined {
  if (words.length === 0) return undefined;
  let program = programName(words[0].value);
  let rest = words.slice(1);
  if (program === 'busybox' && rest[0] && SH.has(rest[0].value)) {
    program = rest[0].value;
    rest = rest.slice(1);
  }
  if (program === 'env') {
    // env [-i] [NAME=value...] bash -c ...
    let i = 0;
    while (i < rest.length && (rest[i].value.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[i].value))) i++;
    if (i >= rest.length) return undefined;
    program = programName(rest[i].value);
    rest = rest.slice(i + 1);
  }
  if (SH.has(program)) {
    for (let i = 0; i < rest.length; i++) {
      const text = rest[i].value;
      if (text === '--command' || (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(text) && !text.startsWith('--'))) {
        const script = rest[i + 1];
        if (!script) return undefined;
        return { shell: 'sh', program: words[0].value, flag: text, script: script.value, values: [script], encoded: false };
      }
      if (text === '-o' || text === '+o' || text === '--rcfile' || text === '--init-file') {
        i++;
        continue;
      }
      if (!text.startsWith('-') && !text.startsWith('+')) return undefined; // `bash script.sh`: a file, not inline
    }
    return undefined;
  }
  if (POWERSHELL.has(program)) {
    for (let i = 0; i < rest.length; i++) {
      const text = rest[i].value;
      const lower = text.toLowerCase().replace(/^\//, '-');
      if (!lower.startsWith('-')) return undefined;
      if (lower === '-file' || lower === '-f') return undefined;
      if (/^-(?:e|ec|en|enc|enco|encod|encode|encoded|encodedc|encodedco|encodedcom|encodedcomm|encodedcomma|encodedcomman|encodedcommand)$/.test(lower)) {
        const value = rest[i + 1];
        if (!value) return undefined;
        return {
          shell: 'powershell',
          program: words[0].value,
          flag: text,
          script: decodeUtf16Base64(value.value) ?? value.value,
          values: [value],
          encoded: true,
        };
      }
      if (/^-(?:c|co|com|comm|comma|comman|command)$/.test(lower)) {
        const values = rest.slice(i + 1);
        if (values.length === 0) return undefined;
        return { shell: 'powershell', program: words[0].value, flag: text, script: values.map((v) => v.value).join(' '), values, encoded: false };
      }
      // Options with a value: skip it.
      if (
        /^-(?:executionpolicy|ex|ep|windowstyle|w|configurationname|workingdirectory|wd|outputformat|of|inputformat|if|settingsfile|version|v|psconsolefile)$/.test(
          lower,
        )
      )
        i++;
    }
    return undefined;
  }
  if (program === 'cmd') {
    for (let i = 0; i < rest.length; i++) {
      const text = rest[i].value;
      if (/^\/[ck]$/i.test(text)) {
        const values = rest.slice(i + 1);
        if (values.length === 0) return undefined;
        return { shell: 'cmd', program: words[0].value, flag: text, script: values.map((v) => v.value).join(' '), values, encoded: false };
      }
      if (!text.startsWith('/')) return undefined;
    }
  }
  return undefined;
}

function decodeUtf16Base64(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || trimmed.length % 4 !== 0) return undefined;
  try {
    return Buffer.from(trimmed, 'base64').toString('utf16le');
  } catch {
    return undefined;
  }
}

/** Characters that make a shell string more than one simple command. */
export const SH_METACHARACTERS = /[;&|<>`$(){}*?[\]\\!~#\n]/;
/** cmd.exe operators (`%VAR%` expansion alone is harmless). */
export const CMD_METACHARACTERS = /[&|<>^()\n]/;

/**
 * Splits a POSIX-shell string into words when it is a plain command (quotes allowed, no
 * expansions, operators, globs or escapes); undefined otherwise.
 */
export function simpleShellWords(script: string): string[] | undefined {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (ch === "'") {
      const end = script.indexOf("'", i + 1);
      if (end < 0) return undefined;
      current += script.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === '"') {
      const end = script.indexOf('"', i + 1);
      if (end < 0) return undefined;
      const inner = script.slice(i + 1, end);
      if (/[$`\\!]/.test(inner)) return undefined;
      current += inner;
      inWord = true;
      i = end;
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else if (SH_METACHARACTERS.test(ch)) {
      return undefined;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  // `NAME=value cmd`: an environment assignment, not a program.
  if (words.length === 0 || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) return undefined;
  return words;
}

/** Loose word split for a command written as one string: quotes group, nothing else is special. */
function splitShellWords(text: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) words.push(match[1] ?? match[2] ?? match[3]);
  return words;
}
