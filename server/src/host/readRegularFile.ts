import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * The host layer: file access shared by the CLI and the language server. Everything the tool
 * reads from a workspace (configs, `.mcp-hygiene.json`, policy files, `.gitignore`, `.npmrc`,
 * caches) goes through `readRegularFile`, because a hostile repository can commit a symlink to
 * `/dev/zero` or leave a FIFO where a file is expected (docs/reliability.md, "Hostile
 * workspaces").
 */

/** Why a file was not read; `message` is short and safe to show (no file content). */
export class UnreadableFileError extends Error {
  constructor(
    readonly reason: 'not-found' | 'not-regular' | 'too-large' | 'io',
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/** Hard ceiling for any file the tool reads, whatever a setting says (node strings stop near 512 MB). */
export const ABSOLUTE_MAX_READ_BYTES = 64 * 1024 * 1024;

export interface RegularFile {
  bytes: Buffer;
  /** fstat of the opened descriptor: what was read, not what the path names now. */
  stat: Stats;
}

/**
 * Reads a regular file of at most `maxBytes` bytes.
 *
 * Opens with O_NONBLOCK so a FIFO never blocks the open, then checks the *opened descriptor*
 * with fstat (not the path: it may be swapped between a stat and the open) and refuses
 * anything but a regular file — devices, FIFOs, sockets, directories. The size limit is
 * applied while reading too, so a file that grows after the fstat cannot exceed it.
 * Throws UnreadableFileError.
 */
export function readRegularFile(path: string, maxBytes: number): RegularFile {
  const limit = Math.max(0, Math.min(Math.floor(maxBytes), ABSOLUTE_MAX_READ_BYTES));
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UnreadableFileError('not-found', 'not found', code);
    throw new UnreadableFileError('io', `not readable (${code ?? 'error'})`, code);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UnreadableFileError('not-regular', `not a regular file (${kindOf(stat)})`);
    if (stat.size > limit) throw new UnreadableFileError('too-large', `too large (${stat.size} bytes; the limit is ${limit})`);
    // One byte more than the limit tells "grew past the limit" from "exactly at it".
    let buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) buffer = Buffer.concat([buffer], Math.min(buffer.length * 2, limit + 1));
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > limit) throw new UnreadableFileError('too-large', `too large (it grew past ${limit} bytes while being read)`);
    }
    return { bytes: buffer.subarray(0, length), stat };
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableFileError('io', `not readable (${code ?? 'error'})`, code);
  } finally {
    closeSync(fd);
  }
}

/** `readRegularFile` decoded as UTF-8 (a leading BOM is kept; callers that care strip it). */
export function readRegularTextFile(path: string, maxBytes: number): string {
  return readRegularFile(path, maxBytes).bytes.toString('utf8');
}

/** What a non-regular file is, for a skip reason ("a FIFO", "a device", ...). */
export function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}
