import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { MCP_JSON, MCP_URI } from './fixtures';
import { CODE_CACHE_DIR_ENV, DEFERRED_CA_CERTS_ENV, serverEnvironmentOverrides } from '../../server/src/common/protocol';

const root = join(__dirname, '..', '..');

/** Starts a server process, opens the fixture, and returns its diagnostics' codes and exit code after shutdown + exit. */
async function serveOnce(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ codes: string[]; exitCode: number | null; serverName?: string }> {
  const child = spawn(process.execPath, argv, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
  connection.listen();
  try {
    const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: MCP_URI, languageId: 'jsonc', version: 1, text: MCP_JSON },
    });
    const diagnostics = await published;
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    const exitCode = await exited;
    assert.equal(stderr, '');
    return { codes: diagnostics.diagnostics.map((d) => String(d.code)), exitCode, serverName: result.serverInfo?.name };
  } finally {
    connection.dispose();
    child.kill();
  }
}

// The real entry point (server.ts) as its own process over --stdio: transport plumbing,
// console routing and a clean exit after shutdown + exit.
test('server.ts serves over stdio and exits with 0 after shutdown and exit', { timeout: 30_000 }, async () => {
  const served = await serveOnce(['--import', 'tsx', join(root, 'server', 'src', 'server-main.ts'), '--stdio']);
  assert.equal(served.serverName, 'mcp-hygiene');
  // The real entry runs the full registry: the token is among whatever else it finds.
  assert.ok(served.codes.includes('secret-in-env'), served.codes.join());
  assert.equal(served.exitCode, 0);
});

test('the environment the client starts the server with: CA bundle deferred, code cache directory passed', () => {
  assert.deepEqual(serverEnvironmentOverrides({ PATH: '/bin' }), {});
  assert.deepEqual(serverEnvironmentOverrides({ NODE_EXTRA_CA_CERTS: '/etc/corp-ca.pem' }, '/storage/code-cache'), {
    NODE_EXTRA_CA_CERTS: '',
    [DEFERRED_CA_CERTS_ENV]: '/etc/corp-ca.pem',
    [CODE_CACHE_DIR_ENV]: '/storage/code-cache',
  });
});

// dist/server.js as shipped: the loader (server/src/server.ts) next to the bundle (server-main.js).
test('the shipped loader: writes a V8 code cache on the first start, reuses it, and survives a corrupt or stale one', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-hygiene-entry-'));
  try {
    const bundle = (entry: string, out: string) =>
      build({
        entryPoints: [join(root, entry)],
        outfile: join(dir, out),
        bundle: true,
        platform: 'node',
        target: 'node18',
        format: 'cjs',
        mainFields: ['module', 'main'],
        minify: true,
        logLevel: 'silent',
      });
    await Promise.all([bundle('server/src/server.ts', 'server.js'), bundle('server/src/server-main.ts', 'server-main.js')]);
    const cacheDir = join(dir, 'storage', 'code-cache');
    const env = { ...process.env, ...serverEnvironmentOverrides(process.env, cacheDir) };
    const argv = [join(dir, 'server.js'), '--stdio'];
    const cacheFiles = () => readdirSync(cacheDir).filter((name) => name.endsWith('.cache'));

    // First start: no directory yet; it is created and the cache written on exit.
    const first = await serveOnce(argv, env);
    assert.equal(first.exitCode, 0);
    assert.ok(first.codes.includes('secret-in-env'), first.codes.join());
    assert.equal(cacheFiles().length, 1);
    const cacheFile = join(cacheDir, cacheFiles()[0]);
    const written = statSync(cacheFile);
    assert.ok(written.size > 10_000, `cache of ${written.size} bytes`);

    // Second start: V8 accepts the cache, so it is not written again; same findings.
    const second = await serveOnce(argv, env);
    assert.deepEqual(second.codes, first.codes);
    assert.equal(statSync(cacheFile).mtimeMs, written.mtimeMs);

    // A corrupt cache (same name) is not read but replaced; a stale one of this copy of
    // the bundle (same path hash) is removed; another installed copy's cache is left alone.
    writeFileSync(cacheFile, 'not a code cache');
    const thisCopy = basename(cacheFile).split('.').slice(0, 2).join('.');
    writeFileSync(join(cacheDir, `${thisCopy}.v18.0.0.x64.1.2.cache`), 'old');
    const otherCopy = 'server-main.00000000.v20.0.0.x64.1.2.cache';
    writeFileSync(join(cacheDir, otherCopy), 'another install');
    const third = await serveOnce(argv, env);
    assert.deepEqual(third.codes, first.codes);
    assert.deepEqual(cacheFiles().sort(), [basename(cacheFile), otherCopy].sort());
    assert.ok(readFileSync(cacheFile).length > 10_000);

    // A cache directory that cannot be created costs only the cache.
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, '');
    const fourth = await serveOnce(argv, { ...process.env, ...serverEnvironmentOverrides(process.env, join(blocked, 'code-cache')) });
    assert.deepEqual(fourth.codes, first.codes);
    assert.equal(fourth.exitCode, 0);

    // Without the variable (other clients, older set-ups): a plain load.
    const plain = await serveOnce(argv, { ...process.env, [CODE_CACHE_DIR_ENV]: '' });
    assert.deepEqual(plain.codes, first.codes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Issue 13 item 11: after a frame without Content-Length, vscode-jsonrpc's reader is stuck
// for good; the server used to go silent. It now says why (log + stderr) and exits with 1,
// so the client restarts it.
test('a frame without Content-Length over stdio: the server logs why and exits with 1 instead of going silent', { timeout: 30_000 }, async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'src', 'server-main.ts'), '--stdio'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  child.stdin.write(`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nX-Secret: hunter2\r\n\r\n${body}`);
  child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  assert.equal(await exited, 1);
  assert.match(stderr, /unreadable LSP frame: Header must provide a Content-Length property/);
  assert.match(stdout, /Unreadable message from the client/);
  assert.doesNotMatch(stderr + stdout, /hunter2/);
});
