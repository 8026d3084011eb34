/**
 * analyzeSteps: a host stepping through a lint (the LintQueue, for large files) gets control
 * back after every rule; a host running it to its end (runToEnd) is not paused per rule; the
 * findings are the same either way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeSteps, runToEnd } from '../../../server/src/engine';
import { RULES } from '../../../server/src/rules';
import { DEFAULT_SETTINGS } from '../../../server/src/common/settings';
import { generateConfig } from '../../../bench/generate';

const path = '/project/.vscode/mcp.json';
const text = generateConfig(10);

/** Drives a stepwise lint as a host does, answering `toTheEnd` at each pause; counts the pauses. */
function drive(toTheEnd: boolean | undefined) {
  const steps = analyzeSteps(text, path, DEFAULT_SETTINGS);
  let pauses = 0;
  let step = steps.next();
  while (!step.done) {
    pauses++;
    step = steps.next(toTheEnd);
  }
  return { pauses, analysis: step.value };
}

test('stepped through, the lint pauses after the parse, the model and every rule that runs', () => {
  const { pauses, analysis } = drive(undefined);
  assert.ok(analysis);
  const rulesForThisClient = RULES.filter((rule) => !rule.meta.dialects || rule.meta.dialects.includes('vscode')).length;
  assert.equal(pauses, 2 + rulesForThisClient);
  assert.deepEqual(analysis.findings, analyze(text, path)?.findings);
});

test('run to its end, the lint pauses only after the parse and the model, with the same findings', () => {
  const { pauses, analysis } = drive(true);
  assert.equal(pauses, 2);
  assert.deepEqual(analysis?.findings, runToEnd(analyzeSteps(text, path))?.findings);
  assert.ok((analysis?.findings.length ?? 0) > 10, 'a generated config has findings');
});
