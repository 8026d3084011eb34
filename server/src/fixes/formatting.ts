import type { ParsedDocument, TreeNode } from '../core/tree';

/**
 * The file's own indentation unit and line ending: the first indented line decides tabs vs
 * spaces and the width.
 */
export function detectIndentation(text: string): { indent: string; eol: string } {
  // Asked for every fix of a document in turn: the last answer is kept (the same string
  // compares by reference), or a 10 000-server file is scanned once per finding.
  if (text === lastText && lastIndentation) return lastIndentation;
  lastText = text;
  return (lastIndentation = indentationOf(text));
}

let lastText: string | undefined;
let lastIndentation: { indent: string; eol: string } | undefined;

function indentationOf(text: string): { indent: string; eol: string } {
  const eol = text.includes('\r\n') ? '\r\n' : text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
  const indented = /^([ \t]+)\S/m.exec(text);
  if (indented && indented[1].startsWith('\t')) return { indent: '\t', eol };
  const width = indented ? indented[1].length : 2;
  return { indent: ' '.repeat(width >= 2 && width <= 8 ? Math.min(width, 4) : 2), eol };
}

/**
 * How a collection is written, read off an existing one so inserted text looks like its
 * neighbours: `{ "a": 1 }` vs `{"a":1}` vs one member per line.
 */
export interface Layout {
  /** One member per line (else the whole collection on one line). */
  multiline: boolean;
  /** Between a key and its value: `": "`, `":"`, `" = "`. */
  colon: string;
  /** After a comma on one line: `" "` or `""`. */
  comma: string;
  /** Inside the brackets of a one-line collection: `{ "a": 1 }` vs `{"a": 1}`. */
  padding: string;
  /** One level of indentation and the line ending, from the file. */
  indent: string;
  eol: string;
}

/**
 * The layout of `sample` (an object or array node), with the file's defaults for what the
 * sample does not show (an empty or one-member collection has no comma to copy).
 */
export function layoutOf(sample: TreeNode | undefined, doc: ParsedDocument): Layout {
  const { text } = doc;
  const { indent, eol } = detectIndentation(text);
  const layout: Layout = {
    multiline: false,
    colon: doc.syntax === 'toml' ? ' = ' : ': ',
    comma: ' ',
    padding: sample?.type === 'array' ? '' : ' ',
    indent,
    eol,
  };
  if (!sample || (sample.type !== 'object' && sample.type !== 'array')) return layout;
  const children = sample.children ?? [];
  const inner = text.slice(sample.offset + 1, children[0]?.offset ?? sample.offset + sample.length - 1);
  layout.multiline = /[\r\n]/.test(inner) || (children.length > 1 && /[\r\n]/.test(text.slice(children[0].offset, children[1].offset)));
  if (!layout.multiline && /^[ \t]*$/.test(inner) && children.length > 0) layout.padding = inner;
  const first = children[0];
  const key = first?.type === 'property' ? first.children?.[0] : undefined;
  const value = first?.type === 'property' ? first.children?.[1] : undefined;
  if (key && value) {
    const between = text.slice(key.offset + key.length, value.offset);
    if (/^[ \t]*[:=][ \t]*$/.test(between)) layout.colon = between;
  }
  if (children.length > 1) {
    const gap = text.slice(children[0].offset + children[0].length, children[1].offset);
    const afterComma = /^[ \t]*,([ \t]*)$/.exec(gap);
    if (afterComma) layout.comma = afterComma[1];
  }
  return layout;
}

/**
 * Writes a JSON-like value (strings, numbers, booleans, arrays, plain objects) in `layout`,
 * its first line starting at the current position and continuation lines at `baseIndent`.
 * Strings use `quote` (the neighbours' quote style); keys are written by `writeKey`.
 */
export function printValue(value: unknown, layout: Layout, baseIndent: string, quote: (s: string) => string, writeKey: (key: string) => string): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const isArray = Array.isArray(value);
  const members = isArray
    ? (value as unknown[]).map((v) => ({ key: undefined as string | undefined, v }))
    : Object.entries(value as object).map(([key, v]) => ({ key, v }));
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (members.length === 0) return open + close;
  const inner = baseIndent + layout.indent;
  const write = (member: { key: string | undefined; v: unknown }, indent: string) =>
    (member.key === undefined ? '' : writeKey(member.key) + layout.colon) + printValue(member.v, layout, indent, quote, writeKey);
  if (!layout.multiline) {
    const padding = isArray ? '' : layout.padding;
    return open + padding + members.map((m) => write(m, baseIndent)).join(',' + layout.comma) + padding + close;
  }
  return open + layout.eol + members.map((m) => inner + write(m, inner)).join(',' + layout.eol) + layout.eol + baseIndent + close;
}
