/**
 * Issue 13 item 5 (server side): a repository can commit a FIFO or a link to /dev/zero where
 * the server expects `.mcp-hygiene.json`, a policy file or a config. Before, a FIFO froze the
 * server for good and `{"policyFile": "/dev/zero"}` grew it to 2.7 GB until it died. Each case
 * runs in a child process (hostileFiles.scenario.ts) so a regression fails on the timeout
 * instead of freezing the test run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

interface Outcome {
  diagnostics: string[];
  hover: boolean;
  messages: string[];
  /** Workspace-relative URIs that got diagnostics published. */
  published: string[];
}

function runScenario(settingsFile: string, policyFile: string, scannedConfig: string): Outcome {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'hostileFiles.scenario.ts'), settingsFile, policyFile, scannedConfig], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 1024 * 1024,
  });
  assert.equal(child.error, undefined, `the server hung or failed: ${child.error}`);
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Outcome;
}

for (const kind of ['fifo', 'zero'] as const) {
  const what = kind === 'fifo' ? 'a FIFO' : 'a link to /dev/zero';

  test(`.mcp-hygiene.json that is ${what}: refused with one message, the server keeps answering`, () => {
    const outcome = runScenario(kind, 'none', 'none');
    assert.ok(outcome.diagnostics.includes('secret-in-env'), JSON.stringify(outcome));
    assert.ok(outcome.hover);
    assert.ok(
      outcome.messages.some((m) => /\.mcp-hygiene\.json.*not a regular file/.test(m)),
      JSON.stringify(outcome.messages),
    );
  });

  test(`policy file that is ${what}: refused with one message, the server keeps answering`, () => {
    const outcome = runScenario('none', kind, 'none');
    assert.ok(outcome.diagnostics.includes('secret-in-env'), JSON.stringify(outcome));
    assert.ok(outcome.hover);
    assert.ok(
      outcome.messages.some((m) => /policy\.json/.test(m) && /regular file/.test(m)),
      JSON.stringify(outcome.messages),
    );
  });

  test(`a config found by the workspace scan that is ${what}: skipped, the server keeps answering`, () => {
    const outcome = runScenario('none', 'none', kind);
    assert.ok(outcome.diagnostics.includes('secret-in-env'), JSON.stringify(outcome));
    assert.ok(outcome.hover);
    assert.ok(!outcome.published.some((uri) => uri.endsWith('/.cursor/mcp.json')), JSON.stringify(outcome.published));
  });
}
