import type { OffsetEdit } from '../engine/types';
import type { ParsedDocument, Syntax, TreeNode } from '../parse/tree';
import type { StringValue } from '../engine/model';

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
  const indexes = nodes.map((n) => siblings.indexOf(n)).sort((a, b) => a - b);
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
    const kept = separator >= 0 ? firstOwnLineComment(text, separator + 1, next, syntax) : lineSeparated ? firstOwnLineComment(text, lastEnd, next, syntax) : -1;
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
    const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
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
  for (let i = from; i < to; ) {
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

/** True when `node` is an element of `array` (so it can be removed on its own). */
export function isElementOf(node: TreeNode, array: TreeNode | undefined): boolean {
  return !!array && node.parent === array && array.type === 'array';
}

/** One edit that turns `before` into `after` (common prefix and suffix left alone). */
export function minimalEdit(before: string, after: string): OffsetEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { offset: start, length: before.length - end - start, content: after.slice(start, after.length - end) };
}
