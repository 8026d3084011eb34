import type { Syntax } from '../core/tree';

/**
 * Deeper than any real config by far (they nest 5 or 6 levels), and far enough from the
 * stack limit that the recursive parsers (jsonc-parser's parseTree, yaml's composer) and
 * anything walking the tree stay safe even when called from deep in the server's stack.
 */
export const MAX_NESTING_DEPTH = 256;

/**
 * Offset of the first `[` / `{` that opens a collection deeper than `limit`, or -1. One
 * linear pass, no recursion, skipping strings and comments of the syntax. Over-counting is
 * harmless (a YAML plain scalar such as `a[b` counts, but it would take hundreds of them to
 * matter); under-counting is what the guard must avoid, so every bracket outside a string
 * or comment counts.
 */
export function nestingLimitOffset(text: string, syntax: Syntax, limit = MAX_NESTING_DEPTH): number {
  if (!hasMoreOpenersThan(text, limit)) return -1;
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const ch = text.charCodeAt(i);
    switch (ch) {
      case 0x5b: // [
      case 0x7b: // {
        if (++depth > limit) return i;
        break;
      case 0x5d: // ]
      case 0x7d: // }
        if (depth > 0) depth--;
        break;
      case 0x22: // "
        i = skipQuoted(text, i, '"', syntax === 'yaml' || syntax === 'json' || syntax === 'toml');
        break;
      case 0x27: // '
        if (syntax !== 'json') i = skipQuoted(text, i, "'", false);
        break;
      case 0x23: // #
        if (syntax !== 'json') i = skipToLineEnd(text, i);
        break;
      case 0x2f: // /
        if (syntax === 'json') {
          const next = text.charCodeAt(i + 1);
          if (next === 0x2f) i = skipToLineEnd(text, i);
          else if (next === 0x2a) {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? length : end + 1;
          }
        }
        break;
    }
  }
  return -1;
}

/**
 * Whether the text holds more than `limit` opening brackets at all, counting those in strings
 * and comments: with fewer, nothing can nest deeper. Real configs have a few dozen, and
 * indexOf finds them far faster than the character loop below steps through the text.
 */
function hasMoreOpenersThan(text: string, limit: number): boolean {
  let count = 0;
  for (const opener of ['{', '[']) {
    for (let i = text.indexOf(opener); i >= 0; i = text.indexOf(opener, i + 1)) if (++count > limit) return true;
  }
  return false;
}

/** Index of the closing quote (or the end of the line/text for an unterminated string). */
function skipQuoted(text: string, start: number, quote: '"' | "'", escapes: boolean): number {
  // TOML multi-line strings: """...""" and '''...'''.
  const triple = quote === '"' ? '"""' : "'''";
  if (text.startsWith(triple, start)) {
    const end = text.indexOf(triple, start + 3);
    return end < 0 ? text.length : end + 2;
  }
  const quoteCode = quote.charCodeAt(0);
  for (let i = start + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (escapes && ch === 0x5c) i++;
    else if (ch === quoteCode) return i;
    else if (ch === 0x0a) return i;
  }
  return text.length;
}

function skipToLineEnd(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  return newline < 0 ? text.length : newline;
}
