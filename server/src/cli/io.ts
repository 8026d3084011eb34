import { existsSync, fstatSync, readFileSync, readSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Everything the CLI touches outside the file system, injectable so tests can run main() in-process. */
export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Standard input, read at most `limit` bytes (more: undefined, the input is too large). */
  readStdin?(limit: number): Buffer | undefined;
}

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * The real process. `onClosed` runs when the reader of stdout or stderr has gone (`scan | head`):
 * the binary exits quietly then, as other CLIs do.
 */
export function processIO(onClosed: () => never = () => process.exit(process.exitCode ?? 0)): CliIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: descriptorOutput(1, onClosed),
    stderr: descriptorOutput(2, onClosed),
    readStdin: readStdinBounded,
  };
}

/**
 * Output to a pipe or a file is written straight to its file descriptor, synchronously:
 * building node's stream for a pipe costs ~3 ms of a one-file scan, and a write that has
 * returned is out, so the process may exit as soon as the run ends. A reader slower than us
 * makes the write wait (a non-blocking pipe: retried until it takes the rest). A terminal
 * keeps node's own stream, which writes UTF-8 text correctly to a Windows console too (and
 * there asynchronously: `pendingTerminalOutput` tells the exit to wait for it).
 */
function descriptorOutput(fd: 1 | 2, onClosed: () => never): OutputStream {
  let terminal: boolean | undefined;
  const toTerminal = () => (terminal ??= isTerminal(fd));
  return {
    get isTTY(): boolean {
      return toTerminal();
    },
    write(text: string): void {
      if (toTerminal()) {
        terminalStream(fd, onClosed).write(text);
        return;
      }
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      while (written < bytes.length) {
        try {
          written += writeSync(fd, bytes, written);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') onClosed();
          if (code !== 'EAGAIN') throw error;
          pause(1);
        }
      }
    },
  };
}

const terminalStreams: NodeJS.WriteStream[] = [];

function terminalStream(fd: 1 | 2, onClosed: () => never): NodeJS.WriteStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  if (!terminalStreams.includes(stream)) {
    terminalStreams.push(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') onClosed();
      throw error;
    });
  }
  return stream;
}

/** Bytes written to a terminal that node has not handed over yet (Windows consoles are written asynchronously). */
export function pendingTerminalOutput(): number {
  return terminalStreams.reduce((sum, stream) => sum + stream.writableLength, 0);
}

/**
 * node:tty (and the net module it loads) costs ~1.5 ms to load: a terminal is a character
 * device, so a pipe or a file, what CI and editors give us, is told apart without it.
 */
function isTerminal(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice() && (require('node:tty') as typeof import('node:tty')).isatty(fd);
  } catch {
    return false;
  }
}

/** Blocks the thread for `ms` milliseconds (a full pipe or an empty non-blocking stdin: wait rather than spin). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Reads file descriptor 0 to its end, giving up past `limit` bytes (the same bound as files: maxFileSize). */
function readStdinBounded(limit: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    let read: number;
    try {
      read = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        pause(10);
        continue;
      }
      if (code === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    total += read;
    if (total > limit) return undefined;
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
  return Buffer.concat(chunks);
}

/**
 * Colour only for a terminal, never when NO_COLOR is set (https://no-color.org); FORCE_COLOR
 * (any value but 0/false) turns it on even for pipes and files, as in chalk and node; the
 * --color / --no-color flag (`flag`) decides before all of them, as in eslint.
 */
export function useColor(stream: OutputStream | undefined, env: CliIO['env'], flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream?.isTTY === true;
}

export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
export const COLORS: Palette = { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24) };
const same = (text: string) => text;
export const PLAIN: Palette = { red: same, yellow: same, blue: same, dim: same, bold: same, underline: same };

let cachedVersion: string | undefined;

/**
 * The package version, read from the package.json next to the bundle (dist/../package.json,
 * also in the npm tarball) or above the sources when run through tsx. Read lazily: only
 * --version and SARIF need it.
 */
export function packageVersion(): string {
  if (cachedVersion) return cachedVersion;
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
        if (manifest.name === 'mcp-hygiene' && manifest.version) return (cachedVersion = manifest.version);
      } catch {
        // keep looking
      }
    }
    dir = dirname(dir);
  }
  return (cachedVersion = '0.0.0');
}
