import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseSettings, type Settings } from '../common/settings';
import type { Policy } from '../common/policy';
import { ruleById } from '../rules';
import type { CliOptions } from './args';
import { UsageError } from '../host/usageError';
import { readRegularTextFile, UnreadableFileError } from '../host/readRegularFile';
import { DEFAULT_CONFIG_FILE, loadPolicyFile, MAX_SETTINGS_FILE_BYTES, parseSettingsFileText } from '../host/settingsFile';

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
