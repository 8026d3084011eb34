import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyzeSteps,
  runToEnd,
  isKnownConfigPath,
  ruleDocsUrl,
  sameRange,
  type Analysis,
  type Finding,
  type Fix,
  type LintOptions,
  type Severity,
} from '../engine';
import { summaryOf } from '../core/summary';
import type { Settings } from '../common/settings';
import { DIAGNOSTIC_SOURCE, FILE_TOO_LARGE_CODE, SETTINGS_SECTION, type DiagnosticData, type DiagnosticFix } from '../common/protocol';
import { isIgnoredPath, uriToPath } from './documentPath';
import type { FileFacts } from './workspaceFacts';
import { SupersededError, type LintQueue } from './lintQueue';

/** Why a document has the diagnostics it has. */
export type AnalysisKind =
  /** Linted: `analysis` and `diagnostics` hold the result. */
  | 'analyzed'
  /** No dialect claims the path and the content is not an MCP config: no diagnostics. */
  | 'not-config'
  /** Matched `mcpHygiene.ignoredPaths`: no diagnostics. */
  | 'ignored'
  /** Larger than `mcpHygiene.maxFileSize`: one information diagnostic, not linted. */
  | 'too-large'
  /** The engine itself threw (a parser or dialect bug): logged once, no diagnostics for this version. */
  | 'engine-error'
  /**
   * A queued large lint was skipped: the document moved on, closed or the settings changed
   * before its turn. Not a result: its empty diagnostics must never be shown as current.
   */
  | 'superseded';

/** Everything the server knows about one (uri, version): computed once, shared by every handler. */
export interface DocumentAnalysis {
  uri: string;
  version: number;
  /** The path given to the engine (dialect detection, messages). */
  path: string;
  kind: AnalysisKind;
  settings: Settings;
  /** The engine options this version was linted with (policy, git state): code actions reuse them. */
  lintOptions: LintOptions;
  analysis: Analysis | undefined;
  diagnostics: Diagnostic[];
  /** Pull diagnostics' result id: unique per computed entry, so a settings change yields a new one. */
  resultId: string;
}

export interface AnalysisCacheOptions {
  settingsFor(uri: string): Promise<Settings>;
  workspaceFolders(): readonly string[];
  /** Engine options (test-injected rules, the rule-error hook). */
  lintOptions: LintOptions;
  /** The engine threw outside a rule; called once per (uri, version) since the result is cached. */
  onEngineError(uri: string, error: unknown): void;
  /** Per-file facts from the workspace (`.mcp-hygiene.json`, policy, git state); synchronous, from caches. */
  factsFor?(path: string, settings: Settings): FileFacts;
  /** Runs large lints off the request path (absent: every lint runs inline). */
  lintQueue?: LintQueue;
}

/**
 * How many documents keep their whole analysis (parse tree, model, findings with their fix
 * closures: about 50 KB for a typical config) and their diagnostics. The others keep only
 * their version and resultId, which is all a pull-diagnostics client asks about an unchanged
 * document; a hover, a quick fix or a request for the diagnostics themselves lints such a
 * document once more. 1 000 open configs would otherwise hold ~50 MB (~5 MB for the
 * diagnostics alone).
 */
export const FULL_ANALYSES_KEPT = 32;

interface CacheEntry {
  version: number;
  result: Promise<DocumentAnalysis>;
  /** True once `analysis` and `diagnostics` were dropped to bound memory (version and resultId are still valid). */
  slim?: boolean;
}

/**
 * Parses and lints each (uri, version) once. Diagnostics, code actions (and hovers) all read
 * from here, so an unchanged version is never linted twice while it is among the
 * FULL_ANALYSES_KEPT most recently used documents (diagnostics alone are kept for all).
 * Entries are replaced when the version moves on, evicted on close and all dropped when the
 * settings change.
 */
export class AnalysisCache {
  private entries = new Map<string, CacheEntry>();
  /** URIs whose entry still holds its analysis, least recently used first. */
  private full = new Set<string>();
  private nextResultId = 1;
  /** How many times the engine actually ran (tests assert the cache works). */
  lintCount = 0;

  constructor(
    private readonly options: AnalysisCacheOptions,
    private readonly fullAnalysesKept = FULL_ANALYSES_KEPT,
  ) {}

  /** The whole analysis of this version (hover, code actions): re-linted if it was slimmed. */
  get(document: TextDocument): Promise<DocumentAnalysis> {
    const existing = this.entries.get(document.uri);
    if (existing && existing.version === document.version && !existing.slim) {
      this.touch(document.uri);
      return existing.result;
    }
    const resultId = existing && existing.version === document.version ? existing.result.then((e) => e.resultId) : undefined;
    return this.start(document, resultId);
  }

  /** Diagnostics and resultId of this version (a slimmed entry is linted once more, keeping its resultId). */
  diagnosticsOf(document: TextDocument): Promise<Pick<DocumentAnalysis, 'kind' | 'version' | 'diagnostics' | 'resultId'>> {
    const existing = this.entries.get(document.uri);
    if (existing && existing.version === document.version && !existing.slim) return existing.result;
    return this.get(document);
  }

  /** The resultId of this version when it is cached or being computed (slimmed entries too); never lints. */
  resultIdOf(document: TextDocument): Promise<string> | undefined {
    const existing = this.entries.get(document.uri);
    return existing && existing.version === document.version ? existing.result.then((entry) => entry.resultId) : undefined;
  }

  private start(document: TextDocument, keepResultId?: Promise<string>): Promise<DocumentAnalysis> {
    const entries = this.entries;
    // Snapshot now: the document may change while the settings are being pulled.
    const text = document.getText();
    const version = document.version;
    const uri = document.uri;
    // The previous version's analysis, when still held: an edit inside one server entry is
    // then re-linted incrementally (engine/incremental.ts).
    const existing = entries.get(uri);
    const previous = existing && !existing.slim && existing.version !== version ? existing.result : undefined;
    // VS Code's JSON language features validate json and jsonc documents themselves.
    const editorShowsSyntaxErrors = document.languageId === 'json' || document.languageId === 'jsonc';
    const computed = this.compute(uri, version, text, previous, () => this.entries.get(uri)?.version === version, editorShowsSyntaxErrors);
    // A re-lint of a slimmed entry keeps its resultId: the diagnostics are the same.
    const result = keepResultId ? Promise.all([computed, keepResultId]).then(([entry, resultId]) => ({ ...entry, resultId })) : computed;
    const entry: CacheEntry = { version, result };
    entries.set(uri, entry);
    result.then(
      () => {
        if (entries.get(uri) === entry) {
          this.touch(uri);
          this.slimOldest();
        }
      },
      // A failed computation must not stick in the cache.
      () => {
        if (entries.get(uri) === entry) entries.delete(uri);
      },
    );
    return result;
  }

  private touch(uri: string): void {
    this.full.delete(uri);
    this.full.add(uri);
  }

  private slimOldest(): void {
    while (this.full.size > this.fullAnalysesKept) {
      const oldest = this.full.values().next().value as string;
      this.full.delete(oldest);
      const entry = this.entries.get(oldest);
      if (!entry || entry.slim) continue;
      entry.slim = true;
      entry.result = entry.result.then((analysis) => ({ ...analysis, analysis: undefined, diagnostics: [] }));
    }
  }

  /** The cached entry for exactly this version, if already computed or in flight. */
  peek(uri: string, version: number): Promise<DocumentAnalysis> | undefined {
    const entry = this.entries.get(uri);
    return entry && entry.version === version ? entry.result : undefined;
  }

  /**
   * Lints a file that is not open (workspace scan, machine scan): not cached, version 0.
   * Same settings, facts and size limit as an open document.
   */
  analyzeFile(uri: string, text: string): Promise<DocumentAnalysis> {
    return this.compute(uri, 0, text);
  }

  evict(uri: string): void {
    this.entries.delete(uri);
    this.full.delete(uri);
  }

  /** Drops everything (settings changed). A computation in flight lands in the old map. */
  clear(): void {
    this.entries = new Map();
    this.full = new Set();
  }

  /** `stillWanted`: whether a queued large lint should still run when its turn comes (LintQueue). */
  /** `editorShowsSyntaxErrors`: an open document the editor validates itself (LintOptions.editorShowsSyntaxErrors). */
  private async compute(
    uri: string,
    version: number,
    text: string,
    previous?: Promise<DocumentAnalysis>,
    stillWanted?: () => boolean,
    editorShowsSyntaxErrors = false,
  ): Promise<DocumentAnalysis> {
    const editorSettings = await this.options.settingsFor(uri);
    const path = uriToPath(uri);
    const facts = this.options.factsFor?.(path, editorSettings);
    const settings = facts?.settings ?? editorSettings;
    const lintOptions: LintOptions = {
      ...this.options.lintOptions,
      ...(facts?.policy ? { policy: facts.policy } : {}),
      ...(facts && facts.gitState !== 'unknown' ? { gitState: facts.gitState } : {}),
      ...(editorShowsSyntaxErrors ? { editorShowsSyntaxErrors } : {}),
    };
    const base = { uri, version, path, settings, lintOptions, resultId: `${version}:${this.nextResultId++}` };
    if (isIgnoredPath(path, settings.ignoredPaths, this.options.workspaceFolders())) {
      return { ...base, kind: 'ignored', analysis: undefined, diagnostics: [] };
    }
    const size = Buffer.byteLength(text, 'utf8');
    if (size > settings.maxFileSize) {
      // Only a file a dialect claims by path deserves the explanation; an unknown large
      // file is not parsed at all just to find out whether it is a config.
      const diagnostics = isKnownConfigPath(path) ? [tooLargeDiagnostic(size, settings.maxFileSize)] : [];
      return { ...base, kind: 'too-large', analysis: undefined, diagnostics };
    }
    let analysis: Analysis | undefined;
    const prior = previous && (await previous.catch(() => undefined))?.analysis;
    try {
      // `previous` is not kept in lintOptions: each version would hold on to the one before.
      const lint = () => {
        this.lintCount++;
        return analyzeSteps(text, path, settings, prior ? { ...lintOptions, previous: prior } : lintOptions);
      };
      analysis = this.options.lintQueue ? await this.options.lintQueue.run(size, lint, stillWanted) : runToEnd(lint());
    } catch (error) {
      if (error instanceof SupersededError) return { ...base, kind: 'superseded', analysis: undefined, diagnostics: [] };
      // Cached like any result, so a broken version is reported once, not on every request.
      this.options.onEngineError(uri, error);
      return { ...base, kind: 'engine-error', analysis: undefined, diagnostics: [] };
    }
    if (!analysis) return { ...base, kind: 'not-config', analysis: undefined, diagnostics: [] };
    return {
      ...base,
      kind: 'analyzed',
      analysis,
      diagnostics: bySpan(analysis.findings).map(([primary, ...others]) => toDiagnostic(primary, version, others, uri)),
    };
  }
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * Findings grouped by their exact span, the most severe first in each group (ties keep the
 * engine's order): when several rules flag one value (`insecure-http-remote` and
 * `remote-without-auth` on a URL, `deprecated-server` and `unpinned-npm-package` on a
 * package), the editor shows one diagnostic (issue 15 class 7). Groups keep the order of
 * their first finding. The engine sorts findings by where they start, so findings of one
 * span are among the neighbours that start where they do: no key per finding is needed (this
 * runs for every finding of a document on every keystroke).
 */
export function bySpan(findings: readonly Finding[]): Finding[][] {
  const groups: Finding[][] = [];
  let runStart = 0;
  for (const finding of findings) {
    const { start } = finding.range;
    let group: Finding[] | undefined;
    for (let index = runStart; index < groups.length; index++) {
      const other = groups[index][0].range;
      if (other.start.line !== start.line || other.start.character !== start.character) {
        runStart = index + 1;
        continue;
      }
      if (sameRange(other, finding.range)) {
        group = groups[index];
        break;
      }
    }
    if (group) group.push(finding);
    else groups.push([finding]);
  }
  for (const group of groups) if (group.length > 1) group.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return groups;
}

/**
 * A finding as an LSP diagnostic; its fixes ride along in `data` for the code-action handler.
 * `others` flagged the same span: they become related information (shown under it in the
 * Problems view), and their fixes join the diagnostic's.
 */
export function toDiagnostic(finding: Finding, version: number, others: readonly Finding[] = [], uri?: string): Diagnostic {
  const fixes = finding.fixes.map(toDiagnosticFix);
  for (const other of others) for (const fix of other.fixes) fixes.push(toDiagnosticFix(fix));
  const data: DiagnosticData = others.length
    ? { ruleId: finding.ruleId, version, fixes, alsoRules: others.map((f) => f.ruleId) }
    : { ruleId: finding.ruleId, version, fixes };
  const related =
    others.length && uri
      ? others.map((other) => ({ location: { uri, range: other.range }, message: `${other.ruleId} (${other.severity}): ${summaryOf(other.message)}` }))
      : undefined;
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: codeDescriptionOf(finding.ruleId),
    // The first sentence (what is wrong, what to do); the hover shows the rest.
    message: summaryOf(finding.message),
    ...(related ? { relatedInformation: related } : {}),
    data,
  };
}

/** The rules a diagnostic stands for: its own and those merged into it (DiagnosticData.alsoRules). */
export function rulesOf(diagnostic: Diagnostic): string[] {
  const own = typeof diagnostic.code === 'string' ? [diagnostic.code] : [];
  return isDiagnosticData(diagnostic.data) ? [diagnostic.data.ruleId, ...(diagnostic.data.alsoRules ?? [])] : own;
}

/** One shared (never mutated) link object per rule: 1 000 open configs hold thousands of diagnostics. */
const CODE_DESCRIPTIONS = new Map<string, { href: string }>();
function codeDescriptionOf(ruleId: string): { href: string } {
  let description = CODE_DESCRIPTIONS.get(ruleId);
  if (!description) CODE_DESCRIPTIONS.set(ruleId, (description = Object.freeze({ href: ruleDocsUrl(ruleId) })));
  return description;
}

/** A fix for `Diagnostic.data`: deferred edits stay unevaluated (see DiagnosticFix). */
function toDiagnosticFix(fix: Fix): DiagnosticFix {
  if (fix.deferred)
    return fix.preferred ? { title: fix.title, safe: fix.safe, preferred: true, deferred: true } : { title: fix.title, safe: fix.safe, deferred: true };
  return fix.preferred ? { title: fix.title, safe: fix.safe, preferred: true, edits: fix.edits } : { title: fix.title, safe: fix.safe, edits: fix.edits };
}

function tooLargeDiagnostic(size: number, limit: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: FILE_TOO_LARGE_CODE,
    message:
      `MCP Hygiene skipped this file: it is ${size.toLocaleString('en-US')} bytes, larger than ${SETTINGS_SECTION}.maxFileSize ` +
      `(${limit.toLocaleString('en-US')} bytes). Raise ${SETTINGS_SECTION}.maxFileSize to lint it.`,
  };
}

/** Type guard for `Diagnostic.data` coming back from the client. */
export function isDiagnosticData(value: unknown): value is DiagnosticData {
  const data = value as DiagnosticData | undefined;
  return !!data && typeof data === 'object' && typeof data.ruleId === 'string' && typeof data.version === 'number' && Array.isArray(data.fixes);
}
