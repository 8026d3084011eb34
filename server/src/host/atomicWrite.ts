import { randomBytes, sha256 } from '../common/lazyCrypto';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { ABSOLUTE_MAX_READ_BYTES, kindOf, readRegularFile, UnreadableFileError } from './readRegularFile';

/**
 * Rewriting a config in place (`--fix`, `--pin`) without ever losing a byte: a full disk, a
 * kill mid-write or a concurrent editor must leave either the old file or the new one, never
 * a truncated one (docs/reliability.md, "Hostile workspaces").
 */

/** What was read, so a write can tell whether the file changed on disk since. */
export interface FileVersion {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export function fileVersion(bytes: Buffer, stat: { size: number; mtimeMs: number }): FileVersion {
  return { size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256(bytes) };
}

/** Why a file was not written; `message` is one short sentence that names the file as shown. */
export class AtomicWriteError extends Error {
  constructor(
    readonly reason: 'changed' | 'outside-root' | 'not-regular' | 'other-owner' | 'io',
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'AtomicWriteError';
  }
}

export interface AtomicWriteOptions {
  /** The path as shown to the user, for messages. */
  display: string;
  /** The file as it was read: when it no longer matches, nothing is written. */
  expected: FileVersion;
  /**
   * Real paths (folders or files) the write must stay in. A symbolic link whose target lies
   * outside all of them is refused: a scanned repository must not make --fix rewrite ~/.bashrc.
   */
  roots: readonly string[];
  /** The write call, injectable so a test can fail it part-way (ENOSPC) or change the file meanwhile. */
  write?: (fd: number, buffer: Buffer, offset: number, length: number) => number;
}

/**
 * Replaces the content of an existing regular file. Writes a temporary file next to the
 * real target (unique name, O_EXCL, the original's mode and owner), fsyncs it, checks that
 * the original still holds the bytes that were read, renames over it and fsyncs the folder.
 * A symbolic link is kept: its target is rewritten. On any failure the temporary file is
 * removed and the original is untouched. Throws AtomicWriteError.
 */
export function writeFileAtomic(path: string, data: Buffer, options: AtomicWriteOptions): void {
  const { display } = options;
  let target: string;
  try {
    target = realpathSync(path);
  } catch (error) {
    throw ioError(display, error);
  }
  if (!options.roots.some((root) => target === root || target.startsWith(root.endsWith(sep) ? root : root + sep))) {
    throw new AtomicWriteError(
      'outside-root',
      `${display} leads through a symbolic link to ${target}, outside the scanned folders; not written. Fix that file directly if you mean to.`,
    );
  }
  const original = statOrThrow(target, display);
  if (!original.isFile()) throw new AtomicWriteError('not-regular', `${display} is not a regular file any more; not written. Run again.`);
  const uid = process.getuid?.();
  // Replacing the file gives it our owner: only root can give it back, and only its owner may change it.
  if (uid !== undefined && uid !== 0 && uid !== original.uid) {
    throw new AtomicWriteError(
      'other-owner',
      `${display} belongs to another user; replacing it would change its owner, so it is not written. Run as its owner.`,
    );
  }
  try {
    // A rename would replace a read-only file as well: honour the mode as an in-place write would.
    accessSync(target, constants.W_OK);
  } catch (error) {
    throw ioError(display, error);
  }
  const temp = join(dirname(target), `.${basename(target)}.mcp-hygiene-${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    // The original's owner and group (the group matters to shared checkouts).
    if (uid !== undefined) {
      try {
        fchownSync(fd, original.uid, original.gid);
      } catch (error) {
        if (uid === 0) throw error; // the owner may lack a group the file has: it keeps the owner's
      }
    }
    // After the chown, which clears set-id bits; the exact mode, whatever the umask.
    fchmodSync(fd, original.mode & 0o7777);
    const write = options.write ?? writeSync;
    for (let offset = 0; offset < data.length;) offset += write(fd, data, offset, data.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    // As late as possible: an editor saving meanwhile must not lose its change to ours.
    if (!sameVersion(target, options.expected)) {
      throw new AtomicWriteError('changed', `${display} changed while mcp-hygiene was fixing it; not written. Run again.`);
    }
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(temp);
    throw error instanceof AtomicWriteError ? error : ioError(display, error);
  }
  syncFolder(dirname(target));
}

/**
 * Creates or replaces a file meant to be committed (`--write-baseline`) without
 * following a symbolic link or blocking on a FIFO that a scanned repository may have
 * committed under that name. Throws an Error whose message is a short reason
 * ("a symbolic link; not followed", "not a regular file (a FIFO)", "the disk is full").
 */
export function writeNamedFile(path: string, text: string): void {
  let fd: number;
  try {
    // No O_TRUNC yet: a device or FIFO must be refused before anything is done to it.
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0), 0o666);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ELOOP: the name is a symbolic link (O_NOFOLLOW); ENXIO: a FIFO nobody reads (O_NONBLOCK).
    throw new Error(code === 'ELOOP' ? 'a symbolic link; not followed' : code === 'ENXIO' ? 'not a regular file (a FIFO)' : reasonOf(error));
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error(`not a regular file (${kindOf(stat)})`);
    ftruncateSync(fd, 0);
    const data = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < data.length;) offset += writeSync(fd, data, offset, data.length - offset);
  } catch (error) {
    throw error instanceof Error && !(error as NodeJS.ErrnoException).code ? error : new Error(reasonOf(error));
  } finally {
    closeQuietly(fd);
  }
}

function sameVersion(path: string, expected: FileVersion): boolean {
  try {
    const { bytes, stat } = readRegularFile(path, ABSOLUTE_MAX_READ_BYTES);
    return stat.size === expected.size && stat.mtimeMs === expected.mtimeMs && sha256(bytes) === expected.sha256;
  } catch (error) {
    if (error instanceof UnreadableFileError) return false;
    throw error;
  }
}

/** Makes the rename itself durable. Best effort: some file systems (and Windows) cannot fsync a folder. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // The new content is already in place; only its durability across a power cut is weaker.
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function statOrThrow(path: string, display: string) {
  try {
    return statSync(path);
  } catch (error) {
    throw ioError(display, error);
  }
}

function ioError(display: string, error: unknown): AtomicWriteError {
  return new AtomicWriteError('io', `Cannot write ${display} (${reasonOf(error)}); it is unchanged.`, (error as NodeJS.ErrnoException)?.code);
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error));
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed or invalid: nothing left to release
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // never created, or already gone
  }
}
