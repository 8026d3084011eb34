import type { ConfigKnobs } from '../core/model';
import { stringList } from '../core/model';
import type { TreeNode } from '../core/tree';
import { getValue, getValueAtPath } from '../core/tree';

/** Which trust-related settings a client file may hold, by dotted key. */
export interface KnobSpec {
  booleans?: readonly string[];
  lists?: readonly string[];
  strings?: readonly string[];
}

/**
 * Reads the knobs a file sets. A dotted key is looked up as written first (VS Code settings
 * are flat: `"chat.tools.autoApprove": true`), then as a path of nested objects
 * (`permissions.allow`). Undefined when the file sets none of them.
 */
export function readKnobs(root: TreeNode | undefined, spec: KnobSpec): ConfigKnobs | undefined {
  const knobs: ConfigKnobs = { booleans: [], lists: [], strings: [] };
  const find = (key: string) => getValue(root, key) ?? (key.includes('.') ? getValueAtPath(root, key.split('.')) : undefined);
  for (const key of spec.booleans ?? []) {
    const node = find(key);
    if (node?.type === 'boolean') knobs.booleans.push({ key, node, value: node.value as boolean });
  }
  for (const key of spec.lists ?? []) {
    const node = find(key);
    if (node?.type === 'array') knobs.lists.push({ key, node, values: stringList(node) });
  }
  for (const key of spec.strings ?? []) {
    const node = find(key);
    if (node?.type === 'string') knobs.strings.push({ key, node, value: node.value as string });
  }
  return knobs.booleans.length || knobs.lists.length || knobs.strings.length ? knobs : undefined;
}
