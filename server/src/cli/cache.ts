import { existsSync, mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { ABSOLUTE_MAX_READ_BYTES, readRegularTextFile } from '../host/readRegularFile';
import { dirname, join, resolve } from 'node:path';
import { SEVERITIES, type Finding, type Fix, type Severity } from '../engine/types';
import type { Policy } from '../common/policy';
import type { Settings } from '../common/settings';
import { packageVersion } from './io';

/**
 * `scan --cache`: the findings of each linted file, kept in one JSON file between runs (like
 * `.eslintcache`), so a file whose content has not changed is not linted again.
 *
 * What a file's findings depend on, and where that is in the key:
 * - the file's text and its absolute path (the path picks the client dialect): per entry;
 * - the engine (package version and the running bundle's size and mtime), node's version,
 *   the effective settings (settings file, `--rule`, `--network`) and the policy file's
 *   content: the global key, which drops every entry when it changes.
 * Nothing else reaches the engine from the CLI: it forces no dialect, passes no git state,
 * and reads one settings file for the whole run (none per folder).
 *
 * Only what the reports need is stored: rule, category, severity, range, server, message
 * (the engine masks secrets in messages and fix titles) and fix titles — never fix edits,
 * source text or settings values. Per file, the content is kept as a 32-bit hash only.
 */
export const DEFAULT_CACHE_FILE = '.mcp-hygiene-cache';

/** Bump when the stored shape changes: an older file is then ignored and replaced. */
const CACHE_FORMAT = 1;

/** A finding as stored: fixes keep their title and safety only. */
export type CachedFinding = Omit<Finding, 'fixes'> & { fixes: Array<Pick<Fix, 'title' | 'safe'>> };

/** One file's result: its findings, or why it is not linted (not an MCP config). */
export type CacheEntry =
  | {
      hash: string;
      dialect: string;
      findings: CachedFinding[];
      /** Present when the run that stored the entry computed fingerprints (SARIF, baselines); they depend on the path relative to the working directory. */
      fingerprints?: { relativeFile: string; values: string[] };
    }
  | { hash: string; skip: string };

interface CacheFile {
  tool: 'mcp-hygiene';
  cacheFormat: number;
  key: string;
  files: Record<string, CacheEntry>;
}

/**
 * FNV-1a (32 bits) over the UTF-16 code units, plus the length: enough to notice an edited
 * file, and cheap. A cryptographic hash would mean loading node:crypto on every cached run.
 */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(16).padStart(8, '0')}-${text.length}`;
}

/**
 * The global key: everything besides a file's own text and path that changes its findings.
 * Settings and the policy enter as hashes only (a registry URL in the settings may hold a
 * credential). The bundle's size and mtime stand for the engine's code, so a rebuilt
 * dist/cli.js never serves findings of the previous build (under tsx this is the size and
 * mtime of this source file only).
 */
export function cacheKey(settings: Settings, policy: Policy | undefined): string {
  let engine: string;
  try {
    const stat = statSync(__filename);
    engine = `${stat.size}-${stat.mtimeMs}`;
  } catch {
    // The running code cannot be identified: a key no other run has, so nothing is reused.
    engine = `unknown-${process.pid}-${Date.now()}-${Math.random()}`;
  }
  return [`mcp-hygiene ${packageVersion()}`, `engine ${engine}`, `node ${process.version}`, `settings ${contentHash(JSON.stringify(settings))}`, `policy ${contentHash(JSON.stringify(policy ?? null))}`].join('; ');
}

/** `--cache-location`: a file, or a folder (existing, or written with a trailing slash) to hold `.mcp-hygiene-cache`. */
export function resolveCacheLocation(cwd: string, location: string | undefined): string {
  if (location === undefined) return resolve(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  if (/[\\/]$/.test(location) || isDirectory(path)) return join(path, DEFAULT_CACHE_FILE);
  return path;
}

export class ResultCache {
  /** Entries read from disk, when they were stored under the same key. */
  private readonly stored: Record<string, CacheEntry>;
  /** This run's decisions per absolute path: an entry to keep, or undefined to drop it. */
  private readonly updated = new Map<string, CacheEntry | undefined>();
  /** Whether the file on disk differs from what save() would write. */
  private dirty: boolean;

  constructor(
    readonly path: string,
    readonly key: string,
  ) {
    const text = readIfPresent(path);
    // Never overwrite a file we did not write (a mistyped --cache-location naming a
    // project file): only an absent or empty file, or one that starts like ours, is replaced.
    this.foreign = text !== undefined && text.trim() !== '' && !text.startsWith(CACHE_PREFIX);
    const previous = text !== undefined && !this.foreign ? parseCacheFile(text) : undefined;
    // Missing, damaged, older format or another key: start empty and write it anew.
    this.stored = previous?.key === key ? previous.files : {};
    this.dirty = previous?.key !== key;
  }

  /** The file at the location is not a cache of ours: it is left alone and nothing is cached. */
  private readonly foreign: boolean;

  /** The stored result for this file when its content is unchanged, else undefined. */
  lookup(absolute: string, hash: string): CacheEntry | undefined {
    const entry = Object.hasOwn(this.stored, absolute) ? this.stored[absolute] : undefined;
    if (!entry || entry.hash !== hash || !isEntry(entry)) return undefined;
    this.updated.set(absolute, entry);
    return entry;
  }

  remember(absolute: string, entry: CacheEntry): void {
    this.updated.set(absolute, entry);
    this.dirty = true;
  }

  /** This file's result must not be reused (unreadable now, or a rule failed on it). */
  forget(absolute: string): void {
    if (Object.hasOwn(this.stored, absolute) || this.updated.get(absolute)) this.dirty = true;
    this.updated.set(absolute, undefined);
  }

  /**
   * Writes the cache atomically (temporary file, then rename), keeping the entries of files
   * this run did not look at as long as they still exist. Returns a warning instead of
   * throwing: a cache that cannot be written must not fail the scan.
   */
  save(): string | undefined {
    const files: Record<string, CacheEntry> = {};
    for (const [absolute, entry] of Object.entries(this.stored)) {
      if (this.updated.has(absolute)) continue;
      if (existsSync(absolute)) files[absolute] = entry;
      else this.dirty = true;
    }
    for (const [absolute, entry] of this.updated) if (entry) files[absolute] = entry;
    if (this.foreign) return `${this.path} is not an mcp-hygiene cache, so it was left as it is and the scan ran without a cache: delete it or choose another --cache-location.`;
    if (!this.dirty) return undefined;
    const content: CacheFile = { tool: 'mcp-hygiene', cacheFormat: CACHE_FORMAT, key: this.key, files };
    const temporary = `${this.path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileSync(temporary, JSON.stringify(content));
      renameSync(temporary, this.path);
    } catch (error) {
      try {
        unlinkSync(temporary);
      } catch {
        // never created
      }
      return `Cannot write the cache ${this.path} (${(error as NodeJS.ErrnoException).code ?? String(error)}); the scan ran without it.`;
    }
    this.dirty = false;
    return undefined;
  }
}

/** The finding as stored: plain data, fix titles without their edits. */
export function toCachedFinding(finding: Finding): CachedFinding {
  const { start, end } = finding.range;
  return {
    ruleId: finding.ruleId,
    category: finding.category,
    severity: finding.severity,
    range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } },
    server: finding.server,
    message: finding.message,
    // Not `edits`: reading them computes deferred edits, and they hold document text.
    fixes: finding.fixes.map((fix) => ({ title: fix.title, safe: fix.safe })),
  };
}

/** How every cache file starts (JSON.stringify keeps the key order of CacheFile). */
const CACHE_PREFIX = '{"tool":"mcp-hygiene"';

/** A cache that is not a regular file (a FIFO committed to the repository) counts as absent. */
function readIfPresent(path: string): string | undefined {
  try {
    return readRegularTextFile(path, ABSOLUTE_MAX_READ_BYTES);
  } catch {
    return undefined;
  }
}

function parseCacheFile(text: string): CacheFile | undefined {
  try {
    const data = JSON.parse(text) as Partial<CacheFile> | null;
    if (data?.tool !== 'mcp-hygiene' || data.cacheFormat !== CACHE_FORMAT || typeof data.key !== 'string') return undefined;
    if (!data.files || typeof data.files !== 'object' || Array.isArray(data.files)) return undefined;
    return data as CacheFile;
  } catch {
    return undefined;
  }
}

/** Checked on use, so a damaged entry is linted again rather than crashing a formatter. */
function isEntry(entry: unknown): entry is CacheEntry {
  const e = entry as Record<string, unknown>;
  if (typeof e !== 'object' || e === null || typeof e.hash !== 'string') return false;
  if (typeof e.skip === 'string') return true;
  if (typeof e.dialect !== 'string' || !Array.isArray(e.findings)) return false;
  if (e.fingerprints !== undefined) {
    const fp = e.fingerprints as Record<string, unknown>;
    if (typeof fp !== 'object' || fp === null || typeof fp.relativeFile !== 'string' || !Array.isArray(fp.values)) return false;
    if (fp.values.length !== e.findings.length || !fp.values.every((v) => typeof v === 'string')) return false;
  }
  return e.findings.every(isFinding);
}

function isFinding(value: unknown): boolean {
  const f = value as Record<string, unknown>;
  if (typeof f !== 'object' || f === null) return false;
  const range = f.range as { start?: Record<string, unknown>; end?: Record<string, unknown> } | undefined;
  const isPosition = (p: Record<string, unknown> | undefined) => typeof p?.line === 'number' && typeof p.character === 'number';
  return (
    typeof f.ruleId === 'string' &&
    typeof f.category === 'string' &&
    SEVERITIES.includes(f.severity as Severity) &&
    typeof f.message === 'string' &&
    (f.server === null || typeof f.server === 'string') &&
    isPosition(range?.start) &&
    isPosition(range?.end) &&
    Array.isArray(f.fixes) &&
    f.fixes.every((fix: { title?: unknown; safe?: unknown } | null) => typeof fix?.title === 'string' && typeof fix.safe === 'boolean')
  );
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
