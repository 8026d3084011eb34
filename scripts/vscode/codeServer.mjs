// A real VS Code on machines that reach only the npm registry and Debian's apt:
// code-server (VS Code's workbench + a real Node extension host) driven by Debian's
// Chromium through playwright-core. See docs/development.md and
// /work/shared/docs/real-vscode-here.md for why this and not @vscode/test-electron.
//
//   node scripts/vscode/codeServer.mjs install   install (or reuse) the cached toolchain
//
// As a module: ensureSystemPackages(), ensureToolchain(), runExtensionTests().
// Every wait is bounded; nothing is fetched from anywhere but npm and apt.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  copyFileSync,
  mkdtempSync,
  realpathSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir, arch, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOOLCHAIN_SOURCE = join(REPO_ROOT, 'scripts', 'vscode', 'toolchain');
/** code-server 4.100.x is the newest line whose engines.node is 20 (4.10x+ want Node 24). */
export const CODE_SERVER_VERSION = '4.100.3';
/** The @vscode/ripgrep that code-server 4.100.3 depends on, and the rg release it wants. */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Where the toolchain is cached between runs. */
export function cacheDir() {
  // Outside the checkout so every clone on this machine (CI runs in a fresh one) reuses it.
  return resolve(process.env.MCP_HYGIENE_VSCODE_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'mcp-hygiene', 'vscode'));
}

/** Hides anything shaped like a token before it reaches a log or an assertion message. */
export function redact(text) {
  return String(text)
    .replace(/\b(gh[pousr]_|github_pat_)[A-Za-z0-9_]{10,}/g, '$1***')
    .replace(/\b(sk-[A-Za-z0-9-]{4})[A-Za-z0-9_-]{10,}/g, '$1***');
}

function log(message) {
  process.stderr.write(`[vscode] ${redact(message)}\n`);
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function debInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Runs a command, output to a log file, killed (process group) at the deadline. */
function runLogged(command, args, { cwd, env, timeoutMs, logFile }) {
  return new Promise((resolvePromise, reject) => {
    const out = createWriteStream(logFile, { flags: 'a' });
    out.write(`\n$ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${Math.round(timeoutMs / 1000)} s (log: ${logFile})`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      out.end();
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}); last lines of ${logFile}:\n${tail(logFile, 25)}`));
    });
  });
}

function tail(file, lines) {
  try {
    return redact(readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'));
  } catch {
    return '(no log)';
  }
}

function killGroup(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

/**
 * Debian packages the toolchain needs: kerberos headers (a native module of code-server),
 * ripgrep (packed into the cache @vscode/ripgrep looks for) and Chromium. Installed with
 * apt-get only when missing; needs root (or passwordless sudo).
 */
export async function ensureSystemPackages({ logFile }) {
  const missing = [];
  if (!debInstalled('libkrb5-dev')) missing.push('libkrb5-dev');
  if (!commandExists('rg')) missing.push('ripgrep');
  if (!chromiumPath()) missing.push('chromium');
  for (const [command, pkg] of [
    ['make', 'make'],
    ['g++', 'g++'],
    ['python3', 'python3'],
  ]) {
    if (!commandExists(command)) missing.push(pkg);
  }
  if (missing.length === 0) return { installed: [] };
  const isRoot = process.getuid?.() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  if (!isRoot && !commandExists('sudo')) {
    throw new Error(`Missing Debian packages (${missing.join(', ')}) and not root: run \`apt-get install -y ${missing.join(' ')}\` first.`);
  }
  log(`apt-get install ${missing.join(' ')} (missing) ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args, timeoutMs) => runLogged(sudo[0] ?? args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), { env, timeoutMs, logFile });
  await run(['apt-get', 'update', '-q'], 180_000);
  await run(['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...missing], 300_000);
  return { installed: missing };
}

export function chromiumPath() {
  const fromEnv = process.env.MCP_HYGIENE_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path));
}

function toolchainHash() {
  const hash = createHash('sha256');
  for (const name of ['package.json', 'package-lock.json']) {
    const file = join(TOOLCHAIN_SOURCE, name);
    if (existsSync(file)) hash.update(name).update(readFileSync(file));
  }
  hash.update(process.version.split('.')[0]).update(arch());
  return hash.digest('hex').slice(0, 16);
}

/**
 * Installs code-server and playwright-core into the cache (once; later runs reuse it),
 * from scripts/vscode/toolchain's package.json and lockfile. code-server's install
 * scripts build native modules (node-pty via `npx node-gyp`, hence unsafe-perm and yes for
 * root) and download rg from GitHub unless a cached archive is found in $TMPDIR: we pack
 * Debian's rg into that cache so the install works offline.
 */
export async function ensureToolchain({ logFile }) {
  const dir = join(cacheDir(), 'toolchain');
  const marker = join(dir, '.installed');
  const hash = toolchainHash();
  const codeServerEntry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const installed = () => existsSync(marker) && readFileSync(marker, 'utf8').trim() === hash && existsSync(codeServerEntry);
  if (installed()) return { dir, codeServerEntry, cached: true };
  // Two test runs on one machine (e.g. two checkouts sharing MCP_HYGIENE_VSCODE_CACHE)
  // must not install into the same directory at once: the second waits for the first.
  const lock = join(cacheDir(), 'install.lock');
  mkdirSync(cacheDir(), { recursive: true });
  await waitUntil(
    `the install lock ${lock} (another run is installing; remove it if no install is running)`,
    () => {
      try {
        mkdirSync(lock);
        return true;
      } catch {
        // A lock older than any install can take was left by a killed run.
        if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
        return installed();
      }
    },
    540_000,
    1_000,
  );
  if (installed()) return { dir, codeServerEntry, cached: true };
  try {
    return await installToolchain({ dir, marker, hash, codeServerEntry, logFile });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function installToolchain({ dir, marker, hash, codeServerEntry, logFile }) {
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} + playwright-core into ${dir} (1-5 min: native modules are built) ...`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(TOOLCHAIN_SOURCE, 'package.json'), join(dir, 'package.json'));
  const lock = join(TOOLCHAIN_SOURCE, 'package-lock.json');
  if (existsSync(lock)) copyFileSync(lock, join(dir, 'package-lock.json'));

  // @vscode/ripgrep's postinstall looks here before it tries GitHub.
  const tmp = join(cacheDir(), 'tmp');
  const rgTarget = arch() === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  const rgCache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  mkdirSync(rgCache, { recursive: true });
  const rg = realpathSync(spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim());
  const tarball = join(rgCache, `ripgrep-${RIPGREP_RELEASE}-${rgTarget}.tar.gz`);
  const packed = spawnSync('tar', ['-czf', tarball, '-C', dirname(rg), '--transform', 's|.*|rg|', '-h', rg.split('/').pop()]);
  if (packed.status !== 0) throw new Error(`could not pack ${rg} into ${tarball}: ${packed.stderr}`);

  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_progress: 'false',
    // node-gyp: build each native module with every core (make -jN), not one.
    JOBS: 'max',
  };
  const args = existsSync(lock) ? ['ci'] : ['install'];
  await runLogged('npm', [...args, '--no-audit', '--no-fund'], { cwd: dir, env, timeoutMs: 420_000, logFile });
  if (!existsSync(codeServerEntry)) throw new Error(`code-server installed but ${codeServerEntry} is missing; see ${logFile}`);
  writeFileSync(marker, hash + '\n');
  log(`toolchain installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return { dir, codeServerEntry, cached: false };
}

function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(what, probe, timeoutMs, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/**
 * Starts code-server on a free loopback port with throwaway user-data and extensions
 * dirs, opens the workbench in headless Chromium with a `payload` that makes the remote
 * extension host load `extensionDevelopmentPath` and run the mocha suite at
 * `extensionTestsPath`, waits for the suite's results file, then stops everything.
 *
 * Without `extensionDevelopmentPath` and `extensionTestsPath` there is no payload: the
 * workbench opens as a user's would, running only the extensions installed in the run's
 * extensions dir (installVsix into `join(workDir, 'extensions')`), one of which must then
 * write `resultsFile` ($MCP_HYGIENE_TEST_RESULTS) itself (scripts/vscode/screenshots.mjs).
 *
 * Returns the parsed results file ({ tests: [...], passed, failed, ... }).
 */
export async function runExtensionTests({
  toolchain,
  extensionDevelopmentPath,
  extensionTestsPath,
  workspace,
  resultsFile,
  workDir,
  logFile,
  timeoutMs = 240_000,
  env = {},
  onPage,
}) {
  const chromium = chromiumPath();
  if (!chromium) throw new Error('Chromium not found (apt-get install -y chromium, or set MCP_HYGIENE_CHROMIUM)');
  const userData = join(workDir, 'user-data');
  const extensions = join(workDir, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  // Quiet, offline, trusted: nothing in the workbench should reach for the network.
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'json.schemaDownload.enable': false,
        'git.enabled': false,
        'extensions.ignoreRecommendations': true,
      },
      null,
      2,
    ),
  );
  writeFileSync(join(workDir, 'code-server.yaml'), 'auth: none\ncert: false\n');
  rmSync(resultsFile, { force: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serverLog = createWriteStream(logFile, { flags: 'a' });
  const started = Date.now();
  const server = spawn(
    process.execPath,
    [
      toolchain.codeServerEntry,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      // Its own config file: code-server otherwise writes ~/.config/code-server/config.yaml.
      '--config',
      join(workDir, 'code-server.yaml'),
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensions,
      workspace,
    ],
    {
      cwd: workDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env, PASSWORD: '', HASHED_PASSWORD: '', MCP_HYGIENE_TEST_RESULTS: resultsFile },
    },
  );
  const serverExit = new Promise((resolvePromise) => server.on('exit', (code, signal) => resolvePromise({ code, signal })));
  // If this process dies first (a test-runner timeout, Ctrl+C), take code-server's group along.
  const killOnExit = () => killGroup(server, 'SIGKILL');
  process.once('exit', killOnExit);
  server.stdout.on('data', (chunk) => serverLog.write(redact(chunk)));
  server.stderr.on('data', (chunk) => serverLog.write(redact(chunk)));
  let browser;
  try {
    let exited;
    void serverExit.then((status) => (exited = status));
    await waitUntil(
      `code-server on ${base}`,
      async () => {
        if (exited) throw new Error(`code-server exited early (${exited.signal ?? `exit ${exited.code}`}); log:\n${tail(logFile, 30)}`);
        try {
          const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) });
          return response.ok;
        } catch {
          return false;
        }
      },
      60_000,
    );
    log(`code-server ${CODE_SERVER_VERSION} ready on ${base} after ${Date.now() - started} ms`);

    const require = createRequire(join(toolchain.dir, 'package.json'));
    const { chromium: playwrightChromium } = require('playwright-core');
    browser = await playwrightChromium.launch({
      executablePath: chromium,
      headless: true,
      timeout: 60_000,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning' || /mcp|hygiene|test/i.test(message.text())) {
        serverLog.write(`[browser ${message.type()}] ${redact(message.text())}\n`);
      }
    });
    page.on('pageerror', (error) => serverLog.write(`[browser pageerror] ${redact(error.message)}\n`));
    const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
    const payload = [];
    if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
    if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
    const url = `${base}/?folder=${encodeURIComponent(workspace)}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    // Optional driver of the page while the suite runs (scripts/vscode/screenshots.mjs).
    const pageTask = onPage
      ? Promise.resolve(onPage(page)).catch((error) => serverLog.write(`[onPage] ${redact(String(error?.stack ?? error))}\n`))
      : undefined;
    log(`workbench loading; waiting up to ${Math.round(timeoutMs / 1000)} s for ${resultsFile}`);
    try {
      await waitUntil(
        'the suite to write its results file (see the log for the extension host output)',
        () => {
          if (exited) throw new Error(`code-server exited during the run (${exited.signal ?? `exit ${exited.code}`})`);
          return existsSync(resultsFile);
        },
        timeoutMs,
        300,
      );
    } catch (error) {
      // What the workbench showed (a dialog, an error notification) is often the answer.
      const screenshot = join(workDir, 'workbench.png');
      await Promise.race([page.screenshot({ path: screenshot }).catch(() => undefined), sleep(10_000)]);
      if (existsSync(screenshot)) error.message += ` (screenshot: ${screenshot})`;
      throw error;
    }
    await pageTask;
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    log(`suite finished ${Date.now() - started} ms after code-server started: ${results.passed} passed, ${results.failed} failed`);
    return results;
  } finally {
    await Promise.race([browser?.close().catch(() => undefined), sleep(10_000)]);
    killGroup(server, 'SIGTERM');
    await Promise.race([serverExit, sleep(5_000)]);
    killGroup(server, 'SIGKILL');
    process.removeListener('exit', killOnExit);
    serverLog.end();
  }
}

/**
 * Installs a VSIX the way a user would (`code-server --install-extension`) into
 * `extensionsDir` and returns the directory VS Code unpacked it to.
 */
export async function installVsix({ toolchain, vsix, extensionsDir, workDir, logFile, extensionId }) {
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(workDir, 'code-server.yaml'), 'auth: none\ncert: false\n');
  await runLogged(
    process.execPath,
    [
      toolchain.codeServerEntry,
      '--config',
      join(workDir, 'code-server.yaml'),
      '--user-data-dir',
      join(workDir, 'user-data'),
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      vsix,
    ],
    { cwd: workDir, env: { ...process.env }, timeoutMs: 120_000, logFile },
  );
  const installed = readdirSync(extensionsDir).find((name) => name.toLowerCase().startsWith(extensionId.toLowerCase() + '-'));
  if (!installed) throw new Error(`${vsix} did not install into ${extensionsDir}; log:\n${tail(logFile, 20)}`);
  return join(extensionsDir, installed);
}

/** A fresh temp dir for one run (user data, extensions, workspace copy, results). */
export function makeWorkDir(prefix = 'mcp-hygiene-vscode-') {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const command = process.argv[2] ?? 'install';
  if (command !== 'install') {
    console.error('usage: node scripts/vscode/codeServer.mjs install');
    process.exit(2);
  }
  mkdirSync(cacheDir(), { recursive: true });
  const logFile = join(cacheDir(), 'install.log');
  const started = Date.now();
  try {
    const system = await ensureSystemPackages({ logFile });
    const toolchain = await ensureToolchain({ logFile });
    log(
      `ready in ${Math.round((Date.now() - started) / 1000)} s (apt: ${system.installed.join(', ') || 'nothing'}; toolchain ${toolchain.cached ? 'cached' : 'installed'}): ${toolchain.dir}`,
    );
  } catch (error) {
    log(`install failed: ${error.message}`);
    process.exit(1);
  }
}
