import type { ParsedDocument, Syntax } from './tree';
import { parseJson } from './json';
import { parseToml } from './toml';
import { parseYaml } from './yaml';

export type { ParsedDocument, Syntax, TreeNode } from './tree';

/**
 * One parser per syntax. TOML and YAML parsers build the same tree shape as JSON
 * (see tree.ts), so everything after parsing is syntax-agnostic.
 */
const PARSERS: Record<Syntax, ((text: string) => ParsedDocument) | undefined> = {
  json: parseJson,
  toml: parseToml,
  yaml: parseYaml,
};

export function parseDocument(text: string, syntax: Syntax): ParsedDocument | undefined {
  const parser = PARSERS[syntax];
  return parser ? parser(text) : undefined;
}

/** Lets the TOML/YAML modules register themselves without a dependency cycle. */
export function registerParser(syntax: Syntax, parser: (text: string) => ParsedDocument): void {
  PARSERS[syntax] = parser;
}

/** Guess for files no dialect claims, by extension. */
export function syntaxForPath(filePath: string): Syntax {
  const lower = filePath.toLowerCase();
  if (lower.endsWith('.toml')) return 'toml';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return 'json';
}
