import assert from 'node:assert/strict';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { lint, applyFix, LineIndex, type Finding } from '../../../server/src/engine';
import { parseDocument, syntaxForPath } from '../../../server/src/parse';
import { FIX_EXCEPTIONS } from '../../fuzz/lib/fixInvariants';

export const VSCODE = '/work/app/.vscode/mcp.json';
export const CLAUDE_CODE = '/work/app/.mcp.json';
export const CURSOR = '/work/app/.cursor/mcp.json';
export const CLAUDE_DESKTOP = '/Users/dev/Library/Application Support/Claude/claude_desktop_config.json';
export const GEMINI = '/work/app/.gemini/settings.json';
export const CODEX = '/home/dev/.codex/config.toml';
export const CONTINUE = '/work/app/.continue/mcpServers/server.yaml';

/** Findings of one rule. */
export function findings(text: string, path: string, ruleId: string): Finding[] {
  return lint(text, path).filter((f) => f.ruleId === ruleId);
}

/** The single finding of a rule (fails when there are none or several). */
export function only(text: string, path: string, ruleId: string): Finding {
  const found = findings(text, path, ruleId);
  assert.equal(found.length, 1, `expected one ${ruleId} finding, got ${found.length}: ${found.map((f) => f.message).join(' / ')}`);
  return found[0];
}

/** The source text a finding underlines. */
export function underlined(text: string, finding: Finding): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(finding.range.start), lines.offsetAt(finding.range.end));
}

/** Asserts the text parses in its own syntax (JSON files strictly unless comments are allowed). */
export function assertParses(text: string, path: string, allowComments: boolean): void {
  const syntax = syntaxForPath(path);
  if (syntax === 'json') {
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { allowTrailingComma: allowComments, disallowComments: !allowComments });
    assert.deepEqual(errors, [], 'the fixed file parses');
  } else {
    const doc = parseDocument(text, syntax);
    assert.ok(doc && doc.problems.length === 0, 'the fixed file parses');
  }
}

/**
 * Applies fix `index` of `finding` and checks the contract of secret fixes: never safe, the
 * output parses and keeps the comments, the finding is gone, no new finding of any rule
 * appears, and linting the result again offers nothing more to do for that rule (a second
 * application is a no-op). Returns the fixed text.
 */
export function checkFix(text: string, path: string, finding: Finding, index = 0, options: { allowComments?: boolean; editsComment?: boolean } = {}): string {
  const fix = finding.fixes[index];
  assert.ok(fix, 'a fix is offered');
  assert.equal(fix.safe, false, 'secret fixes are never safe for fix-all');
  const fixed = applyFix(text, fix);
  assertParses(fixed, path, options.allowComments ?? path.endsWith('.vscode/mcp.json'));
  const original = parseDocument(text, syntaxForPath(path));
  for (const comment of options.editsComment ? [] : (original?.comments() ?? [])) {
    const body = text.slice(comment.offset, comment.offset + comment.length);
    assert.ok(fixed.includes(body), `comment kept: ${body}`);
  }
  const before = lint(text, path);
  const after = lint(fixed, path);
  const count = (list: Finding[], id: string) => list.filter((f) => f.ruleId === id).length;
  assert.equal(count(after, finding.ruleId), count(before, finding.ruleId) - 1, 'the finding is gone');
  const excused = (id: string) => FIX_EXCEPTIONS.some((e) => e.fixedRule === finding.ruleId && (e.appears === '*' || e.appears === id));
  for (const f of after) assert.ok(excused(f.ruleId) || count(after, f.ruleId) <= count(before, f.ruleId), `no new ${f.ruleId} finding: ${f.message}`);
  const again = lint(fixed, path).filter((f) => f.ruleId === finding.ruleId && f.server === finding.server);
  assert.equal(
    again.length,
    count(
      before.filter((f) => f.server === finding.server),
      finding.ruleId,
    ) - 1,
    'second application has nothing left to do',
  );
  return fixed;
}
