import type { ParsedDocument, ParseProblem, Syntax } from '../core/tree';
import { LineIndex } from '../core/lineIndex';
import { MAX_NESTING_DEPTH, nestingLimitOffset } from './nesting';
import { parseJson } from './json';

export type { ParsedDocument, Syntax, TreeNode } from '../core/tree';

/**
 * One parser per syntax. TOML and YAML parsers build the same tree shape as JSON
 * (see tree.ts), so everything after parsing is syntax-agnostic. They are loaded on first
 * use: only Codex (TOML), Continue and Goose (YAML) files need them, and their packages
 * cost start-up time and memory in every server and CLI process.
 */
const PARSERS: Record<Syntax, ((text: string) => ParsedDocument) | undefined> = {
  json: parseJson,
  toml: (text) => (require('./toml') as typeof import('./toml')).parseToml(text),
  yaml: (text) => (require('./yaml') as typeof import('./yaml')).parseYaml(text),
};

/**
 * Parses with the syntax's parser. Never throws: text nested deeper than any config (which
 * would overflow the recursive parsers' stack, or in YAML's case kill the process) and a
 * parser that throws both give a document with no tree and one problem.
 */
export function parseDocument(text: string, syntax: Syntax): ParsedDocument | undefined {
  const parser = PARSERS[syntax];
  if (!parser) return undefined;
  const tooDeep = nestingLimitOffset(text, syntax);
  if (tooDeep >= 0)
    return unreadable(text, syntax, { offset: tooDeep, length: 1, message: `Nested deeper than ${MAX_NESTING_DEPTH} levels: the file is not read.` });
  try {
    return parser(text);
  } catch (error) {
    return unreadable(text, syntax, {
      offset: 0,
      length: 0,
      message: `The ${syntax.toUpperCase()} parser failed: ${String((error as Error)?.message ?? error).split('\n')[0]}`,
    });
  }
}

function unreadable(text: string, syntax: Syntax, problem: ParseProblem): ParsedDocument {
  let lines: LineIndex | undefined;
  return {
    text,
    syntax,
    root: undefined,
    problems: [problem],
    get lines() {
      return (lines ??= new LineIndex(text));
    },
    comments: () => [],
    quote: (value) => JSON.stringify(value),
  };
}

/** Guess for files no dialect claims, by extension. */
export function syntaxForPath(filePath: string): Syntax {
  const lower = filePath.toLowerCase();
  if (lower.endsWith('.toml')) return 'toml';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return 'json';
}
