// `npm run screenshots`: regenerates the README screenshots from the real VS Code that the
// test suite uses (code-server + Chromium, scripts/vscode/codeServer.mjs), with the
// packaged VSIX installed the way a user installs it. The extension-host driver
// (test/integration/screenshots/driver.ts) sets up each scene and signals through marker
// files; this script takes the page screenshot and writes images/screenshot-<scene>.png.
//   node scripts/vscode/screenshots.mjs
import { mkdirSync, writeFileSync, existsSync, rmSync, copyFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
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
const vsix = join(workDir, 'mcp-hygiene.vsix');
const packaged = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'vscode', 'package.mjs'), '--out', vsix], { cwd: REPO_ROOT, stdio: 'inherit' });
if (packaged.status !== 0) process.exit(packaged.status ?? 1);
const extensionDir = await installVsix({ toolchain, vsix, extensionsDir: join(workDir, 'installed'), workDir, logFile, extensionId: 'mcp-hygiene.mcp-hygiene' });

const driver = join(REPO_ROOT, 'out', 'integration', 'screenshots.js');
await esbuild.build({
  entryPoints: [join(REPO_ROOT, 'test', 'integration', 'screenshots', 'driver.ts')],
  outfile: driver,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'warning',
});

const workspace = join(workDir, 'workspace');
mkdirSync(join(workspace, '.vscode'), { recursive: true });
writeFileSync(join(workspace, '.vscode', 'mcp.json'), MCP_JSON(fakeToken()));
writeFileSync(join(workspace, 'README.md'), '# demo\n');
const markers = join(workDir, 'markers');
mkdirSync(markers, { recursive: true });
const shots = join(workDir, 'shots');
mkdirSync(shots, { recursive: true });

const results = await runExtensionTests({
  toolchain,
  extensionDevelopmentPath: extensionDir,
  extensionTestsPath: driver,
  workspace,
  resultsFile: join(workDir, 'results.json'),
  workDir,
  logFile,
  timeoutMs: 4 * 60_000,
  env: { MCP_HYGIENE_SCREENSHOT_DIR: markers },
  async onPage(page) {
    await page.setViewportSize({ width: 1280, height: 760 });
    for (const scene of SCENES) {
      const deadline = Date.now() + 3 * 60_000;
      while (!existsSync(join(markers, `${scene}.ready`))) {
        if (Date.now() > deadline) throw new Error(`scene ${scene} never became ready`);
        await sleep(200);
      }
      await page.screenshot({ path: join(shots, `screenshot-${scene}.png`) });
      writeFileSync(join(markers, `${scene}.done`), '');
    }
  },
});
if (results.failed || SCENES.some((scene) => !existsSync(join(shots, `screenshot-${scene}.png`)))) {
  console.error(`Screenshots failed: ${results.error ?? 'a scene is missing'} (log: ${logFile})`);
  process.exit(1);
}
mkdirSync(join(REPO_ROOT, 'images'), { recursive: true });
for (const scene of SCENES) copyFileSync(join(shots, `screenshot-${scene}.png`), join(REPO_ROOT, 'images', `screenshot-${scene}.png`));
console.log(`Wrote ${SCENES.map((s) => `images/screenshot-${s}.png`).join(', ')} (VS Code via code-server, extension from the packaged VSIX).`);
if (!process.env.MCP_HYGIENE_VSCODE_KEEP) rmSync(workDir, { recursive: true, force: true });
