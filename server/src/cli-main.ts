/**
 * The CLI process: runs `mainAsync` on the command line and exits with its code. The bundle
 * dist/cli-main.js is built from this file and loaded by dist/cli.js (cli.ts).
 */
import { internalErrorMessage, mainAsync } from './cli/main';
import { scanWorkerInput } from './cli/scanWorkers';

// A scan worker (cli/scanWorkers.ts) loads this bundle to run its side only.
if (!scanWorkerInput()) {
  // `mcp-hygiene scan | head` closes the pipe early: that is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  mainAsync(process.argv.slice(2)).then(exitOnceFlushed, (error: unknown) => {
    process.stderr.write(internalErrorMessage(error, process.env));
    exitOnceFlushed(2);
  });
}

/**
 * Exits as soon as everything written to stdout and stderr has gone out, rather than when
 * the event loop empties: node otherwise waits at exit for V8's background work (compiling,
 * collecting garbage), ~20 ms of a one-file scan. A pipe whose reader is slow still gets
 * every byte: exiting waits until nothing is queued on either stream.
 */
function exitOnceFlushed(code: number): void {
  process.exitCode = code;
  if (process.stdout.writableLength + process.stderr.writableLength === 0) process.exit(code);
  else setTimeout(exitOnceFlushed, 1, code);
}
