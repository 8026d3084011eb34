import type { OffsetRange } from './types';
import type { LineIndex } from './lineIndex';
import { memoizeByObject } from './memo';

/**
 * One tree shape for every config syntax. It is structurally jsonc-parser's `Node`, so JSON
 * trees come straight from jsonc-parser and the TOML and YAML parsers build the same shape:
 * rules and dialects never care which syntax a file was written in.
 *
 * A `property` node has children [keyNode, valueNode?]; `offset`/`length` always cover the
 * node's source text (for strings: including the quotes).
 */
export interface TreeNode {
  type: 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';
  value?: any;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: TreeNode;
  children?: TreeNode[];
}

/** The syntax family: decides the parser, the comment syntax and how strings are written. */
export type Syntax = 'json' | 'toml' | 'yaml';

export interface ParseProblem extends OffsetRange {
  message: string;
}

export interface ParsedDocument {
  readonly text: string;
  readonly syntax: Syntax;
  /** Undefined when nothing readable was found (empty file, binary, markdown...). */
  readonly root: TreeNode | undefined;
  /** Syntax errors; the tree still holds whatever could be read around them. */
  readonly problems: readonly ParseProblem[];
  readonly lines: LineIndex;
  /** Comment ranges (suppressions, secrets in comments, "comments not allowed"). */
  comments(): readonly OffsetRange[];
  /** Writes `value` as a string literal of this syntax (used by fixes). */
  quote(value: string): string;
}

/** Child of an object node by key; the first one wins, as in most clients' JSON parsers. */
export function getProperty(node: TreeNode | undefined, key: string): TreeNode | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  for (const property of node.children) {
    const keyNode = property.children?.[0];
    if (keyNode && keyNode.value === key) return property;
  }
  return undefined;
}

/** Value node of `node[key]`. */
export function getValue(node: TreeNode | undefined, key: string): TreeNode | undefined {
  return getProperty(node, key)?.children?.[1];
}

/** Follows a path of keys through nested objects. */
export function getValueAtPath(node: TreeNode | undefined, path: readonly string[]): TreeNode | undefined {
  let current = node;
  for (const key of path) {
    current = getValue(current, key);
    if (!current) return undefined;
  }
  return current;
}

export interface Entry {
  key: string;
  keyNode: TreeNode;
  valueNode: TreeNode;
  property: TreeNode;
}

const NO_ENTRIES: readonly Entry[] = Object.freeze([]);
/**
 * The [key, value] pairs of an object node, skipping properties whose value is missing.
 * Computed once per node (dozens of rules list the same server entries); shared, so read-only.
 */
export function entries(node: TreeNode | undefined): readonly Entry[] {
  if (!node || node.type !== 'object' || !node.children) return NO_ENTRIES;
  return entriesOfObject(node);
}

const entriesOfObject = memoizeByObject(function entriesOfObject(node: TreeNode): readonly Entry[] {
  const list: Entry[] = [];
  for (const property of node.children!) {
    const keyNode = property.children?.[0];
    const valueNode = property.children?.[1];
    if (keyNode && valueNode && typeof keyNode.value === 'string') list.push({ key: keyNode.value, keyNode, valueNode, property });
  }
  return list;
});
