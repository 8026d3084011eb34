/**
 * Recognises "download and execute" in a shell or PowerShell string: `curl … | sh`,
 * `wget -O- … | bash`, `bash <(curl …)`, `sh -c "$(curl …)"`, `eval "$(wget …)"`,
 * `iex (iwr …)` / `Invoke-Expression (New-Object Net.WebClient).DownloadString(…)`,
 * `irm … | iex`, `base64 -d | sh`. Returns a short description of what matched.
 */
const FETCH = String.raw`(?:curl|wget|fetch|http|aria2c)\b`;
const RUNNER = String.raw`(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+)?(?:\S*\/)?(?:ba|z|da|k|fi)?sh\b|(?:\S*\/)?(?:python[\d.]*|node|perl|ruby|php|deno|bun)\b|(?:pwsh|powershell)(?:\.exe)?\b|iex\b|invoke-expression\b`;
const PATTERNS: Array<[RegExp, string]> = [
  [new RegExp(String.raw`\b${FETCH}[^|;&\n]*\|\s*(?:${RUNNER})`, 'i'), 'a download piped into an interpreter'],
  [new RegExp(String.raw`<\(\s*${FETCH}`, 'i'), 'a download run through process substitution'],
  [new RegExp(String.raw`(?:\beval\b|\b(?:ba|z|da)?sh\s+-c|\bsource\b|^\s*\.)\s*["']?\$\(\s*${FETCH}`, 'i'), 'a download executed through $(…)'],
  [new RegExp(String.raw`\b(?:iex|invoke-expression)\b[\s\S]*\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|downloadstring|downloadfile|net\.webclient|start-bitstransfer)\b`, 'i'), 'a download passed to Invoke-Expression'],
  [new RegExp(String.raw`\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|downloadstring)\b[^\n]*\|\s*(?:iex|invoke-expression)\b`, 'i'), 'a download piped into Invoke-Expression'],
  [/\bbase64\s+(?:-d|--decode|-D)\b[^|;&\n]*\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b/i, 'base64-decoded text piped into a shell'],
];

export function downloadAndExecute(script: string): string | undefined {
  if (!/curl|wget|fetch|http|aria2c|iwr|irm|invoke-|download|base64/i.test(script)) return undefined;
  for (const [pattern, description] of PATTERNS) if (pattern.test(script)) return description;
  return undefined;
}
