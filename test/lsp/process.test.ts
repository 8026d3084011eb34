import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
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

// The real entry point (server.ts) as its own process over --stdio: transport plumbing,
// console routing and a clean exit after shutdown + exit.
test('server.ts serves over stdio and exits with 0 after shutdown and exit', { timeout: 30_000 }, async () => {
  const root = join(__dirname, '..', '..');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'src', 'server.ts'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
  connection.listen();
  try {
    const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(result.serverInfo?.name, 'mcp-hygiene');
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: MCP_URI, languageId: 'jsonc', version: 1, text: MCP_JSON } });
    const diagnostics = await published;
    // The real entry runs the full registry: the token is among whatever else it finds.
    assert.ok(diagnostics.diagnostics.some((d) => d.code === 'secret-in-env'), JSON.stringify(diagnostics.diagnostics.map((d) => d.code)));
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0, stderr);
  } finally {
    connection.dispose();
    child.kill();
  }
});
