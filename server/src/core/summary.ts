/**
 * The contract of every finding message (issue 15 class 7): its first sentence says what is
 * wrong and what to do in at most SUMMARY_MAX characters — the editor shows that sentence as
 * the diagnostic, the Problems view cuts longer ones — and the sentences after it explain
 * (the hover, the CLI and the rule page show the whole message).
 */
export const SUMMARY_MAX = 120;

/**
 * The first sentence: up to the first `.`, `!` or `?` followed by a space or the end, outside
 * double quotes (a quoted `"server.js"` or `"v1.2."` does not end it). The whole message when
 * it has no such end.
 */
export function summaryOf(message: string): string {
  return FIRST_SENTENCE.exec(message)?.[0] ?? message;
}

/**
 * Characters outside quotes or whole quoted pieces, as few as needed, then the end mark. An
 * unclosed quote runs to the end, so nothing after it ends a sentence. One regular
 * expression instead of a loop over characters: the language server asks this of every
 * diagnostic on every keystroke.
 */
const FIRST_SENTENCE = /^(?:[^"]|"[^"]*")*?[.!?](?=\s|$)/;

/**
 * A value quoted in a summary, kept short: past `max` characters its middle becomes `…`, so
 * both the start (scope, host) and the end (version, file) stay readable.
 */
export function shortValue(value: string, max = 40): string {
  if (value.length <= max) return value;
  // A token-like run (letters and digits, 16+) is never cut: the message safety net
  // (secrets/redact.ts) recognises a whole token and masks it, a cut one it would miss.
  for (const run of value.match(/(?<![A-Za-z0-9+/=_])[A-Za-z0-9+/=_]{16,}/g) ?? []) if (/\d/.test(run) && /[A-Za-z]/.test(run)) return value;
  const head = Math.ceil((max - 1) / 2);
  return `${value.slice(0, head)}…${value.slice(value.length - (max - 1 - head))}`;
}
