import { changedRegion } from '../core/textDiff';
import { readRegularTextFile, UnreadableFileError } from '../host/readRegularFile';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CreateFile,
  TextDocumentEdit,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll, ruleById, sameRange, suppressionEdit, LineIndex, type Fix, type Finding, type LintOptions, type Range } from '../engine';
import { DIAGNOSTIC_SOURCE, FILE_TOO_LARGE_CODE, FIX_ALL_KIND, FIX_ALL_TITLE } from '../common/protocol';
import { DEFAULT_CONFIG_FILE, MAX_SETTINGS_FILE_BYTES } from '../host/settingsFile';
import { containingFolder } from './workspaceFacts';
import { isDiagnosticData, rulesOf, type AnalysisCache } from './analysis';
import { throwIfCancelled } from './runSafe';
import { parseJson } from '../parse/json';
import { getValue } from '../core/tree';
import { insertArrayElement, insertProperty } from '../fixes/nodeEdits';

export interface CodeActionContextOptions {
  cache: AnalysisCache;
  lintOptions: LintOptions;
  /** The client accepts versioned `documentChanges` (so a stale edit is refused, not misapplied). */
  documentChanges: boolean;
  /** For the `.mcp-hygiene.json` suppression of strict-JSON files (absent: not offered). */
  workspaceFolders?(): readonly string[];
  /** The client shows a `disabled` action's reason instead of running it (LSP 3.16 `disabledSupport`). */
  disabledSupport?: boolean;
  /** Untrusted workspace: no action that writes outside the edited file. */
  untrusted?: boolean;
  /** "Pin to the latest safe version" / "Pin to a version…" for the unpinned rules (handlers/pin.ts). */
  pin?: { actionsFor(document: TextDocument, diagnostic: Diagnostic, ruleId: string): Promise<CodeAction[]> };
}

/** Findings about suppressions themselves (rule meta `suppressible: false`) and the size notice are not suppressible. */
function suppressible(ruleId: string): boolean {
  return ruleId !== FILE_TOO_LARGE_CODE && ruleById(ruleId)?.meta.suppressible !== false;
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
      if (options.pin) for (const ruleId of rulesOf(diagnostic)) actions.push(...(await options.pin.actionsFor(document, diagnostic, ruleId)));
    }
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      for (const ruleId of rulesOf(diagnostic)) {
        if (suppressible(ruleId)) actions.push(...(await suppressionActions(document, diagnostic, ruleId, options)));
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

/**
 * "Suppress <rule> for this line / file": a comment in the file's own syntax (JSONC `//`,
 * TOML and YAML `#`) with the line's indentation. Files whose client reads strict JSON
 * cannot hold comments: the entry goes to the workspace's `.mcp-hygiene.json` instead
 * (another file, so never offered in an untrusted workspace).
 */
async function suppressionActions(document: TextDocument, diagnostic: Diagnostic, ruleId: string, options: CodeActionContextOptions): Promise<CodeAction[]> {
  const entry = await options.cache.get(document);
  const analysis = entry.analysis;
  if (entry.kind !== 'analyzed' || !analysis) return [];
  const toTextEdit = (edit: { offset: number; length: number; content: string }): TextEdit => ({
    range: analysis.doc.lines.rangeAt(edit.offset, edit.length),
    newText: edit.content,
  });
  // Only for a finding the current version still has (a stale diagnostic may be gone).
  const finding = matchFinding(analysis.findings, ruleId, diagnostic.range);
  if (!finding) return [];
  if (analysis.dialect.commentsAllowed) {
    const line = finding.range.start.line;
    return [
      {
        title: `Suppress ${ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(document, [toTextEdit(suppressionEdit(analysis.doc, ruleId, 'line', line))], options.documentChanges),
      },
      {
        title: `Suppress ${ruleId} for this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(document, [toTextEdit(suppressionEdit(analysis.doc, ruleId, 'file', 0))], options.documentChanges),
      },
    ];
  }
  if (options.untrusted || !options.workspaceFolders || !document.uri.startsWith('file:')) return [];
  const folder = containingFolder(entry.path, options.workspaceFolders());
  if (!folder) return [];
  const relativePath = relative(folder, entry.path).split(sep).join('/');
  const suppression = { file: relativePath, rule: ruleId, ...(finding.server ? { server: finding.server } : {}), reason: '' };
  const configPath = join(folder, DEFAULT_CONFIG_FILE);
  const configUri = pathToFileURL(configPath).toString();
  const title = `Suppress ${ruleId}${finding.server ? ` for "${finding.server}"` : ''} in ${DEFAULT_CONFIG_FILE}`;
  let existing: string | undefined;
  try {
    existing = readRegularTextFile(configPath, MAX_SETTINGS_FILE_BYTES);
  } catch (error) {
    // Only a missing file is created; a FIFO, device or oversized file gets no action.
    if (!(error instanceof UnreadableFileError) || error.reason !== 'not-found') return [];
    existing = undefined;
  }
  if (existing === undefined) {
    if (!options.documentChanges) return [];
    const text = JSON.stringify({ suppressions: [suppression] }, null, 2) + '\n';
    return [
      {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: {
          documentChanges: [
            CreateFile.create(configUri, { ignoreIfExists: true }),
            TextDocumentEdit.create({ uri: configUri, version: null }, [
              { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text },
            ]),
          ],
        },
      },
    ];
  }
  // Added in the file's own layout; an unreadable file or a `suppressions` that is not a list is left to the user.
  const config = parseJson(existing);
  const list = getValue(config.root, 'suppressions');
  const edits = list
    ? list.type === 'array'
      ? insertArrayElement(list, suppression, config)
      : undefined
    : config.root?.type === 'object'
      ? insertProperty(config.root, 'suppressions', [suppression], config)
      : undefined;
  if (!edits) return [];
  const lines = new LineIndex(existing);
  const textEdits = edits.map((e) => ({ range: lines.rangeAt(e.offset, e.length), newText: e.content }));
  return [
    {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: workspaceEdit({ uri: configUri, version: null }, textEdits, options.documentChanges),
    },
  ];
}

async function fixesFor(
  document: TextDocument,
  diagnostic: Diagnostic,
  options: CodeActionContextOptions,
): Promise<ReadonlyArray<Pick<Fix, 'title' | 'edits' | 'preferred'>>> {
  const data = isDiagnosticData(diagnostic.data) ? diagnostic.data : undefined;
  if (data && data.version === document.version) {
    if (data.fixes.every((fix) => !fix.deferred)) return data.fixes as Fix[];
    // Deferred edits: from this version's analysis (cached, so no re-lint), matched by rule, range and title.
    const analysis = await options.cache.get(document);
    const findings = rulesOf(diagnostic).map((ruleId) => matchFinding(analysis.analysis?.findings ?? [], ruleId, diagnostic.range));
    return data.fixes.flatMap((fix) => {
      if (!fix.deferred) return [fix as Fix];
      const current = findings.flatMap((finding) => finding?.fixes ?? []).find((candidate) => candidate.title === fix.title);
      return current ? [current] : [];
    });
  }
  // Stale (or data-less) diagnostic: look at the current version's findings.
  const analysis = await options.cache.get(document);
  return rulesOf(diagnostic).flatMap((ruleId) => matchFinding(analysis.analysis?.findings ?? [], ruleId, diagnostic.range)?.fixes ?? []);
}

/** Same rule and same range; failing that, the only finding of that rule overlapping the range. */
export function matchFinding(findings: readonly Finding[], ruleId: string, range: Range): Finding | undefined {
  const sameRule = findings.filter((f) => f.ruleId === ruleId);
  const exact = sameRule.find((f) => sameRange(f.range, range));
  if (exact) return exact;
  const overlapping = sameRule.filter((f) => rangesOverlap(f.range, range));
  return overlapping.length === 1 ? overlapping[0] : undefined;
}

async function fixAllAction(document: TextDocument, options: CodeActionContextOptions): Promise<CodeAction | undefined> {
  const analysis = await options.cache.get(document);
  if (analysis.kind !== 'analyzed') return undefined;
  const findings = analysis.analysis?.findings ?? [];
  if (!findings.some((f) => f.fixes.some((fix) => fix.safe))) return needsChoiceAction(findings, options);
  const text = document.getText();
  // The cached analysis is of this very text (same version): the first pass starts from it.
  const result = fixAll(
    text,
    analysis.path,
    analysis.settings,
    { ...options.lintOptions, ...analysis.lintOptions },
    analysis.version === document.version ? analysis.analysis : undefined,
  );
  const edit = minimalEdit(document, text, result.text);
  if (!edit) return undefined;
  return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: workspaceEdit(document, [edit], options.documentChanges) };
}

/**
 * Fix All on a file whose fixes all need a choice: instead of VS Code's bare "No fix all
 * action available", a disabled action whose reason says why and what to do. Disabled, not
 * a command: VS Code runs the commands of on-save actions, and requests them with
 * triggerKind Invoked in recent versions, so no request field tells a save from the Fix All
 * command. A disabled action is never run (on save VS Code applies only valid actions);
 * Fix All shows its reason, the Source Action menu lists it greyed out.
 */
function needsChoiceAction(findings: readonly Finding[], options: CodeActionContextOptions): CodeAction | undefined {
  const count = findings.filter((f) => f.fixes.length > 0).length;
  if (count === 0 || !options.disabledSupport) return undefined;
  const problems = count === 1 ? '1 problem needs' : `${count} problems need`;
  return {
    title: `MCP Hygiene: ${problems} a choice (use each one's quick fixes)`,
    kind: FIX_ALL_KIND,
    disabled: {
      reason: `${problems} a choice, so Fix All has nothing to apply on its own. Open each one's quick fixes (the light bulb on the squiggle, or the Problems panel) and pick a fix.`,
    },
  };
}

/** One edit covering only the changed middle (common prefix and suffix kept), so cursors and folds survive. */
export function minimalEdit(document: TextDocument, before: string, after: string): TextEdit | undefined {
  const region = changedRegion(before, after);
  if (!region) return undefined;
  return { range: { start: document.positionAt(region.start), end: document.positionAt(region.oldEnd) }, newText: after.slice(region.start, region.newEnd) };
}

/** Edits of one document (version null: a file that is not open), as the client can take them. */
export function workspaceEdit(target: { uri: string; version: number | null }, edits: readonly TextEdit[], documentChanges: boolean): WorkspaceEdit {
  const copy = edits.map((e) => ({ range: e.range, newText: e.newText }));
  if (documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri: target.uri, version: target.version }, copy)] };
  return { changes: { [target.uri]: copy } };
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function rangesOverlap(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
