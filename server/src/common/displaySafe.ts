/**
 * Text from a scanned repository (server names, file names, messages quoting values,
 * registry answers) made safe to print on a terminal or in a CI log: control characters
 * (C0, DEL, C1), line and paragraph separators and bidi overrides are shown as escapes
 * (`\x1b`, `\n`, `\u202e`), so the text cannot move the cursor, erase lines, start a new
 * line, or reorder what the reader sees. A value that would begin with `::` gets its first
 * colon escaped, so that even placed at the start of a line it is no GitHub Actions
 * workflow command (`::error file=…::`).
 */
export function displaySafe(text: string): string {
  const escaped = text.replace(UNSAFE, escapeCharacter);
  return /^\s*::/.test(escaped) ? escaped.replace(':', '\\x3a') : escaped;
}

/** C0 controls, DEL, C1 controls, U+2028/2029, the bidi embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCharacter(char: string): string {
  const code = char.charCodeAt(0);
  return NAMED[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}
