/**
 * A real npm registry on loopback (Verdaccio, see /work/shared/docs/local-registries.md):
 * started on a free port with a temporary storage folder and no uplinks (nothing ever
 * leaves the machine), packages published to it with `npm publish` (any token works for
 * anonymous publishing), stopped by its pid. Every wait is bounded.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '..', '..');
const VERDACCIO_BIN = join(REPO_ROOT, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
const NPM_CLI = process.env.npm_execpath && process.env.npm_execpath.endsWith('.js') ? process.env.npm_execpath : undefined;

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface Verdaccio {
  url: string;
  port: number;
  pid: number;
  dir: string;
  /** How long it took to answer /-/ping (ms). */
  startMs: number;
  publish(pkg: { name: string; version: string; tag?: string }): Promise<void>;
  deprecate(spec: string, message: string): Promise<void>;
  distTag(spec: string, tag: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startVerdaccio(): Promise<Verdaccio> {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-hygiene-verdaccio-'));
  const port = await freePort();
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${join(dir, 'storage')}`,
      `auth: { htpasswd: { file: ${join(dir, 'htpasswd')}, max_users: 100 } }`,
      'uplinks: {}',
      'packages:',
      "  '**': { access: $all, publish: $anonymous $authenticated, unpublish: $all }",
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, [VERDACCIO_BIN, '--config', config, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  let output = '';
  child.stdout?.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr?.on('data', (d) => (output = (output + d).slice(-4000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // If the test process ends without calling stop() (a crash, a runner timeout), take the registry along.
  const killOnExit = () => {
    if (child.pid && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
  };
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Bounded wait (≤ 30 s) for the registry to answer.
  const deadline = started + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Verdaccio exited early (code ${child.exitCode}): ${output}`);
    }
    try {
      const response = await fetch(`${url}/-/ping`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Verdaccio did not answer within 30 s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const startMs = Date.now() - started;
  const npmrc = join(dir, 'npmrc');
  writeFileSync(npmrc, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=test\n`);
  const npm = (args: string[], cwd: string) =>
    new Promise<void>((done, fail) => {
      const command = NPM_CLI ? process.execPath : 'npm';
      execFile(
        command,
        [...(NPM_CLI ? [NPM_CLI] : []), ...args, '--registry', `${url}/`, '--userconfig', npmrc, `--//127.0.0.1:${port}/:_authToken=test`],
        {
          cwd,
          encoding: 'utf8',
          timeout: 60_000,
          env: {
            ...process.env,
            npm_config_cache: join(dir, 'npm-cache'),
            npm_config_loglevel: 'error',
            npm_config_audit: 'false',
            npm_config_fund: 'false',
            npm_config_update_notifier: 'false',
          },
        },
        (error, stdout, stderr) => (error ? fail(new Error(`npm ${args.join(' ')} failed: ${error.message}\n${stderr}\n${stdout}`)) : done()),
      );
    });
  let counter = 0;
  return {
    url,
    port,
    pid: child.pid!,
    dir,
    startMs,
    async publish({ name, version, tag }) {
      const pkgDir = join(dir, 'packages', String(counter++));
      mkdirSync(pkgDir, { recursive: true });
      writeFileSync(
        join(pkgDir, 'package.json'),
        JSON.stringify({ name, version, description: 'pin test package', license: 'MIT', bin: { [name.replace(/^@[^/]+\//, '')]: 'index.js' } }, null, 2),
      );
      writeFileSync(join(pkgDir, 'index.js'), '#!/usr/bin/env node\nconsole.log("hi");\n');
      await npm(['publish', ...(tag ? ['--tag', tag] : [])], pkgDir);
    },
    deprecate(spec, message) {
      return npm(['deprecate', spec, message], dir);
    },
    distTag(spec, tag) {
      return npm(['dist-tag', 'add', spec, tag], dir);
    },
    stop,
  };
}
