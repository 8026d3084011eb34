import type { OffsetEdit } from '../engine/types';
import type { ParsedDocument, TreeNode } from '../parse/tree';
import type { StringValue } from '../engine/model';

/**
 * Syntax-agnostic removal edits on the common tree: they cut between sibling nodes, so
 * the separators (`,` in JSON/TOML/flow YAML, `- ` in block YAML), the indentation of the
 * remaining items and every comment outside the removed span survive.
 */

/**
 * Removes a run of adjacent children of one array or object (e.g. `"--privileged"`, or the
 * pair `"-v", "/:/host"`). Undefined when the nodes are not adjacent siblings.
 */
export function removeSiblings(nodes: readonly TreeNode[]): OffsetEdit | undefined {
  if (nodes.length === 0) return undefined;
  const parent = nodes[0].parent;
  const siblings = parent?.children;
  if (!parent || !siblings) return undefined;
  const indexes = nodes.map((n) => siblings.indexOf(n)).sort((a, b) => a - b);
  if (indexes[0] < 0) return undefined;
  for (let k = 1; k < indexes.length; k++) if (indexes[k] !== indexes[k - 1] + 1) return undefined;
  const first = indexes[0];
  const last = indexes[indexes.length - 1];
  const end = (n: TreeNode) => n.offset + n.length;
  if (last + 1 < siblings.length) {
    // Cut from the first removed node up to the next kept one.
    return { offset: siblings[first].offset, length: siblings[last + 1].offset - siblings[first].offset, content: '' };
  }
  if (first > 0) {
    // Removing the tail: cut from the end of the previous kept node.
    const from = end(siblings[first - 1]);
    return { offset: from, length: end(siblings[last]) - from, content: '' };
  }
  // Every child goes: cut them all, leaving `[]` / `{}` (block YAML keeps its key).
  return { offset: siblings[first].offset, length: end(siblings[last]) - siblings[first].offset, content: '' };
}

/** Removes a whole `key: value` property (its node is the property node). */
export function removeProperty(property: TreeNode): OffsetEdit | undefined {
  return removeSiblings([property]);
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
