/**
 * Records (and blocks) every way the process could run a program, reach the network or
 * write files: child_process (spawn, exec, execFile, fork + Sync), net (connect,
 * createConnection, Socket.prototype.connect), tls.connect, http(s).request/get,
 * dns.lookup/resolve*, dgram.createSocket, worker_threads.Worker, globalThis.fetch and
 * the fs write family. Install it BEFORE importing the code under test, so functions that
 * code grabs at load time (`const { spawn } = require('child_process')`) are the recorders.
 */
import { syncBuiltinESMExports } from 'node:module';

export interface SandboxCall {
  api: string;
  /** First argument, shortened (a command, host or path). */
  target: string;
  stack: string;
}

type AnyFunction = (...args: unknown[]) => unknown;

export interface Sandbox {
  calls: SandboxCall[];
  restore(): void;
}

const FS_WRITES = [
  'writeFile',
  'writeFileSync',
  'appendFile',
  'appendFileSync',
  'mkdir',
  'mkdirSync',
  'rm',
  'rmSync',
  'rmdir',
  'rmdirSync',
  'unlink',
  'unlinkSync',
  'rename',
  'renameSync',
  'copyFile',
  'copyFileSync',
  'createWriteStream',
  'symlink',
  'symlinkSync',
  'chmod',
  'chmodSync',
];

export function installSandbox(): Sandbox {
  const calls: SandboxCall[] = [];
  const restores: Array<() => void> = [];
  const patch = (owner: Record<string, unknown>, name: string, api: string) => {
    const original = owner[name];
    if (typeof original !== 'function') return;
    const recorder = function (this: unknown, ...args: unknown[]) {
      const first = args[0];
      const target = typeof first === 'string' ? first : first && typeof first === 'object' ? JSON.stringify(first).slice(0, 120) : String(first);
      calls.push({ api, target: target.slice(0, 120), stack: new Error().stack ?? '' });
      throw new Error(`sandbox: ${api} is not allowed in the engine`);
    };
    owner[name] = recorder;
    restores.push(() => {
      owner[name] = original;
    });
  };
  /* eslint-disable @typescript-eslint/no-require-imports */
  const childProcess = require('node:child_process') as Record<string, unknown>;
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) patch(childProcess, name, `child_process.${name}`);
  const net = require('node:net') as Record<string, unknown> & { Socket: { prototype: Record<string, unknown> } };
  for (const name of ['connect', 'createConnection']) patch(net, name, `net.${name}`);
  patch(net.Socket.prototype, 'connect', 'net.Socket.prototype.connect');
  patch(require('node:tls') as Record<string, unknown>, 'connect', 'tls.connect');
  for (const mod of ['http', 'https']) {
    const m = require(`node:${mod}`) as Record<string, unknown>;
    patch(m, 'request', `${mod}.request`);
    patch(m, 'get', `${mod}.get`);
  }
  const dns = require('node:dns') as Record<string, unknown> & { promises: Record<string, unknown> };
  for (const name of [
    'lookup',
    'lookupService',
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'resolveCname',
    'resolveMx',
    'resolveNs',
    'resolveSrv',
    'resolveTxt',
    'reverse',
  ]) {
    patch(dns, name, `dns.${name}`);
    patch(dns.promises, name, `dns.promises.${name}`);
  }
  patch(require('node:dgram') as Record<string, unknown>, 'createSocket', 'dgram.createSocket');
  patch(require('node:worker_threads') as Record<string, unknown>, 'Worker', 'worker_threads.Worker');
  const fs = require('node:fs') as Record<string, unknown> & { promises: Record<string, unknown> };
  for (const name of FS_WRITES) {
    patchIfFromEngine(fs, name, `fs.${name}`);
    patchIfFromEngine(fs.promises, name, `fs.promises.${name}`);
  }
  patch(globalThis as unknown as Record<string, unknown>, 'fetch', 'fetch');
  syncBuiltinESMExports();

  /** fs writes are used by the TypeScript loader (tsx's cache): record only calls from server code. */
  function patchIfFromEngine(owner: Record<string, unknown>, name: string, api: string) {
    const original = owner[name] as AnyFunction | undefined;
    if (typeof original !== 'function') return;
    owner[name] = function (this: unknown, ...args: unknown[]) {
      const stack = new Error().stack ?? '';
      if (/[\\/]server[\\/]src[\\/]/.test(stack)) {
        calls.push({ api, target: String(args[0]).slice(0, 120), stack });
        throw new Error(`sandbox: ${api} is not allowed in the engine`);
      }
      return original.apply(this, args);
    };
    restores.push(() => {
      owner[name] = original;
    });
  }

  return {
    calls,
    restore() {
      for (const undo of restores.reverse()) undo();
      syncBuiltinESMExports();
    },
  };
}

/** Calls made by test infrastructure (the tsx/esbuild loader compiling TypeScript), not by the code under test. */
export function isLoaderCall(call: SandboxCall): boolean {
  return (
    /node_modules[\\/](?:tsx|esbuild|get-tsconfig)[\\/]/.test(call.stack) && !/[\\/]server[\\/]src[\\/]/.test(call.stack.split('\n').slice(1, 4).join('\n'))
  );
}
