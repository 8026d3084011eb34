import type { FormattingOptions } from 'jsonc-parser';

/**
 * The file's own indentation and line ending, so inserted JSON looks hand-written:
 * the first indented line decides tabs vs spaces and the width.
 */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
  const indented = /^([ \t]+)\S/m.exec(text);
  if (indented && indented[1].startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  const width = indented ? indented[1].length : 2;
  return { insertSpaces: true, tabSize: width >= 2 && width <= 8 ? Math.min(width, 4) : 2, eol };
}
