import type { OffsetEdit } from '../core/types';
import type { ParsedDocument, Syntax, TreeNode } from '../core/tree';
import type { StringValue } from '../core/model';
import { quoteToml } from '../parse/tomlQuote';
import { detectIndentation, layoutOf, printValue, type Layout } from './formatting';
import { firstIndexWhere } from '../core/search';

/**
 * Syntax-agnostic removal edits on the common tree: they cut between sibling nodes, so
 * the separators (`,` in JSON/TOML/flow YAML, `- ` in block YAML), the indentation of the
 * remaining items and every comment outside the removed span survive.
 */

/**
 * Removes a run of adjacent children of one array or object (e.g. `"--privileged"`, or the
 * pair `"-v", "/:/host"`). Undefined when the nodes are not adjacent siblings, or when the
 * cut would take text that is not theirs (a TOML table header between two keys).
 *
 * - Before a kept sibling: cuts from the first removed node up to that sibling, keeping the
 *   comments that stand on their own lines after the removed node's separator (they describe
 *   what follows); its trailing comment on the same line goes with it.
 * - The tail: cuts from the previous kept node's separator (keeping the comments after it on
 *   its line) to the removed nodes' trailing comma, if any: `["a", "b",]` -> `["a"]`.
 * - Every child: `[ "a", ]` -> `[]` (`{}`), or, when comments are inside, the nodes and a
 *   trailing comma only (`[ , ]` is a syntax error in every dialect). A block YAML collection
 *   becomes `[]` / `{}` (emptied, it would read as null); a TOML table keeps its header.
 */
export function removeSiblings(nodes: readonly TreeNode[], doc: ParsedDocument): OffsetEdit | undefined {
  if (nodes.length === 0) return undefined;
  const parent = nodes[0].parent;
  const siblings = parent?.children;
  if (!parent || !siblings) return undefined;
  const indexes = nodes.map((n) => indexAmong(siblings, n)).sort((a, b) => a - b);
  if (indexes[0] < 0) return undefined;
  for (let k = 1; k < indexes.length; k++) if (indexes[k] !== indexes[k - 1] + 1) return undefined;
  const first = indexes[0];
  const last = indexes[indexes.length - 1];
  const { text, syntax } = doc;
  const end = (n: TreeNode) => n.offset + n.length;
  const start = siblings[first].offset;
  const lastEnd = end(siblings[last]);
  const parentEnd = end(parent);
  const separator = text.charAt(skipTrivia(text, lastEnd, parentEnd, syntax)) === ',' ? skipTrivia(text, lastEnd, parentEnd, syntax) : -1;
  let edit: OffsetEdit;
  if (last + 1 < siblings.length) {
    const next = siblings[last + 1].offset;
    // Own-line comments before the next sibling stay, where nothing but a line break separates
    // siblings too (TOML keys, YAML mapping keys); not in a block YAML sequence, whose next
    // item starts with its `- ` before the comment.
    const lineSeparated = separator < 0 && (syntax === 'toml' || (syntax === 'yaml' && parent.type === 'object'));
    const kept =
      separator >= 0 ? firstOwnLineComment(text, separator + 1, next, syntax) : lineSeparated ? firstOwnLineComment(text, lastEnd, next, syntax) : -1;
    const cut = kept >= 0 ? kept : next;
    edit = { offset: start, length: cut - start, content: '' };
  } else if (first > 0) {
    const previousEnd = end(siblings[first - 1]);
    const comma = skipTrivia(text, previousEnd, start, syntax);
    // A trailing comma after the removed nodes goes with them, as do their comments on that line.
    const cutEnd = separator >= 0 ? separator + 1 + sameLineComments(text, separator + 1, parentEnd, syntax, false).length : lastEnd;
    if (text.charAt(comma) === ',') {
      // Cut from the previous node's separator, but keep the comments after it on its line
      // (with their line break, unless the text after the cut starts a new line anyway).
      let comments = sameLineComments(text, comma + 1, start, syntax, true);
      if (/[\r\n]$/.test(comments) && /^[ \t]*(?:[\r\n]|$)/.test(text.slice(cutEnd, cutEnd + 200))) comments = comments.replace(/(?:\r\n|\n|\r)$/, '');
      edit = { offset: comma, length: cutEnd - comma, content: comments };
    } else {
      // Line-separated siblings: cut from the end of the previous one's line, its comment kept.
      const from = previousEnd + sameLineComments(text, previousEnd, start, syntax, false).length;
      edit = { offset: from, length: lastEnd - from, content: '' };
    }
  } else if (text.charAt(parent.offset) === (parent.type === 'array' ? '[' : '{') && text.charAt(parentEnd - 1) === (parent.type === 'array' ? ']' : '}')) {
    const inner = parent.offset + 1;
    const innerEnd = parentEnd - 1;
    edit = hasComment(text, inner, innerEnd, syntax)
      ? { offset: start, length: (separator >= 0 ? separator + 1 : lastEnd) - start, content: '' }
      : { offset: inner, length: innerEnd - inner, content: '' };
  } else if (syntax === 'yaml') {
    return { offset: parent.offset, length: parent.length, content: parent.type === 'array' ? '[]' : '{}' };
  } else {
    // A TOML table keeps its header; whole lines go (with the removed keys' trailing comments).
    const lineStart = lineStartOf(text, start);
    let cutEnd = lastEnd + sameLineComments(text, lastEnd, text.length, syntax, false).length;
    const from = /^[ \t]*$/.test(text.slice(lineStart, start)) ? lineStart : start;
    if (from === lineStart) cutEnd += /^[ \t]*(?:\r\n|\n|\r)/.exec(text.slice(cutEnd))?.[0].length ?? 0;
    edit = { offset: from, length: cutEnd - from, content: '' };
  }
  // TOML: keys of one table can be split by another table's header; never cut one.
  if (syntax === 'toml' && cutsForeignText(text, edit, siblings.slice(first, last + 1))) return undefined;
  return edit;
}

/** The first offset at or after `from` (before `limit`) that is not whitespace or a comment. */
function skipTrivia(text: string, from: number, limit: number, syntax: Syntax): number {
  let i = from;
  while (i < limit) {
    const ch = text.charAt(i);
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') i++;
    else if (commentAt(text, i, syntax)) i = commentEnd(text, i, limit);
    else break;
  }
  return i;
}

/**
 * The comments right after `from` on the same line, as text to keep (with the line break
 * after a line comment, so nothing that follows is swallowed by it); '' when there are none.
 */
function sameLineComments(text: string, from: number, limit: number, syntax: Syntax, withBreak: boolean): string {
  let i = from;
  let kept = from;
  while (i < limit) {
    const ch = text.charAt(i);
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (commentAt(text, i, syntax)) {
      const lineComment = !text.startsWith('/*', i);
      i = commentEnd(text, i, limit);
      kept = i;
      if (lineComment) {
        if (!withBreak) break;
        if (text.startsWith('\r\n', i)) kept = i + 2;
        else if (text.charAt(i) === '\n' || text.charAt(i) === '\r') kept = i + 1;
        break;
      }
    } else {
      break;
    }
  }
  return kept > from ? text.slice(from, kept) : '';
}

/** Start of the first comment in [from, to) that has a line break before it in that span, or -1. */
function firstOwnLineComment(text: string, from: number, to: number, syntax: Syntax): number {
  let newline = false;
  for (let i = from; i < to;) {
    const ch = text.charAt(i);
    if (ch === '\n' || ch === '\r') {
      newline = true;
      i++;
    } else if (ch === ' ' || ch === '\t') {
      i++;
    } else if (commentAt(text, i, syntax)) {
      if (newline) return i;
      i = commentEnd(text, i, to);
    } else {
      return -1;
    }
  }
  return -1;
}

function hasComment(text: string, from: number, to: number, syntax: Syntax): boolean {
  // Only trivia, commas and the removed nodes lie between the brackets; a quote or a
  // comment marker inside a string is skipped by walking over strings.
  for (let i = from; i < to; i++) {
    const ch = text.charAt(i);
    if (ch === '"' || ch === "'") {
      i = stringEnd(text, i, to) - 1;
      continue;
    }
    if (commentAt(text, i, syntax)) return true;
  }
  return false;
}

function commentAt(text: string, i: number, syntax: Syntax): boolean {
  const ch = text.charAt(i);
  if (syntax === 'json') return ch === '/' && (text.charAt(i + 1) === '/' || text.charAt(i + 1) === '*');
  return ch === '#';
}

function commentEnd(text: string, i: number, limit: number): number {
  if (text.startsWith('/*', i)) {
    const close = text.indexOf('*/', i + 2);
    return close < 0 || close + 2 > limit ? limit : close + 2;
  }
  let j = i;
  while (j < limit && text.charAt(j) !== '\n' && text.charAt(j) !== '\r') j++;
  return j;
}

function stringEnd(text: string, i: number, limit: number): number {
  const quote = text.charAt(i);
  for (let j = i + 1; j < limit; j++) {
    const ch = text.charAt(j);
    if (ch === '\\' && quote === '"') j++;
    else if (ch === quote) return j + 1;
    else if (ch === '\n') return j;
  }
  return limit;
}

/** Whether the cut takes a TOML table header (`[x]` / `[[x]]` at a line start) outside the removed nodes. */
function cutsForeignText(text: string, edit: OffsetEdit, removed: readonly TreeNode[]): boolean {
  let cursor = edit.offset;
  const gaps: string[] = [];
  for (const node of removed) {
    if (node.offset > cursor) gaps.push(text.slice(cursor, node.offset));
    cursor = Math.max(cursor, node.offset + node.length);
  }
  if (edit.offset + edit.length > cursor) gaps.push(text.slice(cursor, edit.offset + edit.length));
  return gaps.some((gap) => /(?:^|[\r\n])[ \t]*\[/.test(gap.replace(/#[^\r\n]*/g, '')));
}

/** Removes a whole `key: value` property (its node is the property node). */
export function removeProperty(property: TreeNode, doc: ParsedDocument): OffsetEdit | undefined {
  return removeSiblings([property], doc);
}

/** Replaces a node's text (a string literal via `doc.quote`, or a raw literal such as `false`). */
export function replaceNode(node: TreeNode, content: string): OffsetEdit {
  return { offset: node.offset, length: node.length, content };
}

/**
 * Document offset of character `index` of a string node's value, when the source text holds
 * the value verbatim (no escapes); undefined otherwise, so callers fall back to the node.
 */
export function stringOffset(doc: ParsedDocument, node: TreeNode, index: number): number | undefined {
  if (typeof node.value !== 'string') return undefined;
  const raw = doc.text.slice(node.offset, node.offset + node.length);
  if (raw === node.value) return node.offset + index;
  if (raw.length >= 2 && raw.slice(1, -1) === node.value) return node.offset + 1 + index;
  return undefined;
}

/**
 * Offset + length of `[start, end)` inside a string value, or the value's whole node when the
 * value is not the node's own text (a piece of a command written as one string) or the
 * source holds escapes.
 */
export function valueRange(doc: ParsedDocument, value: StringValue, start: number, end: number): { offset: number; length: number } {
  const node = value.node;
  // The whole value (or a piece of a command written as one string): the node itself.
  if (node.value !== value.value || (start <= 0 && end >= value.value.length)) return { offset: node.offset, length: node.length };
  const offset = stringOffset(doc, node, start);
  if (offset === undefined || start < 0 || end < start) return { offset: node.offset, length: node.length };
  return { offset, length: end - start };
}

// ---------------------------------------------------------------------------------------
// Insertions: new text written the way its neighbours are, touching no byte of theirs
// except the one separator the insertion needs (a comma after the previous member).
// ---------------------------------------------------------------------------------------

/**
 * Appends `value` (a JSON-like value) as the last element of a bracketed array: JSON, JSONC,
 * a TOML inline array (`env_vars = ["A"]`) or a YAML flow sequence. Undefined for a block
 * YAML sequence, an array of TOML tables, or brackets holding only comments.
 */
export function insertArrayElement(array: TreeNode, value: unknown, doc: ParsedDocument): OffsetEdit[] | undefined {
  if (array.type !== 'array') return undefined;
  return insertMember(array, undefined, value, doc, undefined);
}

/**
 * Adds `key: value` to an object: a JSON object, a TOML inline table or `[table]`, a YAML flow
 * mapping. At the end, or before the member `before` (a property node of `object`), with
 * the comments above that member left above it. Undefined where no faithful insertion
 * exists (block YAML, a TOML table known only through a sub-table's header).
 */
export function insertProperty(object: TreeNode, key: string, value: unknown, doc: ParsedDocument, before?: TreeNode): OffsetEdit[] | undefined {
  if (object.type !== 'object') return undefined;
  if (doc.syntax === 'toml' && doc.text.charAt(object.offset) !== '{') return before ? undefined : insertTomlTableKey(object, key, value, doc);
  if (doc.syntax === 'yaml' && doc.text.charAt(object.offset) !== '{') return before ? undefined : insertYamlBlockKey(object, key, value, doc);
  return insertMember(object, key, value, doc, before);
}

function insertMember(
  container: TreeNode,
  key: string | undefined,
  value: unknown,
  doc: ParsedDocument,
  before: TreeNode | undefined,
): OffsetEdit[] | undefined {
  const { text, syntax } = doc;
  const [open, close] = container.type === 'array' ? ['[', ']'] : ['{', '}'];
  const end = container.offset + container.length;
  if (text.charAt(container.offset) !== open || text.charAt(end - 1) !== close) return undefined;
  const children = container.children ?? [];
  if (before && before.parent !== container) return undefined;
  const containerLayout = layoutOf(container, doc);
  const member = (indent: string, multiline: boolean) => {
    const layout = elementLayout(container, value, doc, multiline);
    return (
      (key === undefined ? '' : writeKey(key, syntax) + containerLayout.colon) +
      printValue(value, layout, indent, quoteLike(children, doc), (k) => writeKey(k, syntax))
    );
  };
  if (children.length === 0) {
    const inner = text.slice(container.offset + 1, end - 1);
    if (!/^\s*$/.test(inner)) return undefined;
    const outerIndent = lineIndent(text, container.offset);
    // One line stays one line (`[]` -> `["A"]`); brackets already apart get an indented member
    // (never in a TOML inline table, which cannot span lines).
    const multiline = /[\r\n]/.test(inner) && !(syntax === 'toml' && container.type === 'object');
    // `[]` -> `["A"]`; `{}` -> `{"A": "x"}` or `{ "A": "x" }` as the objects around it are written.
    const padding = key === undefined || inner ? inner : layoutOf(nearestObject(container.parent), doc).padding;
    if (!multiline) return [{ offset: container.offset + 1, length: inner.length, content: padding + member(outerIndent, false) + padding }];
    const indent = outerIndent + containerLayout.indent;
    return [
      { offset: container.offset + 1, length: inner.length, content: containerLayout.eol + indent + member(indent, true) + containerLayout.eol + outerIndent },
    ];
  }
  if (before) {
    if (startsLine(text, before.offset)) {
      const indent = lineIndent(text, before.offset);
      const at = commentsAboveStart(text, before.offset, syntax);
      return [{ offset: at, length: 0, content: indent + member(indent, true) + ',' + containerLayout.eol }];
    }
    return [{ offset: before.offset, length: 0, content: member('', false) + ',' + containerLayout.comma }];
  }
  const last = children[children.length - 1];
  const lastEnd = last.offset + last.length;
  const commaAt = skipTrivia(text, lastEnd, end - 1, syntax);
  const hasComma = text.charAt(commaAt) === ',';
  if (startsLine(text, last.offset)) {
    const indent = lineIndent(text, last.offset);
    const entry = containerLayout.eol + indent + member(indent, true);
    if (hasComma) {
      const at = commaAt + 1 + sameLineComments(text, commaAt + 1, end - 1, syntax, false).length;
      return [{ offset: at, length: 0, content: entry + ',' }];
    }
    // The comma goes right after the last member; the new one after that member's comment.
    const at = lastEnd + sameLineComments(text, lastEnd, end - 1, syntax, false).length;
    return at === lastEnd
      ? [{ offset: lastEnd, length: 0, content: ',' + entry }]
      : [
          { offset: lastEnd, length: 0, content: ',' },
          { offset: at, length: 0, content: entry },
        ];
  }
  if (hasComma) return [{ offset: commaAt + 1, length: 0, content: containerLayout.comma + member('', false) + ',' }];
  return [{ offset: lastEnd, length: 0, content: ',' + containerLayout.comma + member('', false) }];
}

/**
 * The layout for a new member's own value: that of a sibling value of the same kind (a new
 * input object copies the inputs before it), else one-line or one-member-per-line as the
 * member's position is.
 */
function elementLayout(container: TreeNode, value: unknown, doc: ParsedDocument, multiline: boolean): Layout {
  const kind = Array.isArray(value) ? 'array' : typeof value === 'object' && value !== null ? 'object' : undefined;
  const values = (container.children ?? []).map((child) => (child.type === 'property' ? child.children?.[1] : child));
  const sample = kind ? [...values].reverse().find((v) => v?.type === kind && (v.children?.length ?? 0) > 0) : undefined;
  // No such sibling: the spacing of the nearest object around (`{"a": 1}` vs `{ "a": 1 }`),
  // one-line or one member per line as the new member's position is.
  const layout = sample ? layoutOf(sample, doc) : { ...layoutOf(nearestObject(container), doc), multiline };
  // TOML inline tables cannot span lines.
  return doc.syntax === 'toml' ? { ...layout, multiline: false } : layout;
}

function nearestObject(node: TreeNode | undefined): TreeNode | undefined {
  let object = node;
  while (object && object.type !== 'object') object = object.parent;
  return object;
}

function writeKey(key: string, syntax: Syntax): string {
  if (syntax === 'toml' && /^[A-Za-z0-9_-]+$/.test(key)) return key;
  // A plain YAML key needs no quotes when it cannot be read as anything but a string.
  if (syntax === 'yaml' && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !/^(?:true|false|yes|no|on|off|null|y|n)$/i.test(key)) return key;
  return syntax === 'toml' ? quoteToml(key) : JSON.stringify(key);
}

/** Strings quoted as the neighbours are: TOML and YAML literal `'...'` when they all use it. */
function quoteLike(siblings: readonly TreeNode[], doc: ParsedDocument): (value: string) => string {
  if (doc.syntax === 'json') return JSON.stringify;
  const strings = siblings.map((s) => (s.type === 'property' ? s.children?.[1] : s)).filter((s): s is TreeNode => s?.type === 'string');
  const literal = strings.length > 0 && strings.every((s) => doc.text.charAt(s.offset) === "'");
  return (value) => (literal && !/['\r\n]/.test(value) && (doc.syntax === 'yaml' || !/[\x00-\x08\x0a-\x1f\x7f]/.test(value)) ? `'${value}'` : doc.quote(value));
}

/**
 * `key = value` on a new line of a TOML `[table]`: after its last key (and that key's
 * comment), with that key's indentation and `=` spacing; in a table with no key yet, right
 * under its header. Never after a sub-table's header, where the key would land in the
 * sub-table.
 */
function insertTomlTableKey(table: TreeNode, key: string, value: unknown, doc: ParsedDocument): OffsetEdit[] | undefined {
  const { text } = doc;
  const { eol } = detectIndentation(text);
  const plain = (table.children ?? []).filter((p) => isPlainTomlKey(p, text));
  const last = plain[plain.length - 1];
  const layout = { ...layoutOf(undefined, doc), colon: ' = ' };
  const line = (colon: string, indent: string) =>
    indent + writeKey(key, 'toml') + colon + printValue(value, { ...layout, colon }, indent, quoteLike(plain, doc), (k) => writeKey(k, 'toml'));
  if (last) {
    const keyNode = last.children![0];
    const valueNode = last.children?.[1];
    const colon = valueNode ? text.slice(keyNode.offset + keyNode.length, valueNode.offset) : ' = ';
    const lastEnd = last.offset + last.length;
    const at = lastEnd + sameLineComments(text, lastEnd, text.length, 'toml', false).length;
    return [{ offset: at, length: 0, content: eol + line(/^[ \t]*=[ \t]*$/.test(colon) ? colon : ' = ', lineIndent(text, last.offset)) }];
  }
  const header = /^\[([^\]\r\n]+)\][ \t]*(?:#[^\r\n]*)?/.exec(text.slice(table.offset));
  const name = table.parent?.type === 'property' ? table.parent.children?.[0]?.value : undefined;
  if (!header || typeof name !== 'string' || lastTomlSegment(header[1]) !== name) return undefined;
  return [{ offset: table.offset + header[0].length, length: 0, content: eol + line(' = ', '') }];
}

/**
 * `key: value` as a new last line of a block mapping, at the column of its keys, after the
 * last member and the comment on its last line. The value is written in flow style (`[A]`,
 * `{ H: V }`), which a block mapping accepts on one line.
 */
function insertYamlBlockKey(mapping: TreeNode, key: string, value: unknown, doc: ParsedDocument): OffsetEdit[] | undefined {
  const { text } = doc;
  const members = mapping.children ?? [];
  const first = members[0];
  const last = members[members.length - 1];
  if (!first || !last) return undefined;
  const column = first.offset - lineStartOf(text, first.offset);
  if (!members.every((member) => member.offset - lineStartOf(text, member.offset) === column)) return undefined;
  const { eol } = detectIndentation(text);
  const lastEnd = last.offset + last.length;
  const lineEnd = text.slice(lastEnd).search(/\r?\n|$/) + lastEnd;
  if (hasComment(text, lastEnd, lineEnd, 'yaml') && !/^[ \t]*#[^\r\n]*$/.test(text.slice(lastEnd, lineEnd))) return undefined;
  const layout: Layout = { ...layoutOf(undefined, doc), multiline: false, colon: ': ', padding: ' ', comma: ' ' };
  const line = ' '.repeat(column) + writeKey(key, 'yaml') + ': ' + printValue(value, layout, '', quoteLike(members, doc), (k) => writeKey(k, 'yaml'));
  return [{ offset: lineEnd, length: 0, content: eol + line }];
}

/** A `key = value` line of the table itself (not a sub-table, not a dotted key). */
function isPlainTomlKey(property: TreeNode, text: string): boolean {
  const keyNode = property.children?.[0];
  if (!keyNode || keyNode.offset !== property.offset || text.charAt(property.offset) === '[') return false;
  EQUALS_AFTER_BLANKS.lastIndex = keyNode.offset + keyNode.length;
  return EQUALS_AFTER_BLANKS.test(text);
}

/** `a.b."c.d"` -> `c.d` (the table a `[header]` names). */
function lastTomlSegment(header: string): string | undefined {
  const segments = header.trim().match(/"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+/g);
  const last = segments?.[segments.length - 1];
  if (!last) return undefined;
  if (last.startsWith('"')) return JSON.parse(last) as string;
  return last.startsWith("'") ? last.slice(1, -1) : last;
}

/** Only spaces and tabs before `offset` on its line. */
function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

/** `=` after spaces and tabs, read where a key ends (sticky: no copy of the rest of the file per key). */
const EQUALS_AFTER_BLANKS = /[ \t]*=/y;

/**
 * Where `node` is among `siblings`: a binary search by offset (siblings are in document
 * order), checked, else a scan. A scan per removed node was quadratic when a fix is
 * offered for each element of a long list.
 */
function indexAmong(siblings: readonly TreeNode[], node: TreeNode): number {
  const at = firstIndexWhere(siblings.length, (i) => siblings[i].offset >= node.offset);
  return siblings[at] === node ? at : siblings.indexOf(node);
}

/** Where the line holding `offset` starts. A loop back to the nearest line break: the larger of two `lastIndexOf`s searched a file without `\r` back to its start, once per fix. */
function lineStartOf(text: string, offset: number): number {
  let at = offset - 1;
  while (at >= 0) {
    const code = text.charCodeAt(at);
    if (code === 10 || code === 13) break;
    at--;
  }
  return at + 1;
}

/** The spaces and tabs that start the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStartOf(text, offset), offset))![0];
}

/** Start of the line of `offset`, moved up over the comment lines right above it (they describe that member). */
function commentsAboveStart(text: string, offset: number, syntax: Syntax): number {
  let start = lineStartOf(text, offset);
  while (start > 0) {
    const previousStart = lineStartOf(text, start - (text.slice(start - 2, start) === '\r\n' ? 2 : 1));
    const previous = text.slice(previousStart, start).trim();
    const isComment = syntax === 'json' ? previous.startsWith('//') || (previous.startsWith('/*') && previous.endsWith('*/')) : previous.startsWith('#');
    if (!isComment) break;
    start = previousStart;
  }
  return start;
}
