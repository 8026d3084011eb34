import type { ServerEntry } from '../core/model';
import type { ParsedDocument, TreeNode } from '../core/tree';
import { entries, getValue } from '../core/tree';
import type { Dialect } from '../core/dialect';
import type { DialectSchema } from './schema';
import { transportOf } from './mcpServersMap';
import { memoizeByObject } from '../core/memo';

/**
 * Helpers shared by the schema-* rules (rules/ holds rule files only). Everything here reads
 * the dialect's `schema` and the raw entry nodes, so a new client needs no rule changes.
 */

/** The client's name as users know it, for messages. */
export function clientName(dialect: Dialect): string {
  return dialect.displayName;
}

/** Plain JS value of a tree node (what the client's JSON/TOML/YAML loader would produce). */
export function toValue(node: TreeNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case 'object': {
      // No prototype: a key named `__proto__` or `toString` is a key like any other here.
      const result: Record<string, unknown> = Object.create(null);
      for (const { key, valueNode } of entries(node)) if (!Object.hasOwn(result, key)) result[key] = toValue(valueNode);
      return result;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    case 'property':
      return toValue(node.children?.[1]);
    default:
      return node.value;
  }
}

/** The node at a zod issue path below `node` (object keys and array indexes). */
export function nodeAtPath(node: TreeNode, path: readonly PropertyKey[]): TreeNode {
  let current = node;
  for (const step of path) {
    let next: TreeNode | undefined;
    if (typeof step === 'number' && current.type === 'array') next = current.children?.[step];
    else if (typeof step === 'string' && current.type === 'object') next = getValue(current, step);
    if (!next) break;
    current = next;
  }
  return current;
}

/** "a string", "a number" ... for a node, in messages. */
export function describeNode(node: TreeNode): string {
  switch (node.type) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'null':
      return 'null (no value)';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    default:
      return 'a ' + node.type;
  }
}

/** The server entries a schema applies to, with their raw nodes. */
export function schemaEntries(servers: readonly ServerEntry[]): ServerEntry[] {
  return servers.filter((s) => s.node.type === 'object');
}

/** First present key of `keys` in the entry, with its property node. */
export function presentKey(entry: TreeNode, keys: readonly string[]): { key: string; property: TreeNode; value: TreeNode } | undefined {
  for (const e of entries(entry)) if (keys.includes(e.key)) return { key: e.key, property: e.property, value: e.valueNode };
  return undefined;
}

/** The transport the entry declares (its type key's value), normalised; undefined when not declared. */
export function declaredTransport(
  schema: DialectSchema,
  entry: TreeNode,
): { raw: string; node: TreeNode; transport: ReturnType<typeof transportOf> } | undefined {
  if (!schema.typeKey) return undefined;
  const node = getValue(entry, schema.typeKey);
  if (!node || node.type !== 'string') return undefined;
  return { raw: node.value as string, node, transport: transportOf(node.value as string, false, false) };
}

/** A key written the way the file writes keys: bare when the original was bare and the new one can be. */
export function keyText(doc: ParsedDocument, keyNode: TreeNode, newKey: string): string {
  const raw = doc.text.slice(keyNode.offset, keyNode.offset + keyNode.length);
  const quoted = raw.startsWith('"') || raw.startsWith("'");
  if (!quoted && doc.syntax !== 'json' && /^[A-Za-z0-9_-]+$/.test(newKey)) return newKey;
  return doc.quote(newKey);
}

/** Shell programs that expand `$VAR` themselves, so references in their arguments are fine. */
export function isShell(command: string | undefined): boolean {
  if (!command) return false;
  const base = command
    .replace(/\\/g, '/')
    .split('/')
    .pop()!
    .toLowerCase()
    .replace(/\.exe$/, '');
  return ['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'cmd', 'powershell', 'pwsh'].includes(base);
}

/**
 * Every string leaf below `node` (keys themselves excluded) with the first key of the path
 * leading to it. Computed once per node: two schema rules walk every server entry's strings.
 */
export const stringLeaves = memoizeByObject(function stringLeaves(node: TreeNode): ReadonlyArray<{ node: TreeNode; top: string | undefined }> {
  const found: Array<{ node: TreeNode; top: string | undefined }> = [];
  const walk = (current: TreeNode, top: string | undefined): void => {
    if (current.type === 'string') found.push({ node: current, top });
    else if (current.type === 'object') {
      for (const e of entries(current)) walk(e.valueNode, top ?? e.key);
    } else if (current.type === 'array') {
      const children = current.children ?? [];
      for (let index = 0; index < children.length; index++) walk(children[index], top ?? String(index));
    }
  };
  walk(node, undefined);
  return found;
});

/**
 * Where a string node's value starts in the source when the source holds it verbatim (no
 * escapes): `quoted` when it sits between quotes. Undefined otherwise. Computed once per node:
 * comparing the source per reference made values full of references quadratic.
 */
export function verbatimValue(doc: ParsedDocument, node: TreeNode): { offset: number; quoted: boolean } | undefined {
  const value = node.value;
  if (typeof value !== 'string') return undefined;
  if (node.length === value.length && doc.text.startsWith(value, node.offset)) return { offset: node.offset, quoted: false };
  if (node.length === value.length + 2 && doc.text.startsWith(value, node.offset + 1)) return { offset: node.offset + 1, quoted: true };
  return undefined;
}

/**
 * Offset + length of characters [start, end) of a string node's value when the source holds
 * the value verbatim (see verbatimValue); otherwise the whole node.
 */
export function subRange(node: TreeNode, verbatim: ReturnType<typeof verbatimValue>, start: number, end: number): { offset: number; length: number } {
  if (verbatim && start >= 0 && end >= start) return { offset: verbatim.offset + start, length: end - start };
  return { offset: node.offset, length: node.length };
}

/**
 * A value from the file, safe to put in a message: short identifier-like text as is,
 * anything that could be a secret cut to its first 4 characters (messages never carry a
 * secret; see docs/threat-model.md).
 */
export function shown(value: string): string {
  if (/^[A-Za-z0-9_.:\/-]{0,32}$/.test(value) && !/[A-Za-z0-9]{20,}/.test(value)) return value;
  return value.slice(0, 4) + '…';
}
