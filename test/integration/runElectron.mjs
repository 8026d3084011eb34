// The same mocha suite as test/integration/vscode.test.mjs, in desktop VS Code through
// @vscode/test-electron. That downloads a VS Code build at run time, so it needs internet
// (a developer laptop or a hosted CI runner); on the offline build machines use
// `npm run test:vscode` (code-server) instead.
//
//   npm run test:electron                     (builds first)
//   VSCODE_VERSION=1.82.0 npm run test:electron   oldest supported engine; default: stable
import { runTests } from '@vscode/test-electron';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildExtensionAndSuite, prepareWorkspace, REPO_ROOT } from './prepare.mjs';
import { makeWorkDir } from '../../scripts/vscode/codeServer.mjs';

const suite = await buildExtensionAndSuite();
const workDir = makeWorkDir('mcp-hygiene-electron-');
const workspace = prepareWorkspace(join(workDir, 'workspace'));
const resultsFile = join(workDir, 'results.json');
let exitCode = 1;
try {
  exitCode = await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: suite,
    extensionTestsEnv: { MCP_HYGIENE_TEST_RESULTS: resultsFile },
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      join(workDir, 'user-data'),
      '--extensions-dir',
      join(workDir, 'extensions'),
    ],
  });
} catch (error) {
  console.error(`VS Code run failed: ${error instanceof Error ? error.message : error}`);
} finally {
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    console.log(`${results.host} ${results.vscodeVersion}: ${results.passed} passed, ${results.failed} failed`);
    for (const t of results.tests) if (t.state === 'failed') console.log(`FAILED ${t.fullTitle}\n${t.error}`);
    if (results.failed > 0 || results.passed === 0) exitCode = exitCode || 1;
  } catch {
    console.error('The suite wrote no results file.');
    exitCode = exitCode || 1;
  }
  rmSync(workDir, { recursive: true, force: true });
}
process.exit(exitCode);
