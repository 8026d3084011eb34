// The real-VS-Code suite as node:test tests: installs (or reuses) code-server + Chromium,
// runs the mocha suite in test/integration/suite inside VS Code's extension host, and
// reports each mocha test as a node:test subtest so CI's summary counts them. Twice:
//   1. the extension under development (repo root, after `node scripts/build.mjs`);
//   2. the packaged VSIX, installed by VS Code itself (`--install-extension`), so the
//      production bundles and the .vscodeignore allow-list are what gets tested.
//
// This never skips: if the toolchain cannot be installed, the tests fail and say why.
// Environment:
//   MCP_HYGIENE_VSCODE_CACHE   toolchain cache (default ~/.cache/mcp-hygiene/vscode, shared by every clone)
//   MCP_HYGIENE_VSCODE_KEEP=1  keep the temp dirs (workspace, user data, logs) for debugging
//   MCP_HYGIENE_CHROMIUM       Chromium binary (default /usr/bin/chromium)
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildExtensionAndSuite, prepareWorkspace, REPO_ROOT } from './prepare.mjs';
import { cacheDir, ensureSystemPackages, ensureToolchain, installVsix, makeWorkDir, redact, runExtensionTests } from '../../scripts/vscode/codeServer.mjs';

/** Waiting for one suite's results (code-server start to results file). */
const RUN_TIMEOUT_MS = 4 * 60_000;

let toolchainPromise;
/** Installs the toolchain once per process; a failure fails every test that needs it. */
function toolchain() {
  toolchainPromise ??= (async () => {
    const started = Date.now();
    mkdirSync(cacheDir(), { recursive: true });
    const installLog = join(cacheDir(), 'install.log');
    try {
      await ensureSystemPackages({ logFile: installLog });
      const result = await ensureToolchain({ logFile: installLog });
      return { ...result, installMs: Date.now() - started };
    } catch (error) {
      throw new Error(
        `Could not install the real-VS-Code toolchain (code-server + Chromium), so the extension was not tested in VS Code.\n` +
          `${error.message}\nSee ${installLog} and docs/development.md. (With internet access, \`npm run test:electron\` runs the same suite in desktop VS Code.)`,
      );
    }
  })();
  return toolchainPromise;
}

/**
 * Runs the mocha suite in code-server against `extensionDir` (or, when `vsix` is given,
 * against that VSIX as VS Code installs it) and turns each mocha test into a subtest.
 */
async function runSuite(t, { label, vsix }) {
  const tools = await toolchain();
  const started = Date.now();
  const suite = await buildExtensionAndSuite();
  const workDir = makeWorkDir();
  const logFile = join(workDir, 'code-server.log');
  const workspace = prepareWorkspace(join(workDir, 'workspace'));
  let results;
  let failed = true;
  try {
    let extensionDevelopmentPath = REPO_ROOT;
    if (vsix) {
      const out = join(workDir, 'mcp-hygiene.vsix');
      const packaged = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'vscode', 'package.mjs'), '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
      if (packaged.status !== 0) throw new Error(`npm run package failed:\n${packaged.stdout}\n${packaged.stderr}`);
      extensionDevelopmentPath = await installVsix({
        toolchain: tools,
        vsix: out,
        extensionsDir: join(workDir, 'extensions'),
        workDir,
        logFile,
        extensionId: 'mcp-hygiene.mcp-hygiene',
      });
    }
    results = await runExtensionTests({
      toolchain: tools,
      extensionDevelopmentPath,
      extensionTestsPath: suite,
      workspace,
      resultsFile: join(workDir, 'results.json'),
      workDir,
      logFile,
      timeoutMs: RUN_TIMEOUT_MS,
    });
    failed = results.failed > 0;
  } catch (error) {
    let logTail = '';
    try {
      logTail = redact(readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'));
    } catch {
      // No log yet.
    }
    throw new Error(`${error.message}\n--- last lines of ${logFile} ---\n${logTail}`);
  } finally {
    // Kept when asked, and after a failure (logs, extension host output, screenshot).
    if (process.env.MCP_HYGIENE_VSCODE_KEEP === '1' || failed) t.diagnostic(`kept ${workDir} (code-server.log, user-data/logs/)`);
    else rmSync(workDir, { recursive: true, force: true });
  }
  t.diagnostic(
    `${label}: ${results.host} (VS Code ${results.vscodeVersion}); toolchain ${tools.cached ? 'cached' : 'installed'} in ${Math.round(tools.installMs / 1000)} s; this run ${Math.round((Date.now() - started) / 1000)} s`,
  );

  if (!Array.isArray(results.tests) || results.tests.length === 0) throw new Error('The suite reported no tests.');
  for (const result of results.tests) {
    const duration = result.durationMs !== undefined ? ` (${result.durationMs} ms in VS Code)` : '';
    await t.test(`${result.fullTitle}${duration}`, { skip: result.state === 'pending' }, () => {
      if (result.state === 'failed') {
        const error = new Error(result.error ?? 'failed');
        error.stack = result.error;
        throw error;
      }
    });
  }
}

// The first test also pays for a cold toolchain install (apt + npm: 1.5-6 min depending
// on the machine's load); the second reuses it.
test('real VS Code (code-server): the extension under development', { timeout: 9 * 60_000 }, (t) => runSuite(t, { label: 'development' }));

test('real VS Code (code-server): the packaged VSIX, installed by VS Code', { timeout: 5 * 60_000 }, (t) => runSuite(t, { label: 'vsix', vsix: true }));
