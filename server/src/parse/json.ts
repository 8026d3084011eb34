import { createScanner, parseTree, printParseErrorCode, SyntaxKind, type ParseError } from 'jsonc-parser';
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
  const errors: ParseError[] = [];
  const root = parseTree(parseable, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true }) as TreeNode | undefined;
  const problems: ParseProblem[] = errors.map((e) => ({ message: describeError(printParseErrorCode(e.error)), offset: e.offset, length: e.length }));
  let comments: OffsetRange[] | undefined;
  let lines: LineIndex | undefined;
  return {
    text,
    syntax: 'json',
    root: root && (root.type === 'object' || root.type === 'array') ? root : undefined,
    problems,
    get lines() {
      return (lines ??= new LineIndex(text));
    },
    comments: () => (comments ??= scanComments(parseable)),
    quote: (value) => JSON.stringify(value),
  };
}

function scanComments(text: string): OffsetRange[] {
  const scanner = createScanner(text, false);
  const found: OffsetRange[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      found.push({ offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
    }
  }
  return found;
}

function describeError(code: string): string {
  // jsonc-parser's codes are identifiers like "CommaExpected"; make them read as sentences.
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1) + '.';
}
