/**
 * Node entry of the language server: process plumbing only. The transport (--stdio,
 * --node-ipc, --socket) comes from the command line the client uses; all behaviour is in
 * startServer so tests can run it over in-memory streams.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeTimers, startServer } from './startServer';
import { describeError } from './handlers/runSafe';

const connection = createConnection(ProposedFeatures.all);

// Console output would corrupt a stdio transport: route it to the client's log.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

// A bug in one handler must never take the server down with it.
process.on('uncaughtException', (error) => connection.console.error(`Uncaught error: ${describeError(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${describeError(reason)}`));

startServer(connection, { timer: nodeTimers });
connection.listen();
