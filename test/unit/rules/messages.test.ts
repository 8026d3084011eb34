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
import { SUMMARY_MAX, summaryOf } from '../../../server/src/core/summary';
import { realisticFindings } from './messageCorpus';

/** The verbs a first sentence uses to say what to do. */
const ACTION =
  /\b(?:pin|use|remove|move|set|add|replace|rename|restrict|turn|limit|check|review|upgrade|switch|drop|list|name|keep|scope|fix|quote|delete|run|give|allow|write|pass|fill|enable|disable|declare|split|rotate|install|start|forward|mount|stop|connect|bind|publish)\b/i;

const findings = realisticFindings();
const wrong = (message: string) => {
  const summary = summaryOf(message);
  return summary.length > SUMMARY_MAX || !ACTION.test(summary) ? summary : undefined;
};

test('every rule: the first sentence says what is wrong and what to do in <= 120 characters', () => {
  const seen = new Set(findings.map((f) => f.ruleId));
  const problems = findings.flatMap((f) => (wrong(f.message) ? [`${f.ruleId}: ${wrong(f.message)}`] : []));
  console.log(`messages: ${findings.length} findings of ${seen.size} rules checked`);
  assert.deepEqual([...new Set(problems)].slice(0, 20), []);
  assert.deepEqual(
    RULES.map((rule) => rule.id).filter((id) => !seen.has(id)),
    [],
    'rules with no realistic finding to check: add a case to messageCorpus.ts',
  );
});
