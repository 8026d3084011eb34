/**
 * Extension-host entry of the real-VS-Code suite: the `run()` that both
 * @vscode/test-electron (desktop) and code-server's `extensionTestsPath` payload call.
 *
 * Bundled by test/integration/prepare.mjs to out/integration/suite.js with `vscode` and
 * `mocha` external (resolved from the repo's node_modules at run time). A browser-hosted
 * workbench has no exit code to hand back, so the outcome is also written as JSON to
 * $MCP_HYGIENE_TEST_RESULTS (or next to the workspace folder).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { registerTests } from './extension.suite';
import { registerEditorTests } from './editor.suite';
import { registerFixTests } from './fixes.suite';
import { registerPinTests } from './pin.suite';
import { registerSecretFixTests } from './secretFixes.suite';
import { registerAdditionalFileTests } from './additionalFiles.suite';

/** One line per mocha test in the results file. */
export interface TestResult {
  title: string;
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteResults {
  host: string;
  vscodeVersion: string;
  startedAt: string;
  finishedAt: string;
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
}

/** Token-shaped strings never reach the results file, even inside an assertion message. */
function redact(text: string): string {
  return text.replace(/\b(gh[pousr]_|github_pat_)[A-Za-z0-9_]{10,}/g, '$1***');
}

function resultsPath(): string {
  const fromEnv = process.env.MCP_HYGIENE_TEST_RESULTS;
  if (fromEnv) return fromEnv;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) throw new Error('MCP_HYGIENE_TEST_RESULTS is not set and there is no workspace folder to write results next to');
  return path.join(path.dirname(folder), 'mcp-hygiene-test-results.json');
}

function writeResults(results: SuiteResults): void {
  const file = resultsPath();
  // Write then rename, so a poller never reads half a file.
  fs.writeFileSync(file + '.tmp', JSON.stringify(results, null, 2));
  fs.renameSync(file + '.tmp', file);
}

export function run(): Promise<void> {
  const startedAt = new Date().toISOString();
  const tests: TestResult[] = [];
  const finish = (): SuiteResults => ({
    host: vscode.env.appName,
    vscodeVersion: vscode.version,
    startedAt,
    finishedAt: new Date().toISOString(),
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    tests,
  });

  return new Promise<void>((resolve, reject) => {
    try {
      const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90_000, reporter: 'spec' });
      // The bundle has no test files to `require`: define the tdd globals, then register.
      mocha.suite.emit('pre-require', globalThis, 'extension.suite', mocha);
      registerTests();
      registerEditorTests();
      registerFixTests();
      registerSecretFixTests();
      registerAdditionalFileTests();
      // Last: it turns network lookups on in the user settings (and off again) for its own file.
      registerPinTests();
      const runner = mocha.run((failures) => {
        try {
          writeResults(finish());
        } catch (error) {
          reject(error);
          return;
        }
        if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
        else resolve();
      });
      runner.on('pass', (test) => tests.push({ title: test.title, fullTitle: test.fullTitle(), state: 'passed', durationMs: test.duration }));
      runner.on('pending', (test) => tests.push({ title: test.title, fullTitle: test.fullTitle(), state: 'pending' }));
      runner.on('fail', (test, error: Error) => {
        const stack = (error.stack ?? '').split('\n').slice(0, 6).join('\n');
        tests.push({
          title: test.title,
          fullTitle: test.fullTitle(),
          state: 'failed',
          durationMs: test.duration,
          error: redact(stack.includes(error.message) ? stack : `${error.message}\n${stack}`),
        });
      });
    } catch (error) {
      // A suite that cannot even load still leaves a results file behind.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      tests.push({ title: 'load the suite', fullTitle: 'load the suite', state: 'failed', error: redact(message) });
      try {
        writeResults(finish());
      } finally {
        reject(error);
      }
    }
  });
}
