/**
 * The words of a name (an env key, a flag, a tool or server name), in lower case:
 * `runSQLQuery` → run, sql, query; `tavilyApiKey` → tavily, api, key; `X-API-Key` → x, api,
 * key; `GITHUB_TOKEN_2` → github, token, 2. A word ends at anything but an ASCII letter or
 * digit, between a lower-case letter or digit and a capital, and before the last capital of
 * a run that a lower-case letter follows (`SQLQuery` → SQL, Query).
 *
 * One pass over the name: names come from the workspace, and the regular expression this
 * replaced, `([A-Z]+)([A-Z][a-z])`, re-read a run of capitals from each of its letters (a
 * server name of 60 000 capitals took 6 s to lint). Lower-casing comes before the split, as
 * in every splitter this one replaced but the tool names': a letter whose lower case is
 * ASCII (the Kelvin sign) reads as that letter, so it cannot hide a word.
 */
export function splitWords(name: string): string[] {
  let spaced = '';
  let copied = 0;
  for (let i = 1; i < name.length; i++) {
    if (!isCapital(name.charCodeAt(i))) continue;
    const before = name.charCodeAt(i - 1);
    if (isLower(before) || isDigit(before) || (isCapital(before) && isLower(name.charCodeAt(i + 1)))) {
      spaced += name.slice(copied, i) + ' ';
      copied = i;
    }
  }
  spaced += copied === 0 ? name : name.slice(copied);
  const words = spaced.toLowerCase().split(NOT_A_WORD_CHARACTER);
  return words[0] === '' || words[words.length - 1] === '' ? words.filter(Boolean) : words;
}

const NOT_A_WORD_CHARACTER = /[^a-z0-9]+/;

function isCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
