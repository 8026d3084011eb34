/**
 * Issue 15 class 7: the first sentence of every finding (what the editor shows; the rest goes
 * to the hover and the rule page) says what is wrong and what to do, in at most 120
 * characters — with the long names real configs have (server names of 70 characters,
 * package names of 50+). Checked on every finding the rules produce over the real corpus,
 * the fixtures, the labelled sets and the remediation matrix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../../server/src/engine';
import { SUMMARY_MAX, summaryOf } from '../../../server/src/engine/summary';
import { realisticFindings } from './messageCorpus';

/** The verbs a first sentence uses to say what to do. */
const ACTION = /\b(?:pin|use|remove|move|set|add|replace|rename|restrict|turn|limit|check|review|upgrade|switch|drop|list|name|keep|scope|fix|quote|delete|run|give|allow|write|pass|fill|enable|disable|declare|split|rotate|install|start|forward|mount|stop|connect|bind|publish)\b/i;

/**
 * Rules whose messages still put the server name and the explanation first (rewritten rule by
 * rule; the list may only shrink: a rule that passes must leave it).
 */
const PENDING = new Set([
  'browser-sandbox-disabled',
  'claude-bypass-permissions', 'claude-enable-all-project-servers', 'claude-wildcard-mcp-permission', 'codex-approval-bypass', 'custom-package-registry',
  'docker-added-capabilities',
  'github-server-write-access', 'goose-auto-mode', 'known-malicious-package',
  'loader-env-override', 'schema-invalid-type',
  'schema-syntax-error', 'schema-unknown-key',
  'trust-all-tools',
  'vscode-global-auto-approve', 'zed-tool-permissions',
]);

const findings = realisticFindings();
const wrong = (message: string) => {
  const summary = summaryOf(message);
  return summary.length > SUMMARY_MAX || !ACTION.test(summary) ? summary : undefined;
};

test('every rewritten rule: the first sentence says what is wrong and what to do in <= 120 characters', () => {
  const seen = new Set(findings.map((f) => f.ruleId));
  const problems = findings.filter((f) => !PENDING.has(f.ruleId)).flatMap((f) => (wrong(f.message) ? [`${f.ruleId}: ${wrong(f.message)}`] : []));
  const rewritten = RULES.filter((rule) => !PENDING.has(rule.id));
  console.log(`messages: ${findings.length} findings of ${seen.size} rules; ${rewritten.filter((rule) => seen.has(rule.id)).length} rewritten rules checked, ${rewritten.filter((rule) => !seen.has(rule.id)).length} with no realistic finding to check, ${PENDING.size} pending`);
  assert.deepEqual([...new Set(problems)].slice(0, 20), []);
});

test('the pending list only shrinks: a rule listed there still has a long or action-less first sentence', () => {
  const stillWrong = new Set(findings.filter((f) => wrong(f.message)).map((f) => f.ruleId));
  assert.deepEqual([...PENDING].filter((id) => !stillWrong.has(id)), [], 'these rules pass now: take them off PENDING');
});
