import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseSettings, settingsSchema, type Settings } from '../common/settings';
import { parsePolicy, type Policy } from '../common/policy';
import { ruleById } from '../rules';
import type { CliOptions } from './args';
import { UsageError } from './args';
import { readRegularTextFile, UnreadableFileError } from '../host/readRegularFile';
import { MAX_NESTING_DEPTH, nestingLimitOffset } from '../parse/nesting';

export const DEFAULT_CONFIG_FILE = '.mcp-hygiene.json';

/** Settings and policy files are a few KB; anything near this is not one (and would cost memory to parse). */
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;

export interface LoadedSettings {
  settings: Settings;
  /** Where the settings came from, or undefined for the defaults. */
  configFile?: string;
  /** Warnings for the user (invalid values, unknown keys or rule ids): never fatal. */
  problems: string[];
}

/**
 * Settings for this run: the --config file (or ./.mcp-hygiene.json), validated key by key by
 * the extension's own parseSettings, then --rule and --network on top. The file uses the
 * extension's setting names without the `mcpHygiene.` prefix (the prefix is accepted too).
 * A named --config that is missing or not JSON is a usage error; a bad value is a warning.
 */
export function loadSettings(options: CliOptions, cwd: string): LoadedSettings {
  const explicit = options.config !== undefined;
  const candidate = resolve(cwd, options.config ?? DEFAULT_CONFIG_FILE);
  return loadSettingsFile(explicit || existsSync(candidate) ? candidate : undefined, options.config ?? DEFAULT_CONFIG_FILE, options);
}

/** One settings file (or none: the defaults) with --rule and --network on top. */
function loadSettingsFile(configFile: string | undefined, displayName: string, options: CliOptions): LoadedSettings {
  const problems: string[] = [];
  let raw: Record<string, unknown> = {};
  if (configFile !== undefined) {
    let text: string;
    try {
      text = readRegularTextFile(configFile, MAX_SETTINGS_FILE_BYTES);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      throw new UsageError(`Cannot read the settings file ${displayName}: ${error.message}.`);
    }
    const parsedFile = parseSettingsFileText(text, displayName);
    if (parsedFile.error) throw new UsageError(parsedFile.error);
    raw = parsedFile.raw;
    problems.push(...parsedFile.problems);
  }
  const parsed = parseSettings(raw);
  problems.push(...parsed.problems);
  const settings: Settings = { ...parsed.settings, rules: { ...parsed.settings.rules } };
  for (const id of Object.keys(settings.rules)) {
    if (!ruleById(id)) problems.push(`Unknown rule "${id}" in the settings' rules; it is ignored.`);
  }
  for (const { id, level } of options.rules) {
    if (!ruleById(id)) throw new UsageError(`Unknown rule "${id}" in --rule. Run "mcp-hygiene --list-rules" for the ids.`);
    settings.rules[id] = level;
  }
  if (options.network) settings.network = true;
  return { settings, configFile, problems };
}

/** The settings one file is linted with, and the policy its settings name. */
export interface FileConfig extends LoadedSettings {
  policy?: Policy;
}

/**
 * Which `.mcp-hygiene.json` applies to each scanned file, as ruff finds its settings: the
 * nearest one walking up from the file's folder, stopping after the folder that holds `.git`
 * (a repository's settings never leak into another) or at the file-system root. `--config`
 * applies to every file instead. A file in a repository without one gets the defaults; a file
 * in no repository and with none above it (a user-level config in the home folder) gets the
 * working directory's, as before per-folder settings existed. Each folder is looked at
 * and each settings file read once per run; a settings file's `policyFile` is relative to
 * the folder holding it (for `--config`, to the working directory, as before).
 */
export class SettingsResolver {
  /** Per folder: its nearest settings, null = none up to a repository root (the defaults), undefined = none up to the file-system root. */
  private readonly byFolder = new Map<string, FileConfig | null | undefined>();
  private readonly byFile = new Map<string, FileConfig>();
  readonly base: FileConfig;
  private defaults?: FileConfig;

  constructor(
    private readonly options: CliOptions,
    cwd: string,
  ) {
    const loaded = loadSettings(options, cwd);
    this.base = this.withPolicy(loaded, cwd);
    if (loaded.configFile) this.byFile.set(loaded.configFile, this.base);
  }

  /** The settings of the file at this absolute path. */
  forFile(absolute: string): FileConfig {
    if (this.options.config !== undefined) return this.base;
    const found = this.nearest(dirname(absolute));
    if (found === null) return (this.defaults ??= loadSettingsFile(undefined, '', this.options));
    return found ?? this.base;
  }

  /** Every settings file used so far (the base first), for the cache key and the notices. */
  used(): FileConfig[] {
    return [this.base, ...[...this.byFile.values()].filter((config) => config !== this.base)];
  }

  private nearest(folder: string): FileConfig | null | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const candidate = join(folder, DEFAULT_CONFIG_FILE);
    let found: FileConfig | null | undefined;
    if (existsSync(candidate)) {
      found = this.byFile.get(candidate);
      if (!found) {
        found = this.withPolicy(loadSettingsFile(candidate, candidate, this.options), folder);
        this.byFile.set(candidate, found);
      }
    } else {
      const parent = dirname(folder);
      found = existsSync(join(folder, '.git')) ? null : parent === folder ? undefined : this.nearest(parent);
    }
    this.byFolder.set(folder, found);
    return found;
  }

  private withPolicy(loaded: LoadedSettings, folder: string): FileConfig {
    if (!loaded.settings.policyFile) return loaded;
    const policy = loadPolicyFile(resolve(folder, loaded.settings.policyFile));
    return { ...loaded, problems: [...loaded.problems, ...policy.problems], ...(policy.policy ? { policy: policy.policy } : {}) };
  }
}

/**
 * The text of a `.mcp-hygiene.json` (or --config) file as raw settings: JSONC, keys with or
 * without the `mcpHygiene.` prefix, unknown keys reported. Shared by the CLI and the
 * language server (which reads the workspace root's file). `error` = not usable at all.
 */
export function parseSettingsFileText(text: string, displayName: string): { raw: Record<string, unknown>; problems: string[]; error?: string } {
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  const parsed = parseJsoncBounded(text);
  const value = parsed.value;
  if (parsed.error !== undefined || !value || typeof value !== 'object' || Array.isArray(value)) {
    return { raw, problems, error: `The settings file ${displayName} is not valid: ${parsed.error ?? 'expected a JSON object'}.` };
  }
  const known = new Set(Object.keys(settingsSchema.shape));
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    const name = key.startsWith('mcpHygiene.') ? key.slice('mcpHygiene.'.length) : key;
    if (name === '$schema') continue;
    if (!known.has(name)) problems.push(`Unknown setting "${key}" in ${displayName}; it is ignored.`);
    else raw[name] = entry;
  }
  return { raw, problems };
}

/**
 * Reads an organisation policy file (`policyFile`, JSON or JSONC). Never throws: a missing or
 * invalid file gives no policy and one problem. Shared by the CLI and the language server.
 */
export function loadPolicyFile(path: string): { policy: Policy | undefined; problems: string[] } {
  let text: string;
  try {
    text = readRegularTextFile(path, MAX_SETTINGS_FILE_BYTES);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return { policy: undefined, problems: [`Cannot read the policy file ${path}: ${error.message}. No policy is applied.`] };
  }
  const { value, error } = parseJsoncBounded(text);
  if (error !== undefined) return { policy: undefined, problems: [`The policy file ${path} is not valid JSON (${error}). No policy is applied.`] };
  return parsePolicy(value);
}

/**
 * JSONC as settings and policy files are written (BOM, comments, trailing commas). Nesting
 * is checked first in one flat pass: jsonc-parser recurses per level and a 100 000-deep file
 * would overflow the stack.
 */
function parseJsoncBounded(text: string): { value: unknown; error?: string } {
  const body = text.replace(/^\uFEFF/, '');
  const tooDeep = nestingLimitOffset(body, 'json', MAX_NESTING_DEPTH);
  if (tooDeep >= 0) return { value: undefined, error: `nested deeper than ${MAX_NESTING_DEPTH} levels at offset ${tooDeep}` };
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(body, errors, { allowTrailingComma: true });
  if (errors.length > 0) return { value, error: `${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset}` };
  return { value };
}
