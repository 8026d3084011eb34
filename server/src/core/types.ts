/**
 * The engine's public vocabulary. Everything here is plain data so that the language
 * server, the CLI and the tests can share it without pulling in LSP or VS Code types.
 */

/** Exactly one per rule; drives grouping in docs, SARIF and the status bar. */
export type Category = 'unpinned' | 'secret' | 'permission' | 'transport' | 'supply-chain' | 'schema' | 'other';
export const CATEGORIES: readonly Category[] = ['unpinned', 'secret', 'permission', 'transport', 'supply-chain', 'schema', 'other'];

/** Same names as LSP's DiagnosticSeverity so the mapping is obvious. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** 0-based line and UTF-16 code-unit character, exactly like LSP. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** Offsets into the document text (UTF-16 code units), end exclusive. */
export interface OffsetRange {
  offset: number;
  length: number;
}

export interface TextEdit {
  range: Range;
  newText: string;
}
export interface OffsetEdit {
  offset: number;
  length: number;
  content: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without looking (fix-all, `--fix`): never changes what the server does beyond the finding. */
  safe: boolean;
  /** Marks the fix VS Code should show first / apply with the lightbulb's default. */
  preferred?: boolean;
  /**
   * The edits are computed on first read (the rule gave a function: e.g. jsonc-parser `modify`,
   * a re-parse of the whole file). Callers that only list fixes should not read `edits`.
   */
  deferred?: boolean;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  range: Range;
  /** Name of the server entry the finding is about, or null for file-level findings. */
  server: string | null;
  message: string;
  fixes: Fix[];
}

/**
 * Fix as rules build it: offset-based, converted to line/character by the engine.
 * `edits` may be a function: it is then computed only when someone reads the fix's edits
 * (a code action, fix-all), which keeps costly edits such as jsonc-parser `modify` (a full
 * re-parse) off the per-keystroke lint path.
 */
export interface FixSpec {
  title: string;
  edits: OffsetEdit[] | (() => OffsetEdit[]);
  safe: boolean;
  preferred?: boolean;
}
