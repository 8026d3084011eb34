/**
 * The engine's public surface: text in, findings (with fixes) out. No LSP, no VS Code,
 * no I/O — the language server, the CLI and the tests are thin shells around this.
 */
export { lint, analyze, analyzeSteps, runToEnd, unclaimedConfigClient, type Analysis, type LintOptions, type LintSteps } from './lint';
export { applyOffsetEdits, applyTextEdits, applyFix, fixAll, selectSafeFixes, type FixAllResult } from './applyFixes';
export { LineIndex, sameRange } from '../core/lineIndex';
export { matchesFilePattern, matchesIgnorePattern, globProblem } from '../core/glob';
export { parseSuppressions, applySuppressions, suppressionEdit, SUPPRESSION_PREFIX, type Suppression } from './suppressions';
export type { GitState } from '../core/rule';
export { parsePolicy, type Policy } from '../common/policy';
export type { Finding, Fix, TextEdit, Range, Position, Severity, Category } from '../core/types';
export { CATEGORIES, SEVERITIES } from '../core/types';
export type { ServerEntry, McpConfig } from '../core/model';
export { RULES, ruleById } from '../rules';
export { pinTargetOf } from './pins';
export { DIALECTS, dialectById, dialectForPath, isKnownConfigPath } from '../dialects';
export { parseSettings, DEFAULT_SETTINGS, settingsSchema, type Settings } from '../common/settings';
export { ruleDocsUrl } from '../common/links';
