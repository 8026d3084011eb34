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

test('stepped through, the lint pauses after the parse, the model and every rule that runs', () => {
  const steps = analyzeSteps(text, path, DEFAULT_SETTINGS);
  let pauses = 0;
  let step = steps.next();
  while (!step.done) {
    pauses++;
    step = steps.next();
  }
  assert.ok(step.value);
  const rulesForThisClient = RULES.filter((rule) => !rule.meta.dialects || rule.meta.dialects.includes('vscode')).length;
  assert.equal(pauses, 2 + rulesForThisClient);
  assert.deepEqual(step.value.findings, analyze(text, path)?.findings);
});

test('run to its end, the lint pauses only after the parse and the model, with the same findings', () => {
  const steps = analyzeSteps(text, path, DEFAULT_SETTINGS);
  let pauses = 0;
  let step = steps.next();
  while (!step.done) {
    pauses++;
    step = steps.next(true);
  }
  assert.equal(pauses, 2);
  assert.deepEqual(step.value?.findings, runToEnd(analyzeSteps(text, path))?.findings);
  assert.ok((step.value?.findings.length ?? 0) > 10, 'a generated config has findings');
});
