import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll, type Fix, type Finding, type LintOptions, type Range } from '../engine';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, FIX_ALL_TITLE } from '../common/protocol';
import { isDiagnosticData, type AnalysisCache } from './analysis';
import { throwIfCancelled } from './runSafe';

export interface CodeActionContextOptions {
  cache: AnalysisCache;
  lintOptions: LintOptions;
  /** The client accepts versioned `documentChanges` (so a stale edit is refused, not misapplied). */
  documentChanges: boolean;
}

/**
 * Quick fixes come from the diagnostic's `data` while the document version is unchanged;
 * when it moved on, the (cached) analysis of the current version is searched for the same
 * rule at the same range — never matched on message text. Model: ruff's server.
 * `source.fixAll.mcpHygiene` applies the engine's fix-all (safe fixes only) as one edit.
 */
export async function provideCodeActions(
  document: TextDocument,
  params: CodeActionParams,
  options: CodeActionContextOptions,
  token: CancellationToken,
): Promise<CodeAction[]> {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (!only || only.some((kind) => kindIncludes(kind, CodeActionKind.QuickFix))) {
    for (const diagnostic of params.context.diagnostics) {
      throwIfCancelled(token);
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      for (const fix of await fixesFor(document, diagnostic, options)) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          ...(fix.preferred ? { isPreferred: true } : {}),
          edit: workspaceEdit(document, fix.edits, options.documentChanges),
        });
      }
    }
  }
  // Source actions only when asked for (codeActionsOnSave, the Source Action menu): the
  // lightbulb does not list them anyway.
  if (only?.some((kind) => kindIncludes(kind, FIX_ALL_KIND))) {
    throwIfCancelled(token);
    const action = await fixAllAction(document, options);
    if (action) actions.push(action);
  }
  return actions;
}

/** `requested` selects `kind` when equal or a parent (`source` selects `source.fixAll.x`). */
function kindIncludes(requested: string, kind: string): boolean {
  return kind === requested || kind.startsWith(requested + '.');
}

async function fixesFor(document: TextDocument, diagnostic: Diagnostic, options: CodeActionContextOptions): Promise<readonly Fix[]> {
  const data = isDiagnosticData(diagnostic.data) ? diagnostic.data : undefined;
  if (data && data.version === document.version) return data.fixes;
  const ruleId = data?.ruleId ?? (typeof diagnostic.code === 'string' ? diagnostic.code : undefined);
  if (!ruleId) return [];
  // Stale (or data-less) diagnostic: look at the current version's findings.
  const analysis = await options.cache.get(document);
  const finding = matchFinding(analysis.analysis?.findings ?? [], ruleId, diagnostic.range);
  return finding?.fixes ?? [];
}

/** Same rule and same range; failing that, the only finding of that rule overlapping the range. */
export function matchFinding(findings: readonly Finding[], ruleId: string, range: Range): Finding | undefined {
  const sameRule = findings.filter((f) => f.ruleId === ruleId);
  const exact = sameRule.find((f) => rangesEqual(f.range, range));
  if (exact) return exact;
  const overlapping = sameRule.filter((f) => rangesOverlap(f.range, range));
  return overlapping.length === 1 ? overlapping[0] : undefined;
}

async function fixAllAction(document: TextDocument, options: CodeActionContextOptions): Promise<CodeAction | undefined> {
  const analysis = await options.cache.get(document);
  if (analysis.kind !== 'analyzed') return undefined;
  if (!analysis.analysis?.findings.some((f) => f.fixes.some((fix) => fix.safe))) return undefined;
  const text = document.getText();
  const result = fixAll(text, analysis.path, analysis.settings, options.lintOptions);
  const edit = minimalEdit(document, text, result.text);
  if (!edit) return undefined;
  return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: workspaceEdit(document, [edit], options.documentChanges) };
}

/** One edit covering only the changed middle (common prefix and suffix kept), so cursors and folds survive. */
export function minimalEdit(document: TextDocument, before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return {
    range: { start: document.positionAt(start), end: document.positionAt(endBefore) },
    newText: after.slice(start, endAfter),
  };
}

function workspaceEdit(document: TextDocument, edits: readonly TextEdit[], documentChanges: boolean): WorkspaceEdit {
  const copy = edits.map((e) => ({ range: e.range, newText: e.newText }));
  if (documentChanges) {
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: copy }] };
  }
  return { changes: { [document.uri]: copy } };
}

function rangesEqual(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function rangesOverlap(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
