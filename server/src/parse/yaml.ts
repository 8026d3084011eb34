import { isAlias, isMap, isPair, isScalar, isSeq, Parser, parseDocument, type Node as YamlNode } from 'yaml';
import { LineIndex } from '../core/lineIndex';
import type { OffsetRange } from '../core/types';
import type { ParsedDocument, ParseProblem, TreeNode } from '../core/tree';

/**
 * YAML (Continue, Goose) onto the common tree, with the `yaml` package (eemeli/yaml): it
 * keeps a source range on every node, tolerates errors (the document still holds what could
 * be read, plus `errors`) and handles BOM and CRLF. Offsets are those of the original text.
 *
 * Mapping: mappings -> object, sequences -> array, scalars -> string/number/boolean/null by
 * their YAML 1.2 core-schema value. A scalar's range covers the literal as written (quotes
 * included; a block scalar's `|`/`>` header included, its trailing line breaks not). A
 * property spans key to value end; `colonOffset` is the `:` after the key. Aliases become
 * null nodes at the alias (`*name`): no MCP config needs them and following them would make
 * ranges point elsewhere.
 */
export function parseYaml(text: string): ParsedDocument {
  let root: TreeNode | undefined;
  const problems: ParseProblem[] = [];
  try {
    const document = parseDocument(text, { keepSourceTokens: false, prettyErrors: false, uniqueKeys: true, strict: true });
    for (const error of [...document.errors, ...document.warnings]) {
      let [start, end] = error.pos;
      if (start >= text.length) {
        // At end of input (an unclosed `[`...): point at the last character written.
        start = text.length;
        while (start > 0 && /\s/.test(text.charAt(start - 1))) start--;
        start = Math.max(0, start - 1);
        end = Math.min(text.length, start + 1);
      }
      start = Math.min(Math.max(0, start), text.length);
      end = Math.min(Math.max(end, start), text.length);
      problems.push({ offset: start, length: end - start, message: firstLine(error.message) });
    }
    const contents = document.contents as YamlNode | null;
    const built = contents ? convert(contents, text, undefined) : undefined;
    root = built && (built.type === 'object' || built.type === 'array') ? built : undefined;
  } catch (error) {
    problems.push({ offset: 0, length: 0, message: 'The YAML parser failed: ' + String((error as Error)?.message ?? error) });
  }
  let comments: OffsetRange[] | undefined;
  let lines: LineIndex | undefined;
  return {
    text,
    syntax: 'yaml',
    root,
    problems,
    get lines() {
      return (lines ??= new LineIndex(text));
    },
    comments: () => (comments ??= scanComments(text)),
    // A JSON string is a valid YAML double-quoted scalar (same escapes).
    quote: (value) => JSON.stringify(value),
  };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0].trim();
  return /[.!?]$/.test(line) ? line : line + '.';
}

function convert(node: YamlNode, text: string, parent: TreeNode | undefined): TreeNode | undefined {
  const range = node.range;
  if (!range) return undefined;
  // Block collections end after their last line break; keep ranges on the written text.
  let collectionEnd = range[1];
  while (collectionEnd > range[0] && /\s/.test(text.charAt(collectionEnd - 1))) collectionEnd--;
  if (isMap(node)) {
    const result: TreeNode = { type: 'object', offset: range[0], length: collectionEnd - range[0], parent, children: [] };
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      if (!keyNode || !isScalar(keyNode) || !keyNode.range) continue;
      const keyStart = keyNode.range[0];
      const keyEnd = keyNode.range[1];
      const property: TreeNode = { type: 'property', offset: keyStart, length: keyEnd - keyStart, parent: result, children: [] };
      const key: TreeNode = { type: 'string', value: String(keyNode.value), offset: keyStart, length: keyEnd - keyStart, parent: property };
      property.children!.push(key);
      const colon = findColon(text, keyEnd);
      if (colon >= 0) property.colonOffset = colon;
      const valueNode = pair.value as YamlNode | null;
      const value = valueNode ? convert(valueNode, text, property) : undefined;
      if (value) {
        property.children!.push(value);
        property.length = Math.max(property.length, value.offset + value.length - keyStart);
      } else if (colon >= 0) {
        // `key:` with nothing after it is an explicit null; give it a zero-width node after the colon.
        property.children!.push({ type: 'null', value: null, offset: colon + 1, length: 0, parent: property });
      }
      result.children!.push(property);
    }
    return result;
  }
  if (isSeq(node)) {
    const result: TreeNode = { type: 'array', offset: range[0], length: collectionEnd - range[0], parent, children: [] };
    for (const item of node.items) {
      const child = item ? convert(item as YamlNode, text, result) : undefined;
      if (child) result.children!.push(child);
    }
    return result;
  }
  if (isScalar(node)) {
    let end = range[1];
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      while (end > range[0] && /\s/.test(text.charAt(end - 1))) end--;
    }
    const value = node.value;
    const base = { offset: range[0], length: end - range[0], parent };
    if (value === null || value === undefined) return { type: 'null', value: null, ...base };
    if (typeof value === 'boolean') return { type: 'boolean', value, ...base };
    if (typeof value === 'number') return { type: 'number', value, ...base };
    if (typeof value === 'bigint') return { type: 'number', value: Number(value), ...base };
    if (typeof value === 'string') return { type: 'string', value, ...base };
    return { type: 'string', value: String(value), ...base };
  }
  if (isAlias(node)) return { type: 'null', value: null, offset: range[0], length: range[1] - range[0], parent };
  return undefined;
}

/** The `:` after a key, skipping spaces and a closing quote; -1 when not found on that line. */
function findColon(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === ':') return i;
    if (c === '\n') return -1;
    if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '"' && c !== "'" && c !== '?') return -1;
  }
  return -1;
}

/** `#` comments, found by the YAML CST (so a `#` inside a string is not one). */
function scanComments(text: string): OffsetRange[] {
  const found: OffsetRange[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const token = value as { type?: string; offset?: number; source?: string };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      found.push({ offset: token.offset, length: token.source.length });
      return;
    }
    for (const child of Object.values(value)) visit(child);
  };
  try {
    for (const token of new Parser().parse(text)) visit(token);
  } catch {
    // Comments are a nicety: a CST failure only means none are reported.
  }
  return found.sort((a, b) => a.offset - b.offset);
}
