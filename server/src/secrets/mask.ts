/**
 * The only way a secret-bearing value may be shown anywhere (hovers, logs, CLI): a short
 * prefix that helps recognise which key it is, then an ellipsis. Short values show nothing.
 */
export function maskSecret(value: string): string {
  if (value.length < 12) return '•••';
  return value.slice(0, 4) + '…';
}

/** `text` with each span (sorted, disjoint) blanked out, built once (not re-sliced per span). */
export function blankSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  let blanked = '';
  let cursor = 0;
  for (const span of spans) {
    blanked += text.slice(cursor, span.start) + ' '.repeat(span.end - span.start);
    cursor = span.end;
  }
  return blanked + text.slice(cursor);
}
