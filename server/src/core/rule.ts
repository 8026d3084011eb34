import type { Category, FixSpec, OffsetEdit, Severity } from './types';
import type { McpConfig, ServerEntry } from './model';
import type { Dialect } from './dialect';
import type { ParsedDocument, TreeNode } from './tree';
import type { Settings } from '../common/settings';
import type { Policy } from '../common/policy';
import type { PinKind } from '../common/pinInput';

/** Whether git tracks the file (server-side fact passed in; `unknown` outside a repository). */
export type GitState = 'tracked' | 'untracked' | 'ignored' | 'unknown';

export interface RuleMeta {
  category: Category;
  defaultSeverity: Severity;
  /** One sentence: what the rule finds. Shown in docs, SARIF and the CLI's rule list. */
  description: string;
  /** Whether the rule offers at least one quick fix. */
  fixable: boolean;
  /** OWASP MCP Top 10 id(s), e.g. 'MCP01'. */
  owasp: readonly string[];
  /** The threat it mitigates, in the words of the threat model (rug pull, credential theft...). */
  threat: string;
  /** Dialect ids the rule applies to; undefined = all. */
  dialects?: readonly string[];
  /**
   * 'server': every finding about a server lies inside that server's entry (fix edits
   * inside it or outside every entry) and depends only on the entry and on the text outside
   * all entries — never on another server; file-level findings (`server: null`) depend on
   * no server at all. The language server then re-runs the rule with the edited server as
   * the only one (engine/incremental.ts). Undefined: the rule always sees the whole file.
   */
  scope?: 'server';
  /**
   * The finding is a plaintext secret in the file: its severity follows git (tracked = already
   * committed = error, untracked or ignored = warning) unless the user set the rule's level.
   */
  plaintextSecret?: true;
  /** False for findings about suppressions themselves: no "Suppress" quick fix is offered. */
  suppressible?: false;
  /**
   * The engine reports this rule's findings itself, after every other rule ran: suppression
   * comments that silenced nothing ('unused') or give no reason ('no-reason')
   * (engine/suppressions.ts). Such a rule's own check does nothing.
   */
  suppressionProblem?: 'unused' | 'no-reason';
  /**
   * The finding is an unpinned package, image or git source of this kind: the editor offers
   * "Pin to …" for it, and `scan --fix --network --pin` pins it (launch/pinnable.ts finds
   * what to rewrite at the finding's span).
   */
  pins?: PinKind;
}

export interface ReportDescriptor {
  /** Where to put the squiggle: a node (its full range) or an explicit offset range. */
  node?: TreeNode;
  offset?: number;
  length?: number;
  server: ServerEntry | null;
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. mutable tag vs latest). */
  severity?: Severity;
  fixes?: FixSpec[];
}

export interface RuleContext {
  readonly doc: ParsedDocument;
  readonly dialect: Dialect;
  readonly config: McpConfig;
  readonly settings: Settings;
  /** The file's path as given (for messages that need the project folder, etc.). */
  readonly filePath: string;
  /** The organisation policy (parsed `mcpHygiene.policyFile`), when one applies. */
  readonly policy?: Policy;
  /** Whether git tracks the file, when the caller knows. */
  readonly gitState?: GitState;
  /** An editor already shows the open document's parse errors (LintOptions.editorShowsSyntaxErrors). */
  readonly editorShowsSyntaxErrors?: boolean;
  report(descriptor: ReportDescriptor): void;
}

/**
 * A rule: file name = id = `Diagnostic.code`. Model: eslint's meta + create. A rule has one
 * of the two checks.
 */
export interface Rule {
  id: string;
  meta: RuleMeta;
  /** Looks at the whole file: findings about the file, or about servers taken together. */
  check?(context: RuleContext): void;
  /**
   * Looks at one server; the engine calls it for each server of the file in turn. A function
   * called once per server is optimised by V8 after a few servers, where a loop over every
   * server inside one call per file ran unoptimised for a large file.
   */
  checkServer?(context: RuleContext, server: ServerEntry): void;
}

export type { FixSpec, OffsetEdit };
