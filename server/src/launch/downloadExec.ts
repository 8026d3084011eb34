import { shellCommands, type ShellDialect } from './shellCommands';
import { programName } from './command';

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
const RUNNER = String.raw`(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+)?(?:\S*\/)?(?:ba|z|da|k|fi)?sh\b|(?:\S*\/)?(?:python[\d.]*|node|perl|ruby|php|deno|bun)\b|(?:pwsh|powershell)(?:\.exe)?\b|iex\b|invoke-expression\b`;
const PATTERNS: Array<[RegExp, string]> = [
  [new RegExp(String.raw`\b${FETCH}[^|;&\n]*\|\s*(?:${RUNNER})`, 'i'), 'a download piped into an interpreter'],
  [new RegExp(String.raw`<\(\s*${FETCH}`, 'i'), 'a download run through process substitution'],
  [new RegExp(String.raw`(?:\beval\b|\b(?:ba|z|da)?sh\s+-c|\bsource\b|^\s*\.)\s*["']?\$\(\s*${FETCH}`, 'i'), 'a download executed through $(…)'],
  // `$(curl …)` or `` `curl …` `` where a command belongs: the shell runs what the download printed.
  [new RegExp(String.raw`(?:^|[;&|\n(]|\b(?:then|do|exec)\s)\s*["']?(?:\$\(|\x60)\s*${FETCH}`, 'i'), 'a download executed through $(…)'],
  [new RegExp(String.raw`\b(?:iex|invoke-expression)\b[\s\S]*\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|downloadstring|downloadfile|net\.webclient|start-bitstransfer)\b`, 'i'), 'a download passed to Invoke-Expression'],
  [new RegExp(String.raw`\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|downloadstring)\b[^\n]*\|\s*(?:iex|invoke-expression)\b`, 'i'), 'a download piped into Invoke-Expression'],
  [/\bbase64\s+(?:-d|--decode|-D)\b[^|;&\n]*\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b/i, 'base64-decoded text piped into a shell'],
];

export function downloadAndExecute(script: string, dialect: ShellDialect = 'sh'): string | undefined {
  if (!/curl|wget|fetch|http|aria2c|iwr|irm|invoke-|download|base64|bitstransfer|certutil|bitsadmin/i.test(script)) return undefined;
  for (const [pattern, description] of PATTERNS) if (pattern.test(script)) return description;
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
  const basename = (url: string) => url.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '';
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
  } else if (/^(?:invoke-webrequest|iwr|start-bitstransfer)$/.test(program) || (program === 'curl.exe')) {
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
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^["']|["']$/g, '').toLowerCase();
  return norm(saved) !== '' && norm(saved) === norm(word);
}
