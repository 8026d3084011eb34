/**
 * Node entry of the language server: process plumbing only. The transport (--stdio,
 * --node-ipc, --socket) comes from the command line the client uses; all behaviour is in
 * startServer so tests can run it over in-memory streams.
 */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { nodeTimers, startServer } from './startServer';
import { describeError } from './handlers/runSafe';

/**
 * Over --stdio the reader is ours so its errors are seen: after a frame without a valid
 * Content-Length, vscode-jsonrpc's StreamMessageReader only fires onError and keeps the rest
 * of that frame in its buffer, so every later message is misread and the server silently
 * never answers again. The byte stream cannot be resynchronised, so the server logs why and
 * exits with 1; VS Code's client (and most others) restart a server that exits.
 */
function stdioTransport(): { reader: StreamMessageReader; writer: StreamMessageWriter } | undefined {
  if (!process.argv.includes('--stdio')) return undefined;
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((error) => {
    connection.console.error(
      `Unreadable message from the client (${error.message.split('\n')[0]}); the stream cannot be resynchronised, so the server exits and the client restarts it.`,
    );
    process.stderr.write(`mcp-hygiene: unreadable LSP frame: ${error.message.split('\n')[0]}\n`);
    setTimeout(() => process.exit(1), 50);
  });
  return { reader, writer: new StreamMessageWriter(process.stdout) };
}

const stdio = stdioTransport();
const connection = stdio ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer) : createConnection(ProposedFeatures.all);

// Console output would corrupt a stdio transport: route it to the client's log.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

// A bug in one handler must never take the server down with it.
process.on('uncaughtException', (error) => connection.console.error(`Uncaught error: ${describeError(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${describeError(reason)}`));

startServer(connection, { timer: nodeTimers });
connection.listen();
