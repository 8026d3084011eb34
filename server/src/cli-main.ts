/**
 * The CLI process: runs `mainAsync` on the command line and sets the exit code. The bundle
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
  mainAsync(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(internalErrorMessage(error, process.env));
      process.exitCode = 2;
    },
  );
}
