// The real-VS-Code suite as node:test tests: installs (or reuses) code-server + Chromium,
// runs the mocha suite in test/integration/suite inside VS Code's extension host, and
// reports each mocha test as a node:test subtest so CI's summary counts them.
//
// This never skips: if the toolchain cannot be installed, the test fails and says why.
// Environment:
//   MCP_HYGIENE_VSCODE_CACHE   toolchain cache (default <repo>/.cache/vscode)
//   MCP_HYGIENE_VSCODE_KEEP=1  keep the temp dir (workspace, user data, logs) for debugging
//   MCP_HYGIENE_CHROMIUM       Chromium binary (default /usr/bin/chromium)
import { test } from 'node:test';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildExtensionAndSuite, prepareWorkspace, REPO_ROOT } from './prepare.mjs';
import { cacheDir, ensureSystemPackages, ensureToolchain, makeWorkDir, redact, runExtensionTests } from '../../scripts/vscode/codeServer.mjs';

const TOTAL_BUDGET_MS = 9 * 60_000;

test('real VS Code (code-server) runs the extension suite', { timeout: TOTAL_BUDGET_MS }, async (t) => {
  const started = Date.now();
  mkdirSync(cacheDir(), { recursive: true });
  const installLog = join(cacheDir(), 'install.log');
  let toolchain;
  try {
    await ensureSystemPackages({ logFile: installLog });
    toolchain = await ensureToolchain({ logFile: installLog });
  } catch (error) {
    throw new Error(
      `Could not install the real-VS-Code toolchain (code-server + Chromium), so the extension was not tested in VS Code.\n` +
        `${error.message}\nSee ${installLog} and docs/development.md.`,
    );
  }
  const installMs = Date.now() - started;

  const suite = await buildExtensionAndSuite();
  const workDir = makeWorkDir();
  const logFile = join(workDir, 'code-server.log');
  const workspace = prepareWorkspace(join(workDir, 'workspace'));
  let results;
  try {
    results = await runExtensionTests({
      toolchain,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: suite,
      workspace,
      resultsFile: join(workDir, 'results.json'),
      workDir,
      logFile,
      timeoutMs: Math.max(60_000, TOTAL_BUDGET_MS - (Date.now() - started) - 30_000),
    });
  } catch (error) {
    let logTail = '';
    try {
      logTail = redact(readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'));
    } catch {
      // No log yet.
    }
    throw new Error(`${error.message}\n--- last lines of ${logFile} ---\n${logTail}`);
  } finally {
    if (process.env.MCP_HYGIENE_VSCODE_KEEP !== '1') rmSync(workDir, { recursive: true, force: true });
    else t.diagnostic(`kept ${workDir}`);
  }
  t.diagnostic(
    `${results.host} ${results.vscodeVersion}; toolchain ${toolchain.cached ? 'cached' : 'installed'} in ${Math.round(installMs / 1000)} s; total ${Math.round((Date.now() - started) / 1000)} s`,
  );

  if (!Array.isArray(results.tests) || results.tests.length === 0) throw new Error('The suite reported no tests.');
  for (const result of results.tests) {
    await t.test(result.fullTitle, { skip: result.state === 'pending' }, () => {
      if (result.state === 'failed') {
        const error = new Error(result.error ?? 'failed');
        error.stack = result.error;
        throw error;
      }
    });
  }
});
