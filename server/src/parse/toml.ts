import { parseTOML, ParseError, type AST } from 'toml-eslint-parser';
import { LineIndex } from '../core/lineIndex';
import { quoteToml } from './tomlQuote';
import type { OffsetRange } from '../core/types';
import type { ParsedDocument, ParseProblem, TreeNode } from '../core/tree';

/**
 * TOML (Codex `config.toml`) onto the common tree, with toml-eslint-parser: the only
 * maintained TOML parser for JS that keeps a source range on every key, value and table
 * (smol-toml and @iarna/toml return plain values). It implements TOML 1.0 strictly,
 * including duplicate-key and table-redefinition errors.
 *
 * Mapping: tables, dotted keys and inline tables all become nested `object` nodes, so
 * `[mcp_servers.docs]` + `env.A = "1"` reads exactly like JSON `{"mcp_servers": {"docs":
 * {"env": {"A": "1"}}}}`. Every key node is the real key segment in the source (`docs`
 * inside `[mcp_servers.docs]`); an object that several headers or dotted keys contribute to
 * spans from its first to its last contribution. `[[x]]` appends objects to an array `x`.
 * `colonOffset` is the `=` of a key/value pair. Dates become strings of their text.
 *
 * Error tolerance: the parser stops at the first error, so on an error the offending line is
 * blanked (same length, offsets stay true) and the text parsed again, up to a limit. The tree
 * then holds everything readable and `problems` one entry per error.
 */
export function parseToml(text: string): ParsedDocument {
  const problems: ParseProblem[] = [];
  let source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  let program: AST.TOMLProgram | undefined;
  for (let attempt = 0; attempt < MAX_RECOVERIES && !program; attempt++) {
    try {
      program = parseTOML(source);
    } catch (error) {
      if (!(error instanceof ParseError) && typeof (error as ParseError)?.index !== 'number') {
        problems.push({ offset: 0, length: 0, message: 'The TOML parser failed: ' + String((error as Error)?.message ?? error) });
        break;
      }
      const index = Math.min(Math.max(0, (error as ParseError).index), source.length);
      let [lineStart, lineEnd] = lineBounds(source, index);
      const dangling = danglingEquals(source, lineStart, index);
      if (dangling !== undefined) {
        // `key =` with the value missing: the parser only notices on the next line. Report
        // and blank the line with the `=`, not the innocent line after it.
        problems.push({ offset: dangling, length: 1, message: 'A value is missing after "=" (TOML needs the key, "=" and the value on one line).' });
        [lineStart, lineEnd] = lineBounds(source, dangling);
        const before = source;
        source = blankLine(source, lineStart, lineEnd);
        if (source === before) break;
        continue;
      }
      let end = lineEnd;
      while (end > index && /\s/.test(source.charAt(end - 1))) end--;
      let offset = index;
      if (end === index) {
        // Nothing left on the line (e.g. `key =` then a line break): point at the last character before it.
        while (offset > 0 && /\s/.test(source.charAt(offset - 1))) offset--;
        offset = Math.max(0, offset - 1);
        end = Math.min(source.length, offset + 1);
      }
      problems.push({ offset, length: end - offset, message: sentence((error as Error).message) });
      const before = source;
      source = blankLine(source, lineStart, lineEnd);
      if (source === before) break;
    }
  }
  // Keep every problem inside the text, whatever the parser reported (lone CR line ends...).
  for (const problem of problems) {
    problem.offset = Math.min(Math.max(0, problem.offset), text.length);
    problem.length = Math.min(Math.max(0, problem.length), text.length - problem.offset);
  }
  const root = program ? buildTree(program, text) : undefined;
  const commentRanges: OffsetRange[] = program ? program.comments.map((c) => ({ offset: c.range[0], length: c.range[1] - c.range[0] })) : [];
  let lines: LineIndex | undefined;
  return {
    text,
    syntax: 'toml',
    root,
    problems,
    get lines() {
      return (lines ??= new LineIndex(text));
    },
    comments: () => commentRanges,
    quote: quoteToml,
  };
}

const MAX_RECOVERIES = 25;

function sentence(message: string): string {
  const line = message.split('\n')[0].trim();
  return /[.!?]$/.test(line) ? line : line + '.';
}

/**
 * The `=` ending the last non-blank line before `index`, when the error sits at the first
 * character of its own line (so the value of that `key =` is missing).
 */
function danglingEquals(text: string, lineStart: number, index: number): number | undefined {
  if (text.slice(lineStart, index).trim() !== '') return undefined;
  let end = lineStart;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  if (end > 0 && text.charAt(end - 1) === '=') return end - 1;
  return undefined;
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/**
 * Blanks the line [start, end) so the next parse gets past the error. When the error sits on
 * a blank line (a value missing at the end of the file, say), the culprit is the last
 * non-blank line before it.
 */
function blankLine(text: string, start: number, end: number): string {
  while (isBlank(text.slice(start, end)) && start > 0) {
    end = start - 1;
    if (end > 0 && text.charAt(end - 1) === '\r') end--;
    start = end;
    while (start > 0 && text.charAt(start - 1) !== '\n') start--;
  }
  if (isBlank(text.slice(start, end))) return text;
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

function lineBounds(text: string, index: number): [number, number] {
  let start = index;
  while (start > 0 && text.charAt(start - 1) !== '\n') start--;
  let end = index;
  while (end < text.length && text.charAt(end) !== '\n') end++;
  if (end > start && text.charAt(end - 1) === '\r') end--;
  return [start, end];
}

function buildTree(program: AST.TOMLProgram, text: string): TreeNode {
  const root: TreeNode = { type: 'object', offset: 0, length: text.length, children: [] };
  const top = program.body[0];
  if (!top) return root;
  for (const item of top.body) {
    if (item.type === 'TOMLKeyValue') {
      addKeyValue(root, item, text);
      continue;
    }
    // A table header: walk/create the objects named by its key, then fill the last one.
    const segments = item.key.keys;
    let target = root;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i];
      const last = i === segments.length - 1;
      let property = findProperty(target, keyName(segment));
      if (last && item.kind === 'array') {
        if (!property) property = addProperty(target, segment, { type: 'array', offset: item.range[0], length: 0, children: [] });
        let array = property.children![1];
        if (!array || array.type !== 'array') continue;
        const element: TreeNode = { type: 'object', offset: item.range[0], length: item.range[1] - item.range[0], parent: array, children: [] };
        array.children!.push(element);
        extend(array, item.range[0], item.range[1]);
        extendAncestors(array, item.range[0], item.range[1]);
        target = element;
        break;
      }
      if (!property) property = addProperty(target, segment, { type: 'object', offset: item.range[0], length: item.range[1] - item.range[0], children: [] });
      let value = property.children![1];
      // `[a]` after `[[a]]`-style arrays: the header refers to the array's last element.
      if (value && value.type === 'array' && value.children?.length) value = value.children[value.children.length - 1];
      if (!value || value.type !== 'object') {
        target = { type: 'object', offset: item.range[0], length: 0, children: [] }; // unreachable in valid TOML; keep going detached
        break;
      }
      extend(value, item.range[0], item.range[1]);
      extend(property, item.range[0], item.range[1]);
      target = value;
    }
    for (const keyValue of item.body) addKeyValue(target, keyValue, text);
  }
  return root;
}

/** `a.b.c = value` inside `target`: nested objects for the dotted part, then the value. */
function addKeyValue(target: TreeNode, keyValue: AST.TOMLKeyValue, text: string): void {
  const segments = keyValue.key.keys;
  let current = target;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i];
    let property = findProperty(current, keyName(segment));
    if (!property)
      property = addProperty(current, segment, { type: 'object', offset: keyValue.range[0], length: keyValue.range[1] - keyValue.range[0], children: [] });
    const value = property.children![1];
    if (!value || value.type !== 'object') return;
    extend(value, keyValue.range[0], keyValue.range[1]);
    extend(property, keyValue.range[0], keyValue.range[1]);
    current = value;
  }
  const lastSegment = segments[segments.length - 1];
  const value = convertValue(keyValue.value, text);
  const property = addProperty(current, lastSegment, value);
  property.offset = keyValue.range[0];
  property.length = keyValue.range[1] - keyValue.range[0];
  const equals = text.indexOf('=', keyValue.key.range[1]);
  if (equals >= 0 && equals < keyValue.value.range[0]) property.colonOffset = equals;
}

function convertValue(node: AST.TOMLContentNode, text: string): TreeNode {
  const offset = node.range[0];
  const length = node.range[1] - node.range[0];
  if (node.type === 'TOMLArray') {
    const array: TreeNode = { type: 'array', offset, length, children: [] };
    for (const element of node.elements) {
      const child = convertValue(element, text);
      child.parent = array;
      array.children!.push(child);
    }
    return array;
  }
  if (node.type === 'TOMLInlineTable') {
    const object: TreeNode = { type: 'object', offset, length, children: [] };
    for (const keyValue of node.body) addKeyValue(object, keyValue, text);
    return object;
  }
  switch (node.kind) {
    case 'string':
      return { type: 'string', value: node.value, offset, length };
    case 'integer':
    case 'float':
      return { type: 'number', value: node.value, offset, length };
    case 'boolean':
      return { type: 'boolean', value: node.value, offset, length };
    default:
      return { type: 'string', value: text.slice(offset, offset + length), offset, length };
  }
}

function keyName(segment: AST.TOMLBare | AST.TOMLQuoted): string {
  return segment.type === 'TOMLBare' ? segment.name : segment.value;
}

/**
 * Each object's first property of each name, kept as properties are added: scanning an
 * object's properties for every table header was quadratic in the number of tables
 * (16 000 `[mcp_servers.*]` tables: 13 s). Held weakly: it goes with the tree.
 */
const firstPropertyByName = new WeakMap<TreeNode, Map<string, TreeNode>>();

function findProperty(object: TreeNode, name: string): TreeNode | undefined {
  return firstPropertyByName.get(object)?.get(name);
}

function addProperty(object: TreeNode, segment: AST.TOMLBare | AST.TOMLQuoted, value: TreeNode): TreeNode {
  const start = segment.range[0];
  const property: TreeNode = {
    type: 'property',
    offset: start,
    length: Math.max(segment.range[1], value.offset + value.length) - start,
    parent: object,
    children: [],
  };
  const key: TreeNode = { type: 'string', value: keyName(segment), offset: start, length: segment.range[1] - start, parent: property };
  value.parent = property;
  property.children!.push(key, value);
  object.children!.push(property);
  let byName = firstPropertyByName.get(object);
  if (!byName) firstPropertyByName.set(object, (byName = new Map()));
  if (!byName.has(key.value as string)) byName.set(key.value as string, property);
  return property;
}

/** Grows a node's range to include [start, end). */
function extend(node: TreeNode, start: number, end: number): void {
  const nodeEnd = Math.max(node.offset + node.length, end);
  node.offset = Math.min(node.offset, start);
  node.length = nodeEnd - node.offset;
}

function extendAncestors(node: TreeNode, start: number, end: number): void {
  for (let parent = node.parent; parent && parent.parent; parent = parent.parent) extend(parent, start, end);
}
