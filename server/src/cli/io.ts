import { existsSync, readFileSync, readSync } from 'node:fs';
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

export function processIO(): CliIO {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, readStdin: readStdinBounded };
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
        // A non-blocking pipe with nothing yet: wait a moment rather than spin.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
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
