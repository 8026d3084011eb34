import type { Finding, Fix, FixSpec, OffsetEdit, Severity, TextEdit } from '../core/types';
import type { McpConfig } from '../core/model';
import { LineIndex, sameRange } from '../core/lineIndex';
import type { Dialect } from '../core/dialect';
import { dialectById, dialectForContent, dialectForPath } from '../dialects';
import { parseDocument, syntaxForPath, type ParsedDocument } from '../parse';
import type { Settings } from '../common/settings';
import { DEFAULT_SETTINGS } from '../common/settings';
import type { ReportDescriptor, Rule, RuleContext } from '../core/rule';
import { RULES } from '../rules';
import type { GitState } from '../core/rule';
import type { Policy } from '../common/policy';
import { applySuppressions } from './suppressions';
import { redactMessage } from '../secrets/redact';
import { SUMMARY_MAX, summaryOf } from '../core/summary';
import { confinedServerIndex, entrySpan, moveFinding, textShift, type IncrementalState } from './incremental';
import { changedRegion } from '../core/textDiff';
import { deferredFix } from '../core/deferredFix';

export interface LintOptions {
  /** Force a dialect (by id or object) instead of detecting it from the path and content. */
  dialect?: Dialect | string;
  /** The rules to run; defaults to the full registry. */
  rules?: readonly Rule[];
  /** Called when a rule throws; the other rules still run. The engine itself never logs. */
  onRuleError?(ruleId: string, error: unknown): void;
  /** The organisation policy (parsed `mcpHygiene.policyFile`); the server/CLI read the file. */
  policy?: Policy;
  /** Whether git tracks this file (found out by the caller, never by the engine). */
  gitState?: GitState;
  /** An editor already shows this open document's parse errors (VS Code's JSON support): they are not repeated. */
  editorShowsSyntaxErrors?: boolean;
  /**
   * The analysis of the previous version of the same file: when the edit stays inside one
   * server entry, per-server rules run on that server only (engine/incremental.ts).
   */
  previous?: Analysis;
}

/**
 * `action` joins the first sentence (the diagnostic the editor shows) when it fits in
 * SUMMARY_MAX: rotating a committed secret is the step a user must not miss.
 */
const GIT_NOTES: Record<'tracked' | 'untracked' | 'ignored', { severity: Severity; action?: string; note: string }> = {
  tracked: {
    severity: 'error',
    action: ', and rotate it (committed)',
    note: 'This file is tracked by git, so the secret is already committed: rotate it, then move it out of the file.',
  },
  untracked: { severity: 'warning', note: 'The file is not tracked by git yet: move the secret out before committing it.' },
  ignored: { severity: 'warning', note: 'The file is git-ignored, but the secret still sits in plaintext on disk.' },
};

/** A secret finding's message with what git says about its file. */
function withGitNote(message: string, byGit: (typeof GIT_NOTES)['tracked']): string {
  const summary = summaryOf(message);
  const rest = message.slice(summary.length).trim();
  const joined = byGit.action && summary.endsWith('.') ? `${summary.slice(0, -1)}${byGit.action}.` : summary;
  const first = joined.length <= SUMMARY_MAX ? joined : summary;
  return [first, rest, byGit.note].filter(Boolean).join(' ');
}

/** Everything the engine learnt about one document version; the server caches it. */
export interface Analysis {
  doc: ParsedDocument;
  dialect: Dialect;
  config: McpConfig;
  findings: Finding[];
  /** What the next version needs to be linted incrementally (undefined when linting is off). */
  incremental?: IncrementalState;
}

/**
 * Lints one config file's text. Pure: no I/O, no LSP. `filePath` decides the client
 * dialect (a path no client uses falls back to content detection).
 */
export function lint(text: string, filePath: string, settings: Settings = DEFAULT_SETTINGS, options: LintOptions = {}): Finding[] {
  return analyze(text, filePath, settings, options)?.findings ?? [];
}

/** Like `lint`, but keeps the parse and model for hovers and code actions. Undefined = not an MCP config. */
export function analyze(text: string, filePath: string, settings: Settings = DEFAULT_SETTINGS, options: LintOptions = {}): Analysis | undefined {
  return runToEnd(analyzeSteps(text, filePath, settings, options));
}

/**
 * For a file at a path no client reads: the client whose format its content has, when it
 * holds at least one server with a command or a URL (the editor then offers to lint it as an
 * MCP config, issue 15 class 9). Undefined for a claimed path or anything else.
 */
export function unclaimedConfigClient(text: string, filePath: string): string | undefined {
  if (dialectForPath(filePath)) return undefined;
  const doc = parseDocument(text, syntaxForPath(filePath));
  const dialect = doc && dialectForContent(doc.root);
  return dialect && dialect.read(doc).servers.some((server) => server.command || server.url) ? dialect.displayName : undefined;
}

/**
 * A step of `analyzeSteps`. The caller decides when to go on, and says `true` when it runs
 * the lint to its end anyway (`runToEnd`): the lint then stops pausing after each rule, a
 * pause that costs a generator round trip per rule and only a host stepping through a large
 * file needs.
 */
export type LintSteps<T> = Generator<void, T, boolean | undefined>;

/** Runs a stepwise lint without pausing. */
export function runToEnd<T>(steps: LintSteps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next(true);
  return step.value;
}

/**
 * `analyze` in steps: it pauses after the parse, after reading the model and after each
 * rule, so a host can answer other requests in between (the language server's LintQueue
 * for large documents). Driven to the end it is exactly `analyze`: one code path (the
 * findings never depend on how it is driven).
 */
export function* analyzeSteps(
  text: string,
  filePath: string,
  settings: Settings = DEFAULT_SETTINGS,
  options: LintOptions = {},
): LintSteps<Analysis | undefined> {
  const forced = typeof options.dialect === 'string' ? dialectById(options.dialect) : options.dialect;
  const byPath = forced ?? dialectForPath(filePath);
  const doc = parseDocument(text, byPath?.syntax ?? syntaxForPath(filePath));
  if (!doc) return undefined;
  const toTheEnd = yield;
  const dialect = byPath ?? dialectForContent(doc.root);
  if (!dialect) return undefined;
  const config = dialect.read(doc);
  if (!settings.enable) return { doc, dialect, config, findings: [] };
  yield;
  const active = options.rules ?? RULES;
  const { rules, ran } = rulesToRun(active, settings, dialect);
  const keyOf = lazyIncrementalKey(filePath, dialect, settings, options, rules);
  const version: DocumentVersion = { doc, dialect, config, settings, filePath, options };
  const unsuppressed = (options.previous && relint(options.previous, keyOf(), version, rules)) ?? (yield* collectFindings(version, rules, !toTheEnd));
  const findings = suppress(unsuppressed.slice(), doc, settings, filePath, active, ran).sort(compareFindings);
  return { doc, dialect, config, findings, incremental: { keyOf, unsuppressed } };
}

/**
 * The rules that run on this file (not turned off, and meant for its client) and their ids.
 * Remembered per rule list, rule settings and client: a scan asks the same question for every
 * file, and building the list and set each time was ~1 % of a corpus lint.
 */
function rulesToRun(active: readonly Rule[], settings: Settings, dialect: Dialect): RulesToRun {
  let bySettings = RULES_TO_RUN.get(active);
  if (!bySettings) RULES_TO_RUN.set(active, (bySettings = new WeakMap()));
  let byDialect = bySettings.get(settings.rules);
  if (!byDialect) bySettings.set(settings.rules, (byDialect = new Map()));
  let answer = byDialect.get(dialect.id);
  if (!answer) {
    const rules = active.filter((rule) => settings.rules[rule.id] !== 'off' && (!rule.meta.dialects || rule.meta.dialects.includes(dialect.id)));
    byDialect.set(dialect.id, (answer = { rules, ran: new Set(rules.map((rule) => rule.id)) }));
  }
  return answer;
}

interface RulesToRun {
  rules: readonly Rule[];
  ran: ReadonlySet<string>;
}

/** Keyed by the objects themselves (weakly): settings come and go with their documents. */
const RULES_TO_RUN = new WeakMap<readonly Rule[], WeakMap<Settings['rules'], Map<string, RulesToRun>>>();

/**
 * Everything besides the text that findings depend on: a previous analysis is reused only
 * under the same key. Computed when a next version first compares it (never in the CLI);
 * a separate function so the closure holds these values only, never `options.previous`
 * (each version would otherwise keep the one before it alive).
 */
function lazyIncrementalKey(
  filePath: string,
  dialect: Dialect,
  settings: Settings,
  { policy, gitState, editorShowsSyntaxErrors }: LintOptions,
  rules: readonly Rule[],
): () => string {
  let key: string | undefined;
  return () =>
    (key ??= JSON.stringify([
      filePath,
      dialect.id,
      settings,
      policy ?? null,
      gitState ?? null,
      editorShowsSyntaxErrors ?? false,
      rules.map((rule) => rule.id),
    ]));
}

/**
 * The unsuppressed findings of a version whose edit stays inside one server entry: the
 * per-server rules run on that entry only, their other findings move over from `previous`.
 * Undefined = lint the whole file.
 */
function relint(previous: Analysis, key: string, version: DocumentVersion, rules: readonly Rule[]): Finding[] | undefined {
  const { doc, dialect, config, settings, filePath, options } = version;
  const state = previous.incremental;
  if (!state || previous.dialect !== dialect || state.keyOf() !== key) return undefined;
  const region = changedRegion(previous.doc.text, doc.text);
  if (!region) return undefined;
  const index = confinedServerIndex(previous, doc, config, region);
  if (index === undefined) return undefined;
  const perServer = rules.filter((rule) => rule.meta.scope === 'server');
  const perServerIds = new Set(perServer.map((rule) => rule.id));
  const findings = runToEnd(
    collectFindings(
      version,
      rules.filter((rule) => !perServerIds.has(rule.id)),
    ),
  );
  findings.push(...runToEnd(collectFindings({ ...version, config: { ...config, servers: [config.servers[index]] } }, perServer)));
  const edited = entrySpan(previous.config.servers[index]);
  const oldLines = previous.doc.lines;
  const shift = textShift(oldLines, doc.lines, region);
  const deferredEdits = deferredEditsFromFullLint(doc.text, filePath, settings, options);
  for (const finding of state.unsuppressed) {
    // File-level findings of a per-server rule were recomputed with the rest of the file.
    if (!perServerIds.has(finding.ruleId) || finding.server === null) continue;
    // The edited server's own findings were just recomputed.
    if (oldLines.offsetAt(finding.range.start) >= edited.start && oldLines.offsetAt(finding.range.end) <= edited.end) continue;
    const moved = moveFinding(finding, shift, deferredEdits);
    if (!moved) return undefined;
    findings.push(moved);
  }
  return findings;
}

/**
 * The edits of a moved deferred fix, from a full lint of the new text run once, when a code
 * action first asks (never on the keystroke path). A separate function so the closure keeps
 * no reference to the previous analysis.
 */
function deferredEditsFromFullLint(text: string, filePath: string, settings: Settings, options: LintOptions): (moved: Finding, title: string) => TextEdit[] {
  const fullOptions: LintOptions = { ...options, previous: undefined };
  let full: Finding[] | undefined;
  return (moved, title) => {
    full ??= analyze(text, filePath, settings, fullOptions)?.findings ?? [];
    const same = full.find((f) => f.ruleId === moved.ruleId && f.message === moved.message && sameRange(f.range, moved.range));
    return same?.fixes.find((fix) => fix.title === title)?.edits ?? [];
  };
}

/** One document version as its rules see it: what collectFindings and relint are given. */
interface DocumentVersion {
  doc: ParsedDocument;
  dialect: Dialect;
  config: McpConfig;
  settings: Settings;
  filePath: string;
  options: LintOptions;
}

/** Runs `rules` (already filtered by rulesToRun), pausing after each when asked, and returns their findings before suppressions. */
function* collectFindings(version: DocumentVersion, rules: readonly Rule[], pauseAfterEachRule = false): LintSteps<Finding[]> {
  const run = new RuleRun(version);
  for (let index = 0; index < rules.length; index++) {
    run.run(rules[index]);
    if (pauseAfterEachRule) yield;
  }
  return run.findings;
}

/**
 * One run of rules over one document version: one context for the whole run (rules are
 * synchronous), whose `report` reads the rule being run. The per-rule work is a method of
 * its own rather than the body of collectFindings' loop: a generator's loop body stays
 * slower (V8 allocated an iterator result per server there, ~0.6 MB per corpus lint).
 * It keeps what it needs, never the LintOptions: rules' fix closures keep the context, and
 * through `report` this object, and the options may hold the previous version's analysis
 * (each version would then keep every earlier one alive).
 */
class RuleRun {
  readonly findings: Finding[] = [];
  private readonly context: RuleContext;
  private readonly servers: McpConfig['servers'];
  private readonly lines: LineIndex;
  private readonly levels: Settings['rules'];
  private readonly onRuleError: LintOptions['onRuleError'];
  private readonly gitNote: (typeof GIT_NOTES)['tracked'] | undefined;
  private rule: Rule | undefined;
  private severityOverride: Severity | undefined;
  private byGit: (typeof GIT_NOTES)['tracked'] | undefined;

  constructor({ doc, dialect, config, settings, filePath, options }: DocumentVersion) {
    this.servers = config.servers;
    this.lines = doc.lines;
    this.levels = settings.rules;
    this.onRuleError = options.onRuleError;
    this.gitNote = options.gitState && options.gitState !== 'unknown' ? GIT_NOTES[options.gitState] : undefined;
    this.context = {
      doc,
      dialect,
      config,
      settings,
      filePath,
      ...(options.policy ? { policy: options.policy } : {}),
      ...(options.gitState ? { gitState: options.gitState } : {}),
      ...(options.editorShowsSyntaxErrors ? { editorShowsSyntaxErrors: true } : {}),
      report: (descriptor) => this.report(descriptor),
    };
  }

  run(rule: Rule): void {
    this.rule = rule;
    const level = this.levels[rule.id];
    this.severityOverride = level === 'off' ? undefined : level;
    this.byGit = this.gitNote && !this.severityOverride && rule.meta.plaintextSecret ? this.gitNote : undefined;
    try {
      if (rule.checkServer) {
        const servers = this.servers;
        for (let index = 0; index < servers.length; index++) rule.checkServer(this.context, servers[index]);
      } else rule.check?.(this.context);
    } catch (error) {
      this.onRuleError?.(rule.id, error);
    }
  }

  private report(descriptor: ReportDescriptor): void {
    const finding = toFinding(this.rule!, descriptor, this.lines, this.severityOverride);
    if (this.byGit) {
      finding.severity = this.byGit.severity;
      finding.message = withGitNote(finding.message, this.byGit);
    }
    this.findings.push(finding);
  }
}

/** Drops suppressed findings; reports unused suppressions and ones without a reason (when those rules are active). */
function suppress(
  findings: Finding[],
  doc: ParsedDocument,
  settings: Settings,
  filePath: string,
  active: readonly Rule[],
  ran: ReadonlySet<string>,
): Finding[] {
  const entries = settings.suppressions ?? [];
  if (entries.length === 0 && !doc.text.includes('mcp-hygiene-disable')) return findings;
  const knownRules = new Set([...RULES, ...active].map((r) => r.id));
  const { kept, problems } = applySuppressions(findings, { doc, filePath, entries, ranRules: ran, knownRules });
  for (const problem of problems) {
    const rule = active.find((r) => r.meta.suppressionProblem === problem.kind);
    const level = rule && settings.rules[rule.id];
    if (!rule || level === 'off') continue;
    const fixes: FixSpec[] =
      problem.kind === 'unused'
        ? [{ title: 'Remove the unused suppression', safe: false, edits: [removeCommentEdit(doc, problem.offset, problem.length)] }]
        : [];
    kept.push(toFinding(rule, { offset: problem.offset, length: problem.length, server: null, message: problem.message, fixes }, doc.lines, level));
  }
  return kept;
}

/** Removes a comment, with its whole line when it stands alone there. */
function removeCommentEdit(doc: ParsedDocument, offset: number, length: number): OffsetEdit {
  let start = offset;
  let end = offset + length;
  const lineStart = doc.text.lastIndexOf('\n', start - 1) + 1;
  const newline = doc.text.indexOf('\n', end);
  const lineEnd = newline < 0 ? doc.text.length : newline;
  if (doc.text.slice(lineStart, start).trim() === '' && doc.text.slice(end, lineEnd).trim() === '') {
    start = lineStart;
    end = newline < 0 ? doc.text.length : newline + 1;
  } else {
    while (start > lineStart && /[ \t]/.test(doc.text[start - 1])) start--;
  }
  return { offset: start, length: end - start, content: '' };
}

function toFinding(rule: Rule, descriptor: ReportDescriptor, lines: LineIndex, severityOverride: Severity | undefined): Finding {
  const offset = descriptor.node?.offset ?? descriptor.offset ?? 0;
  const length = descriptor.node?.length ?? descriptor.length ?? 0;
  return {
    ruleId: rule.id,
    category: rule.meta.category,
    severity: severityOverride ?? descriptor.severity ?? rule.meta.defaultSeverity,
    range: lines.rangeAt(offset, length),
    server: descriptor.server?.name ?? null,
    // Safety net for the no-disclosure promise: whatever a rule quotes from the document, a
    // credential in it is masked (secrets/redact.ts; cheap, remembered per message).
    message: redactMessage(descriptor.message),
    fixes: (descriptor.fixes ?? []).map((fix) => toFix(fix, lines)),
  };
}

function toFix(fix: FixSpec, lines: LineIndex): Fix {
  const convert = (edits: OffsetEdit[]) => edits.map((edit) => ({ range: lines.rangeAt(edit.offset, edit.length), newText: edit.content }));
  // Titles get the same safety net as messages; edits are document text and stay as they are.
  const title = redactMessage(fix.title);
  if (typeof fix.edits !== 'function') {
    return { title, safe: fix.safe, ...(fix.preferred ? { preferred: true } : {}), edits: convert(fix.edits) };
  }
  const compute = fix.edits;
  return deferredFix(title, fix.safe, fix.preferred, () => convert(compute()));
}

/** Rule ids are `[a-z0-9-]`, where code-unit order is collation order: no ICU collator (~10 ms to start) needed. */
function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
