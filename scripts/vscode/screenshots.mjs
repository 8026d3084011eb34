// `npm run screenshots`: regenerates the README screenshots from the real VS Code that the
// test suite uses (code-server + Chromium, scripts/vscode/codeServer.mjs), with the
// packaged VSIX installed into code-server the way a user installs it
// (`--install-extension`), and no development or test payload: the window is an ordinary
// one, not an "[Extension Development Host]".
//
// The scenes are set up by a small helper extension (test/integration/screenshots/driver.ts,
// packaged here into its own VSIX and installed next to ours), which signals through marker
// files; this script waits for the scene's widget on the page, takes the screenshot and
// writes images/screenshot-<scene>.png.
//   node scripts/vscode/screenshots.mjs
import { mkdirSync, writeFileSync, existsSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative, sep } from 'node:path';
import * as esbuild from 'esbuild';
import { REPO_ROOT, cacheDir, ensureSystemPackages, ensureToolchain, installVsix, makeWorkDir, runExtensionTests } from './codeServer.mjs';

const SCENES = ['diagnostics', 'hover', 'quickfix'];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A token-shaped value made now (never committed), so secret-in-env has something to find. */
function fakeToken() {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let body = '';
  for (let i = 0; i < 36; i++) body += alphabet[Math.floor(Math.random() * alphabet.length)];
  return ['gh', 'p_'].join('') + body;
}

const MCP_JSON = (token) => `{
  // Team MCP servers
  "servers": {
    "github": {
      "type": "stdio",
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${token}" },
      "autoApprove": ["create_issue", "merge_pull_request"]
    },
    "files": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/"]
    },
    "docs": {
      "type": "http",
      "url": "https://mcp.example.com/mcp",
      "headers": { "Authorization": "Bearer \${input:docs-token}" }
    }
  },
  "inputs": [{ "id": "docs-token", "type": "promptString", "description": "Docs token", "password": true }]
}
`;

mkdirSync(cacheDir(), { recursive: true });
const installLog = join(cacheDir(), 'install.log');
await ensureSystemPackages({ logFile: installLog });
const toolchain = await ensureToolchain({ logFile: installLog });

const workDir = makeWorkDir('mcp-hygiene-screenshots-');
const logFile = join(workDir, 'code-server.log');
// The extensions dir runExtensionTests starts code-server with: both VSIXs go there.
const extensionsDir = join(workDir, 'extensions');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

// 1. MCP Hygiene, packaged as it is published (production bundles, .vscodeignore).
const vsix = join(workDir, 'mcp-hygiene.vsix');
run(process.execPath, [join(REPO_ROOT, 'scripts', 'vscode', 'package.mjs'), '--out', vsix]);

// 2. The scene driver as a helper extension of its own (activates once the window is up).
const driverDir = join(workDir, 'driver-extension');
await esbuild.build({
  entryPoints: [join(REPO_ROOT, 'test', 'integration', 'screenshots', 'driver.ts')],
  outfile: join(driverDir, 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'warning',
});
writeFileSync(
  join(driverDir, 'package.json'),
  JSON.stringify(
    {
      name: 'screenshot-driver',
      displayName: 'MCP Hygiene screenshot driver (npm run screenshots only)',
      description: 'Sets up the README screenshot scenes; never published.',
      version: '0.0.0',
      publisher: 'mcp-hygiene-dev',
      license: 'MIT',
      engines: { vscode: '^1.82.0' },
      main: './extension.js',
      // No extensionDependencies: installing it would then ask a marketplace for MCP Hygiene.
      // The driver waits for the extension and activates it itself.
      activationEvents: ['onStartupFinished'],
    },
    null,
    2,
  ),
);
writeFileSync(join(driverDir, 'README.md'), '# Screenshot driver\n\nSets up the scenes of `npm run screenshots`.\n');
const driverVsix = join(workDir, 'screenshot-driver.vsix');
run(
  process.execPath,
  [
    join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'),
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--skip-license',
    '--out',
    driverVsix,
  ],
  { cwd: driverDir },
);

// 3. Both installed by code-server itself into the run's extensions dir.
const extensionDir = await installVsix({ toolchain, vsix, extensionsDir, workDir, logFile, extensionId: 'mcp-hygiene.mcp-hygiene' });
await installVsix({ toolchain, vsix: driverVsix, extensionsDir, workDir, logFile, extensionId: 'mcp-hygiene-dev.screenshot-driver' });
console.log(`Installed ${relative(workDir, extensionDir)} and the screenshot driver into ${extensionsDir}`);

const workspace = join(workDir, 'workspace');
mkdirSync(join(workspace, '.vscode'), { recursive: true });
writeFileSync(join(workspace, '.vscode', 'mcp.json'), MCP_JSON(fakeToken()));
writeFileSync(join(workspace, 'README.md'), '# demo\n');
const markers = join(workDir, 'markers');
mkdirSync(markers, { recursive: true });
const shots = join(workDir, 'shots');
mkdirSync(shots, { recursive: true });

/** What must be on the page before each scene's screenshot is taken. */
const WIDGETS = {
  diagnostics: { selector: '.markers-panel .monaco-list-row', text: 'secret-in-env' },
  hover: { selector: '.monaco-hover', text: 'MCP server' },
  quickfix: { selector: '.action-widget', text: 'Replace with' },
};
let pageError;
let title = '';

const results = await runExtensionTests({
  toolchain,
  // No extensionDevelopmentPath / extensionTestsPath: the installed extensions only.
  workspace,
  resultsFile: join(workDir, 'results.json'),
  workDir,
  logFile,
  timeoutMs: 4 * 60_000,
  env: { MCP_HYGIENE_SCREENSHOT_DIR: markers },
  async onPage(page) {
    try {
      await page.setViewportSize({ width: 1280, height: 760 });
      for (const scene of SCENES) {
        const deadline = Date.now() + 3 * 60_000;
        while (!existsSync(join(markers, `${scene}.ready`))) {
          if (Date.now() > deadline) throw new Error(`scene ${scene} never became ready`);
          await sleep(200);
        }
        const { selector, text } = WIDGETS[scene];
        await page.locator(selector, { hasText: text }).first().waitFor({ state: 'visible', timeout: 30_000 });
        // Fade-in animations (hover, menus) take ~100 ms; the cursor blink does not matter.
        await sleep(500);
        title = await page.title();
        await page.screenshot({ path: join(shots, `screenshot-${scene}.png`) });
        writeFileSync(join(markers, `${scene}.done`), '');
      }
    } catch (error) {
      pageError = error;
      throw error;
    }
  },
});

const problems = [];
if (results.failed) problems.push(`the driver failed: ${results.error ?? 'no reason given'}`);
if (pageError) problems.push(`taking a screenshot failed: ${pageError.message}`);
if (SCENES.some((scene) => !existsSync(join(shots, `screenshot-${scene}.png`)))) problems.push('a scene is missing');
// The screenshots must show the installed VSIX, not a development copy of the repo.
const loadedFrom = results.extensionPath ? relative(extensionsDir, results.extensionPath) : undefined;
if (!loadedFrom || loadedFrom.startsWith('..') || loadedFrom.split(sep).length !== 1)
  problems.push(`MCP Hygiene was loaded from ${results.extensionPath ?? '(unknown)'}, not from the installed VSIX in ${extensionsDir}`);
if (/Extension Development Host/i.test(title)) problems.push(`the window is an extension development host ("${title}")`);
if (problems.length) {
  console.error(`Screenshots failed: ${problems.join('; ')} (log: ${logFile}; kept ${workDir})`);
  process.exit(1);
}
mkdirSync(join(REPO_ROOT, 'images'), { recursive: true });
for (const scene of SCENES) copyFileSync(join(shots, `screenshot-${scene}.png`), join(REPO_ROOT, 'images', `screenshot-${scene}.png`));
const manifest = JSON.parse(readFileSync(join(results.extensionPath, 'package.json'), 'utf8'));
console.log(
  `Wrote ${SCENES.map((s) => `images/screenshot-${s}.png`).join(', ')}: VS Code ${results.vscodeVersion} (code-server), window "${title}", ` +
    `MCP Hygiene ${manifest.version} installed from the packaged VSIX (${loadedFrom}).`,
);
if (!process.env.MCP_HYGIENE_VSCODE_KEEP) rmSync(workDir, { recursive: true, force: true });
