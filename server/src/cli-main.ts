/**
 * The CLI process: runs `mainAsync` on the command line and exits with its code. The bundle
 * dist/cli-main.js is built from this file and loaded by dist/cli.js (cli.ts).
 */
import { internalErrorMessage, mainAsync } from './cli/main';
import { pendingTerminalOutput, processIO } from './cli/io';
import { scanWorkerInput } from './cli/scanWorkers';

// A scan worker (cli/scanWorkers.ts) loads this bundle to run its side only.
if (!scanWorkerInput()) {
  // Output goes straight to the file descriptors (cli/io.ts processIO): once the run ends,
  // all of it is out, so the process exits at once instead of when the event loop empties
  // (node would wait for V8's background compiling and collecting, ~20 ms of a one-file scan).
  const io = processIO();
  mainAsync(process.argv.slice(2), io).then(exitWhenWritten, (error: unknown) => {
    io.stderr.write(internalErrorMessage(error, process.env));
    exitWhenWritten(2);
  });
}

/** Exits once a terminal has taken everything written to it (at once for pipes and files). */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  if (pendingTerminalOutput() === 0) process.exit(code);
  else setTimeout(exitWhenWritten, 1, code);
}
