import { shellCommands, type ShellDialect } from './shellCommands';
import { programName, withoutTail, withoutTrailingSlashes } from '../core/invocation';

/**
 * Recognises "download and execute" in a shell or PowerShell string: `curl … | sh`,
 * `wget -O- … | bash`, `bash <(curl …)`, `sh -c "$(curl …)"`, `eval "$(wget …)"`, `$(curl …)`
 * as a command, `iex (iwr …)` / `Invoke-Expression (New-Object Net.WebClient).DownloadString(…)`,
 * `irm … | iex`, `base64 -d | sh`, and a download saved to a file that a later command runs
 * (`curl -o x.sh URL && sh x.sh`, `wget -O bin URL && chmod +x bin && ./bin`,
 * `iwr URL -OutFile x.ps1; & x.ps1`, `certutil -urlcache -f URL x.exe & x.exe`).
 * Returns a short description of what matched.
 */
const FETCH = String.raw`(?:curl|wget|fetch|http|aria2c)\b`;
// Path prefixes and sudo options are capped (256 characters, 16 options): a sink is tried at
// every pipe, and an uncapped `\S*` re-read the rest of a script without spaces from each.
const RUNNER = String.raw`(?:sudo\s+(?:-\S{1,256}\s+){0,16})?(?:env\s+)?(?:\S{0,256}\/)?(?:ba|z|da|k|fi)?sh\b|(?:\S{0,256}\/)?(?:python[\d.]*|node|perl|ruby|php|deno|bun)\b|(?:pwsh|powershell)(?:\.exe)?\b|iex\b|invoke-expression\b`;
const DOWNLOAD_CMDLET = String.raw`\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|downloadstring)\b`;

/**
 * `SOURCE … | SINK`: a match of `source` followed, with no character of `gap` in between, by
 * a pipe and `sink`. The regex `SOURCE[^gap]*\|SINK` re-read the rest of the stage from every
 * source word (quadratic for `curl curl curl …`); here each character is read once, because a
 * later source word inside an already-read stretch can only reach the same pipes.
 */
interface Pipe {
  source: RegExp;
  /** Characters the text between source and pipe cannot hold; `|` in it means the first pipe only. */
  gap: string;
  sink: RegExp;
  description: string;
}

const PIPES: Pipe[] = [
  {
    source: new RegExp(String.raw`\b${FETCH}`, 'gi'),
    gap: '|;&\n',
    sink: new RegExp(String.raw`\s*(?:${RUNNER})`, 'iy'),
    description: 'a download piped into an interpreter',
  },
  { source: new RegExp(DOWNLOAD_CMDLET, 'gi'), gap: '\n', sink: /\s*(?:iex|invoke-expression)\b/iy, description: 'a download piped into Invoke-Expression' },
  {
    source: /\bbase64\s+(?:-d|--decode|-D)\b/gi,
    gap: '|;&\n',
    sink: /\s*(?:sudo\s+)?(?:ba|z|da)?sh\b/iy,
    description: 'base64-decoded text piped into a shell',
  },
];

function pipedInto(script: string, { source, gap, sink }: Pipe): boolean {
  let readTo = -1;
  source.lastIndex = 0;
  for (let match = source.exec(script); match; match = source.exec(script)) {
    let i = match.index + match[0].length;
    if (i <= readTo) continue;
    for (; i < script.length; i++) {
      const ch = script[i];
      if (ch === '|') {
        sink.lastIndex = i + 1;
        if (sink.test(script)) return true;
      }
      if (gap.includes(ch)) break;
    }
    readTo = i;
  }
  return false;
}

/** `$(curl …)` or `` `curl …` `` where a command belongs: the shell runs what the download printed. */
const SUBSTITUTED_FETCH = new RegExp(String.raw`["']?(?:\$\(|\x60)\s*${FETCH}`, 'gi');

/**
 * Whether a substitution at `at` stands where a command belongs: after the start, `;`, `&`,
 * `|`, a line break, `(` or `then`/`do`/`exec`, with only blanks between. Read backwards from
 * the substitution (the regex `(?:^|[;&|\n(])\s*` tried every line break of a blank run).
 */
function atCommandPosition(script: string, at: number): boolean {
  let blanks = at;
  while (blanks > 0 && /\s/.test(script[blanks - 1])) {
    if (script[blanks - 1] === '\n') return true;
    blanks--;
  }
  if (blanks === 0 || ';&|('.includes(script[blanks - 1])) return true;
  return blanks < at && /\b(?:then|do|exec)$/i.test(script.slice(Math.max(0, blanks - 5), blanks));
}

function substitutedFetch(script: string): boolean {
  SUBSTITUTED_FETCH.lastIndex = 0;
  for (let match = SUBSTITUTED_FETCH.exec(script); match; match = SUBSTITUTED_FETCH.exec(script)) if (atCommandPosition(script, match.index)) return true;
  return false;
}

const INVOKE_EXPRESSION = /\b(?:iex|invoke-expression)\b/i;
const DOWNLOAD_WORD = /\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|downloadstring|downloadfile|net\.webclient|start-bitstransfer)\b/gi;

/** `iex … iwr …`: a download anywhere after Invoke-Expression (two searches, not `iex[\s\S]*iwr`, which re-read the rest from every `iex`). */
function invokesDownload(script: string): boolean {
  const invoke = INVOKE_EXPRESSION.exec(script);
  if (!invoke) return false;
  DOWNLOAD_WORD.lastIndex = invoke.index + invoke[0].length;
  return DOWNLOAD_WORD.test(script);
}

const PATTERNS: Array<[RegExp, string]> = [
  [new RegExp(String.raw`<\(\s*${FETCH}`, 'i'), 'a download run through process substitution'],
  [new RegExp(String.raw`(?:\beval\b|\b(?:ba|z|da)?sh\s+-c|\bsource\b|^\s*\.)\s*["']?\$\(\s*${FETCH}`, 'i'), 'a download executed through $(…)'],
];

export function downloadAndExecute(script: string, dialect: ShellDialect = 'sh'): string | undefined {
  if (!/curl|wget|fetch|http|aria2c|iwr|irm|invoke-|download|base64|bitstransfer|certutil|bitsadmin/i.test(script)) return undefined;
  // In the order of the regex list this replaces (the first match names the finding).
  if (pipedInto(script, PIPES[0])) return PIPES[0].description;
  for (const [pattern, description] of PATTERNS) if (pattern.test(script)) return description;
  if (substitutedFetch(script)) return 'a download executed through $(…)';
  if (invokesDownload(script)) return 'a download passed to Invoke-Expression';
  if (pipedInto(script, PIPES[1])) return PIPES[1].description;
  if (pipedInto(script, PIPES[2])) return PIPES[2].description;
  return downloadedThenRun(script, dialect);
}

/** Interpreters whose first operand is the script they run (later operands are its arguments). */
const INTERPRETERS = /^(?:sh|bash|zsh|dash|ksh|fish|source|\.|python[\d.]*|py|node|nodejs|bun|deno|perl|ruby|php)$/;
/** Programs that run (or make runnable) a file named anywhere in their arguments. */
const RUNS_ANY_ARGUMENT = /^(?:chmod|sudo|doas|exec|call|cmd|pwsh|powershell|start-process|saps|start|msiexec|rundll32|wscript|cscript|mshta)$/;

/** `curl -o FILE URL && sh FILE`: a file a download writes, run by a later command. */
function downloadedThenRun(script: string, dialect: ShellDialect): string | undefined {
  const commands = shellCommands(script, dialect);
  const saved: string[] = [];
  for (const command of commands) {
    const words = command.words;
    if (words.length === 0) continue;
    const program = programName(words[0]);
    if (saved.length) {
      const target = (word: string | undefined) => word !== undefined && saved.some((file) => sameFile(file, word));
      const operands = words.slice(1).filter((w) => !w.startsWith('-'));
      const script = (program === 'deno' || program === 'bun') && operands[0] === 'run' ? operands[1] : operands[0];
      const runsIt =
        target(words[0]) ||
        (INTERPRETERS.test(program) && target(script)) ||
        (RUNS_ANY_ARGUMENT.test(program) && words.slice(1).some(target)) ||
        (dialect === 'powershell' && /^(?:iex|invoke-expression)$/.test(program));
      if (runsIt) return 'a download saved to a file and then run';
    }
    saved.push(...outputFiles(program, words.slice(1), script));
  }
  return undefined;
}

/** The files a download command writes. */
function outputFiles(program: string, args: string[], script: string): string[] {
  const files: string[] = [];
  const urls = args.filter((a) => /^(?:https?|ftp):\/\//i.test(a));
  const basename = (url: string) => withoutTrailingSlashes(withoutTail(url, /[?#]/)).split('/').pop() ?? '';
  if (program === 'curl') {
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--output' || a === '-o' || (/^-[A-Za-z]+$/.test(a) && a.endsWith('o') && !a.startsWith('--'))) {
        if (args[i + 1]) files.push(args[i + 1]);
      } else if (a.startsWith('--output=')) files.push(a.slice(9));
      else if (a === '-O' || a === '--remote-name' || (/^-[A-Za-z]+$/.test(a) && a.includes('O'))) files.push(...urls.map(basename));
    }
  } else if (program === 'wget') {
    let named = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-O' || a === '--output-document') {
        named = true;
        if (args[i + 1] && args[i + 1] !== '-') files.push(args[i + 1]);
      } else if (a.startsWith('--output-document=')) {
        named = true;
        files.push(a.slice(18));
      } else if (/^-[A-Za-z]*O$/.test(a) && !a.startsWith('--')) {
        named = true;
        if (args[i + 1] && args[i + 1] !== '-') files.push(args[i + 1]);
      }
    }
    if (!named) files.push(...urls.map(basename));
  } else if (/^(?:invoke-webrequest|iwr|start-bitstransfer)$/.test(program) || program === 'curl.exe') {
    for (let i = 0; i < args.length; i++) {
      if (/^-(?:outfile|destination|o)$/i.test(args[i]) && args[i + 1]) files.push(args[i + 1]);
    }
  } else if (program === 'certutil' && args.some((a) => /^[-/]urlcache$/i.test(a))) {
    const rest = args.filter((a) => !/^[-/]/.test(a));
    if (rest.length >= 2) files.push(rest[rest.length - 1]);
  } else if (program === 'bitsadmin' && args.some((a) => /^\/transfer$/i.test(a))) {
    files.push(args[args.length - 1]);
  }
  // (New-Object Net.WebClient).DownloadFile('URL', 'FILE')
  for (const m of script.matchAll(/downloadfile\(\s*['"][^'"]*['"]\s*,\s*['"]([^'"]+)['"]\s*\)/gi)) if (!files.includes(m[1])) files.push(m[1]);
  return files.filter(Boolean);
}

/** The same file, as written in two commands (`x.sh` and `./x.sh`, `C:\t\x.ps1` and `C:/t/x.ps1`). */
function sameFile(saved: string, word: string): boolean {
  const norm = (p: string) =>
    p
      .replace(/\\/g, '/')
      .replace(/^\.\//, '')
      .replace(/^["']|["']$/g, '')
      .toLowerCase();
  return norm(saved) !== '' && norm(saved) === norm(word);
}
