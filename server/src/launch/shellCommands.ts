/**
 * Splits a shell string (`sh -c`, `pwsh -Command`, `cmd /c`) into the simple commands it runs,
 * so the launch checks can read `source ~/.nvm/nvm.sh && npx -y pkg` or
 * `LD_PRELOAD=x exec node server.js` the way they read a plain command line. Quotes are
 * removed, redirections dropped, leading `NAME=value` words kept apart, and a command that
 * holds a substitution (`$(…)`, backticks, `<(…)`) is marked dynamic: its words are not what
 * runs. Not a full shell grammar: loops, functions and here-documents are read as words.
 */
export type ShellDialect = 'sh' | 'powershell' | 'cmd';

export interface ShellCommand {
  /** The program and its arguments, quotes removed. */
  words: string[];
  /** Where each word starts in the script (for spans). */
  starts: number[];
  /** `NAME=value` words before the program (`$env:NAME = 'value'` / `set NAME=value` for PowerShell / cmd). */
  assignments: Array<{ text: string; start: number }>;
  /** The command holds a substitution, so its words are not literal. */
  dynamic: boolean;
  /** The operator after it: `&&`, `||`, `;`, `|`, `&`, or undefined for the last command. */
  next?: string;
  /** 0 for the first command of a pipeline (or a lone command), 1 for the next... */
  pipe: number;
}

interface Syntax {
  quotes: string;
  escape: string;
  substitutions: boolean;
}

const SYNTAX: Record<ShellDialect, Syntax> = {
  sh: { quotes: `'"`, escape: '\\', substitutions: true },
  powershell: { quotes: `'"`, escape: '`', substitutions: true },
  cmd: { quotes: '"', escape: '^', substitutions: false },
};

/** Shell words that introduce the real command (`exec npx …`, `then node …`). */
const LEADING_KEYWORDS: Record<ShellDialect, ReadonlySet<string>> = {
  sh: new Set(['exec', 'command', 'builtin', 'then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', 'time', '{', '}']),
  powershell: new Set(['&', '{', '}']),
  cmd: new Set(['call', '@']),
};

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export function shellCommands(script: string, dialect: ShellDialect): ShellCommand[] {
  const syntax = SYNTAX[dialect];
  const commands: ShellCommand[] = [];
  let current = fresh(0);
  let word = '';
  let wordStart = -1;
  let inWord = false;

  const flushWord = () => {
    if (!inWord) return;
    if (dialect === 'cmd' && current.words.length === 0 && word.startsWith('@')) {
      // `@command`: echo off for one line
      word = word.slice(1);
      wordStart++;
    }
    if (current.words.length === 0 && (word === '' || LEADING_KEYWORDS[dialect].has(word.toLowerCase()))) {
      // a keyword before the program: dropped
    } else if (current.words.length === 0 && dialect !== 'powershell' && ASSIGNMENT.test(word)) {
      current.assignments.push({ text: word, start: wordStart });
    } else {
      current.words.push(word);
      current.starts.push(wordStart);
    }
    word = '';
    inWord = false;
    wordStart = -1;
  };
  const startWord = (at: number) => {
    if (!inWord) wordStart = at;
    inWord = true;
  };
  const endCommand = (op: string | undefined) => {
    flushWord();
    normalise(current, dialect);
    if (current.words.length || current.assignments.length) {
      current.next = op;
      commands.push(current);
      current = fresh(op === '|' ? current.pipe + 1 : 0);
    } else if (op === '|') {
      current.pipe++;
    }
  };

  for (let i = 0; i < script.length;) {
    const ch = script[i];
    const next = script[i + 1];
    // Quotes.
    if (syntax.quotes.includes(ch)) {
      startWord(i);
      const close = findClose(script, i + 1, ch, ch === '"' || dialect === 'cmd' ? syntax.escape : '');
      const inner = script.slice(i + 1, close);
      if (ch === '"' && syntax.substitutions && /\$\(|`/.test(dialect === 'powershell' ? inner.replace(/`./g, '') : inner)) current.dynamic = true;
      word += ch === '"' && dialect === 'sh' ? inner.replace(/\\([\\"$`])/g, '$1') : dialect === 'powershell' && ch === "'" ? inner.replace(/''/g, "'") : inner;
      i = close + 1;
      continue;
    }
    // Escapes.
    if (ch === syntax.escape && i + 1 < script.length) {
      if (next === '\n') {
        i += 2;
        continue;
      }
      startWord(i);
      word += next;
      i += 2;
      continue;
    }
    // Substitutions: $(…), `…`, <(…), >(…).
    if (syntax.substitutions && ((ch === '$' && next === '(') || (dialect === 'sh' && (ch === '<' || ch === '>') && next === '('))) {
      startWord(i);
      const end = matchParen(script, i + 1);
      word += script.slice(i, end + 1);
      current.dynamic = true;
      i = end + 1;
      continue;
    }
    if (dialect === 'sh' && ch === '`') {
      startWord(i);
      const end = script.indexOf('`', i + 1);
      const stop = end < 0 ? script.length : end;
      word += script.slice(i, stop + 1);
      current.dynamic = true;
      i = stop + 1;
      continue;
    }
    // Comments.
    if (ch === '#' && !inWord && dialect !== 'cmd') {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      flushWord();
      i++;
      continue;
    }
    if (ch === '\n') {
      endCommand(';');
      i++;
      continue;
    }
    // Redirections (`>`, `2>&1`, `>>log`, `<in`, `&>x`, `*>$null`): dropped with their target.
    const redirect = redirection(script, i, inWord ? word : '', dialect);
    if (redirect) {
      if (redirect.dropWord) {
        word = '';
        inWord = false;
        wordStart = -1;
      } else flushWord();
      i = redirect.end;
      if (redirect.target) {
        while (script[i] === ' ' || script[i] === '\t') i++;
        let target = i;
        while (target < script.length && !/[\s;&|<>()]/.test(script[target])) {
          if (syntax.quotes.includes(script[target])) target = findClose(script, target + 1, script[target], '');
          target++;
        }
        i = target;
      }
      continue;
    }
    // Operators.
    const op = operator(script, i, dialect, inWord || current.words.length > 0);
    if (op) {
      endCommand(op.text === '(' || op.text === ')' ? ';' : op.text);
      i += op.text.length;
      continue;
    }
    startWord(i);
    word += ch;
    i++;
  }
  endCommand(undefined);
  return commands;
}

function fresh(pipe: number): ShellCommand {
  return { words: [], starts: [], assignments: [], dynamic: false, pipe };
}

/** PowerShell `$env:NAME = 'value'` and cmd `set NAME=value` become assignments of an empty command. */
function normalise(command: ShellCommand, dialect: ShellDialect): void {
  const w = command.words;
  if (dialect === 'powershell' && w.length >= 2 && /^\$(?:env:)?[A-Za-z_][\w]*$/i.test(w[0]) && (w[1] === '=' || w[1].startsWith('='))) {
    const value = w[1] === '=' ? w.slice(2).join(' ') : w[1].slice(1);
    command.assignments.push({ text: `${w[0].replace(/^\$(?:env:)?/i, '')}=${value}`, start: command.starts[0] });
    command.words = [];
    command.starts = [];
  } else if (dialect === 'powershell' && w.length >= 1 && /^\$(?:env:)?[A-Za-z_]\w*=/i.test(w[0])) {
    command.assignments.push({ text: w[0].replace(/^\$(?:env:)?/i, '') + (w.length > 1 ? ' ' + w.slice(1).join(' ') : ''), start: command.starts[0] });
    command.words = [];
    command.starts = [];
  } else if (dialect === 'sh' && w.length >= 2 && /^(?:export|declare|typeset)$/.test(w[0]) && w.slice(1).some((x) => ASSIGNMENT.test(x))) {
    // `export NAME=value`: set for the commands that follow (kept as this command's assignments).
    w.forEach((x, i) => {
      if (i > 0 && ASSIGNMENT.test(x)) command.assignments.push({ text: x, start: command.starts[i] });
    });
    command.words = [];
    command.starts = [];
  } else if (dialect === 'cmd' && w.length >= 2 && w[0].toLowerCase() === 'set' && ASSIGNMENT.test(w[1])) {
    command.assignments.push({ text: w.slice(1).join(' '), start: command.starts[1] });
    command.words = [];
    command.starts = [];
  }
}

function findClose(script: string, from: number, quote: string, escape: string): number {
  for (let i = from; i < script.length; i++) {
    if (escape && script[i] === escape) {
      i++;
      continue;
    }
    if (script[i] === quote) return i;
  }
  return script.length;
}

function matchParen(script: string, open: number): number {
  let depth = 0;
  for (let i = open; i < script.length; i++) {
    const ch = script[i];
    if (ch === "'" || ch === '"') {
      i = findClose(script, i + 1, ch, ch === '"' ? '\\' : '');
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return script.length - 1;
}

function redirection(script: string, i: number, pending: string, dialect: ShellDialect): { end: number; target: boolean; dropWord: boolean } | undefined {
  const ch = script[i];
  // Compared, not regex-tested: `pending` is the word being built, and testing it at every
  // character re-read (and flattened) the growing word each time — quadratic in its length.
  const fd = pending.length === 1 && (pending === '*' || (pending >= '0' && pending <= '9'));
  if (ch === '&' && script[i + 1] === '>' && dialect === 'sh') {
    const end = script[i + 2] === '>' ? i + 3 : i + 2;
    return { end, target: true, dropWord: false };
  }
  if (ch !== '>' && ch !== '<') return undefined;
  let end = i + 1;
  if (script[end] === ch) end++; // >> or <<
  if (ch === '<' && script[end] === '<') end++; // <<<
  if (script[end] === '|') end++; // >|
  if (script[end] === '&') {
    // 2>&1, >&2, <&0
    end++;
    while (/[\d-]/.test(script[end] ?? '')) end++;
    return { end, target: false, dropWord: fd };
  }
  return { end, target: true, dropWord: fd };
}

function operator(script: string, i: number, dialect: ShellDialect, hasCommand: boolean): { text: string } | undefined {
  const two = script.slice(i, i + 2);
  if (two === '&&' || two === '||') return { text: two };
  if (dialect === 'sh' && two === ';;') return { text: ';' };
  const ch = script[i];
  if (ch === ';' && dialect !== 'cmd') return { text: ';' };
  if (ch === '|') return { text: '|' };
  if (ch === '&') {
    if (dialect === 'cmd') return { text: '&' };
    if (dialect === 'sh') return { text: '&' };
    // PowerShell: `&` before a command is the call operator (a word); after one, background.
    return hasCommand ? { text: '&' } : undefined;
  }
  if ((ch === '(' || ch === ')') && dialect !== 'powershell') return { text: ch };
  return undefined;
}
