import { printParseErrorCode, visit, type JSONVisitor, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../core/lineIndex';
import type { OffsetRange } from '../core/types';
import type { ParsedDocument, ParseProblem, TreeNode } from '../core/tree';

/**
 * JSON and JSONC in one parser: comments and trailing commas are always accepted so a
 * half-typed or commented file still yields a tree; whether the client accepts them is a
 * dialect question, answered by schema rules.
 */
export function parseJson(text: string): ParsedDocument {
  // A BOM is not JSON; blank it out (same length, so offsets stay true) rather than fail.
  const parseable = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const { root, errors, comments } = parseWithComments(parseable);
  const problems: ParseProblem[] = errors.map((e) => ({ message: describeError(printParseErrorCode(e.error)), offset: e.offset, length: e.length }));
  let lines: LineIndex | undefined;
  return {
    text,
    syntax: 'json',
    root: root && (root.type === 'object' || root.type === 'array') ? root : undefined,
    problems,
    get lines() {
      return (lines ??= new LineIndex(text));
    },
    comments: () => comments,
    quote: (value) => JSON.stringify(value),
  };
}

/**
 * jsonc-parser's `parseTree` (lib/esm/impl/parser.js, 3.3.1), which also keeps the comments
 * its scanner meets: secret-in-comment, suppressions and the strict-JSON rule read them for
 * nearly every file, and a second scan of the text for them was ~5 % of a lint.
 */
function parseWithComments(text: string): { root: TreeNode | undefined; errors: ParseError[]; comments: OffsetRange[] } {
  const errors: ParseError[] = [];
  const comments: OffsetRange[] = [];
  // An artificial root holds the top-level value.
  let parent: TreeNode = { type: 'array', offset: -1, length: -1, children: [], parent: undefined };
  const completeProperty = (endOffset: number) => {
    if (parent.type === 'property') {
      parent.length = endOffset - parent.offset;
      parent = parent.parent!;
    }
  };
  const add = (node: TreeNode): TreeNode => {
    parent.children!.push(node);
    return node;
  };
  const visitor: JSONVisitor = {
    onObjectBegin: (offset) => {
      parent = add({ type: 'object', offset, length: -1, parent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      parent = add({ type: 'property', offset, length: -1, parent, children: [] });
      parent.children!.push({ type: 'string', value: name, offset, length, parent });
    },
    onObjectEnd: (offset, length) => {
      // A property without a value ends with its object.
      completeProperty(offset + length);
      parent.length = offset + length - parent.offset;
      parent = parent.parent!;
      completeProperty(offset + length);
    },
    onArrayBegin: (offset) => {
      parent = add({ type: 'array', offset, length: -1, parent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      parent.length = offset + length - parent.offset;
      parent = parent.parent!;
      completeProperty(offset + length);
    },
    onLiteralValue: (value: unknown, offset, length) => {
      add({ type: literalType(value), offset, length, parent, value });
      completeProperty(offset + length);
    },
    onSeparator: (separator, offset) => {
      if (parent.type !== 'property') return;
      if (separator === ':') parent.colonOffset = offset;
      else if (separator === ',') completeProperty(offset);
    },
    onComment: (offset, length) => {
      comments.push({ offset, length });
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    },
  };
  visit(text, visitor, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const root = parent.children![0];
  if (root) delete root.parent;
  return { root, errors, comments };
}

function literalType(value: unknown): TreeNode['type'] {
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    default:
      return 'null';
  }
}

function describeError(code: string): string {
  // jsonc-parser's codes are identifiers like "CommaExpected"; make them read as sentences.
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1) + '.';
}
