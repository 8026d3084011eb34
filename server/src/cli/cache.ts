import { existsSync, mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { ABSOLUTE_MAX_READ_BYTES, readRegularTextFile } from '../host/readRegularFile';
import { dirname, join, resolve } from 'node:path';
import { CATEGORIES, SEVERITIES, type Finding, type Fix } from '../core/types';
import type { Policy } from '../common/policy';
import type { Settings } from '../common/settings';
import * as z from '../common/zod';
import { RULES } from '../rules';
import { DIALECTS } from '../dialects';
import { packageVersion } from './io';
import { sha256 } from '../common/lazyCrypto';
import { ownValue } from '../core/lookupTable';

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
 * source text or settings values. Per file, the content is kept as its SHA-256 only: a
 * 32-bit hash let a crafted file of the same length and hash be reported with the clean
 * result of the file it replaced.
 *
 * The cache file sits in the repository's folder, so it is input like any other: every
 * entry is checked against a schema (known rule and dialect ids, non-negative positions,
 * no control characters) and one invalid entry drops the whole file.
 */
export const DEFAULT_CACHE_FILE = '.mcp-hygiene-cache';

/** Bump when the stored shape changes: an older file is then ignored and replaced. */
const CACHE_FORMAT = 2;

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

/** SHA-256 of a file's text: no other text can be crafted to share it. */
export function contentHash(text: string): string {
  return sha256(text);
}

/**
 * The global key: everything besides a file's own text and path that changes its findings.
 * Settings and the policy enter as hashes only (a registry URL in the settings may hold a
 * credential). The bundle's size and mtime stand for the engine's code, so a rebuilt
 * dist/cli.js never serves findings of the previous build (under tsx this is the size and
 * mtime of this source file only).
 */
/** Everything besides a file's text that its findings depend on; `configs`: every settings file (and policy) of the run. */
export function cacheKey(configs: ReadonlyArray<{ settings: Settings; policy?: Policy }>): string {
  let engine: string;
  try {
    const stat = statSync(__filename);
    engine = `${stat.size}-${stat.mtimeMs}`;
  } catch {
    // The running code cannot be identified: a key no other run has, so nothing is reused.
    engine = `unknown-${process.pid}-${Date.now()}-${Math.random()}`;
  }
  return [
    `mcp-hygiene ${packageVersion()}`,
    `engine ${engine}`,
    `node ${process.version}`,
    `settings ${sha256(JSON.stringify(configs.map((c) => [c.settings, c.policy ?? null])))}`,
  ].join('; ');
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
    // Missing, damaged (any invalid entry), older format or another key: start empty and write it anew.
    this.stored = previous?.key === key ? previous.files : {};
    this.dirty = previous?.key !== key;
  }

  /** The file at the location is not a cache of ours: it is left alone and nothing is cached. */
  private readonly foreign: boolean;

  /** The stored result for this file, whatever its content now: what a scan worker is given to look up in. */
  storedEntry(absolute: string): CacheEntry | undefined {
    return ownValue(this.stored, absolute);
  }

  /** The stored result for this file when its content is unchanged, else undefined. */
  lookup(absolute: string, hash: string): CacheEntry | undefined {
    const entry = this.storedEntry(absolute);
    if (!entry || entry.hash !== hash) return undefined;
    this.updated.set(absolute, entry);
    return entry;
  }

  /** Stores the result, unless it would not pass the schema when read back (a server name with control characters): that file is linted next time. */
  remember(absolute: string, entry: CacheEntry): void {
    if (!cacheSchemas().entry.safeParse(entry).success) return this.forget(absolute);
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
    if (this.foreign)
      return `${this.path} is not an mcp-hygiene cache, so it was left as it is and the scan ran without a cache: delete it or choose another --cache-location.`;
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

/** No control characters (an edited cache could plant terminal escapes in a message). */
const text = () => z.string().check(z.refine((value) => !/[\u0000-\u001f\u007f-\u009f]/.test(value)));
const count = () => z.number().check(z.int(), z.minimum(0));

/**
 * The cache file's schema, built on first use: only a run with --cache reads one, and
 * zod's schema objects cost every other run start-up time.
 */
let builtCacheSchemas: { entry: z.ZodMiniType; file: z.ZodMiniType } | undefined;
const cacheSchemas = () => (builtCacheSchemas ??= buildCacheSchemas());

function buildCacheSchemas(): { entry: z.ZodMiniType; file: z.ZodMiniType } {
  const position = z.object({ line: count(), character: count() });
  const isKnown = (ids: ReadonlySet<string>) => z.string().check(z.refine((id) => ids.has(id)));
  const sha256Hex = () => z.string().check(z.regex(/^[0-9a-f]{64}$/));

  const finding = z.object({
    ruleId: isKnown(new Set(RULES.map((rule) => rule.id))),
    category: z.enum(CATEGORIES),
    severity: z.enum(SEVERITIES),
    range: z
      .object({ start: position, end: position })
      .check(z.refine(({ start, end }) => start.line < end.line || (start.line === end.line && start.character <= end.character))),
    server: z.union([text(), z.null()]),
    message: text(),
    fixes: z.array(z.object({ title: text(), safe: z.boolean() })),
  });

  const entry = z.union([
    z
      .object({
        hash: sha256Hex(),
        dialect: isKnown(new Set(DIALECTS.map((dialect) => dialect.id))),
        findings: z.array(finding),
        fingerprints: z.optional(z.object({ relativeFile: text(), values: z.array(sha256Hex()) })),
      })
      .check(z.refine((entry) => !entry.fingerprints || entry.fingerprints.values.length === entry.findings.length)),
    z.object({ hash: sha256Hex(), skip: text() }),
  ]);

  const file = z.object({
    tool: z.literal('mcp-hygiene'),
    cacheFormat: z.literal(CACHE_FORMAT),
    key: z.string(),
    files: z.record(z.string(), entry),
  });
  return { entry, file };
}

/** The cache file when every entry is valid, else undefined (the whole file is dropped). */
function parseCacheFile(text: string): CacheFile | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = cacheSchemas().file.safeParse(data);
  return parsed.success ? (parsed.data as CacheFile) : undefined;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
