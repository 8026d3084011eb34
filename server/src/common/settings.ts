import * as z from './zod';

/**
 * The one settings schema, shared by the language server, the CLI (`.mcp-hygiene.json`)
 * and a test that keeps package.json's `contributes.configuration` defaults equal to it.
 * Keys are the part after `mcpHygiene.` in VS Code settings.
 */
export const RULE_LEVELS = ['off', 'error', 'warning', 'information', 'hint'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/**
 * Upper bounds, so a hostile `.mcp-hygiene.json` cannot exhaust memory or a glob compiler.
 * MAX_FILE_SIZE_LIMIT equals the host layer's ABSOLUTE_MAX_READ_BYTES (a test keeps them
 * equal; common/ is imported by the client and stays free of file-system code).
 */
export const MAX_FILE_SIZE_LIMIT = 64 * 1024 * 1024;
/** Real globs are tens of characters; picomatch fails with an internal error on very long ones. */
export const MAX_GLOB_LENGTH = 1000;
export const MAX_GLOB_COUNT = 1000;

const glob = () => z.string().check(z.maxLength(MAX_GLOB_LENGTH));

/**
 * What every setting is when nobody set it; the schema below takes its defaults from here.
 * A literal rather than `schema.parse({})`: building the schema costs ~3 ms of zod at
 * start-up, which a CLI run without a settings file never needs.
 */
const DEFAULTS = {
  enable: true,
  rules: {},
  ignoredPaths: [],
  additionalFiles: [],
  trustedPackages: [],
  trustedHosts: [],
  trustedPublishers: [],
  trustedRegistries: [],
  policyFile: '',
  suppressions: [],
  network: false,
  npmRegistry: '',
  pythonIndex: '',
  containerRegistry: '',
  networkTimeout: 5000,
  maxFileSize: 5_000_000,
};

function buildSettingsSchema() {
  /** One entry of `mcpHygiene.suppressions` / `.mcp-hygiene.json` `suppressions`. */
  const suppression = z.object({
    /** Glob of the file(s), relative to the workspace folder (`**` / `*`), or an absolute path. */
    file: z.string().check(z.minLength(1), z.maxLength(MAX_GLOB_LENGTH)),
    /** Rule id, or `*` for every rule. */
    rule: z.string().check(z.minLength(1)),
    /** Only findings about this server entry. */
    server: z.optional(z.string()),
    /** Why it is acceptable; required so a reviewer can judge it. */
    reason: z._default(z.string(), ''),
  });
  return z.object({
    /** Master switch for diagnostics. */
    enable: z._default(z.boolean(), DEFAULTS.enable),
    /** Per-rule override: `{ "npx-unpinned": "off" }`. Unknown ids are reported, not fatal. */
    rules: z._default(z.record(z.string(), z.enum(RULE_LEVELS)), DEFAULTS.rules),
    /** Glob patterns (relative to the workspace) of files never linted. */
    ignoredPaths: z._default(z.array(glob()).check(z.maxLength(MAX_GLOB_COUNT)), DEFAULTS.ignoredPaths),
    /**
     * Glob patterns of files at paths no client reads that are still MCP configs (templates,
     * a tool's own file): linted as generic configs by the editor, the workspace scan and the
     * CLI's folder walk. Same glob dialect as ignoredPaths.
     */
    additionalFiles: z._default(z.array(glob()).check(z.maxLength(MAX_GLOB_COUNT)), DEFAULTS.additionalFiles),
    /** Package names (npm/PyPI/image) the team has vetted; supply-chain rules skip them. */
    trustedPackages: z._default(z.array(z.string()), DEFAULTS.trustedPackages),
    /** Remote hosts the team trusts (for transport rules). */
    trustedHosts: z._default(z.array(z.string()), DEFAULTS.trustedHosts),
    /** Publishers the team trusts: npm scopes (`@acme`) and image namespaces (`ghcr.io/acme`); their packages count as trusted. */
    trustedPublishers: z._default(z.array(z.string()), DEFAULTS.trustedPublishers),
    /** Package registries / indexes the team runs (host or URL); custom-registry rules do not report them. */
    trustedRegistries: z._default(z.array(z.string()), DEFAULTS.trustedRegistries),
    /** Path (absolute, or relative to the workspace folder) of an organisation policy file; empty = no policy. */
    policyFile: z._default(z.string(), DEFAULTS.policyFile),
    /** Suppressions for files that cannot hold comments (strict JSON): `{ file, rule, server?, reason }`. */
    suppressions: z._default(z.array(suppression).check(z.maxLength(MAX_GLOB_COUNT)), DEFAULTS.suppressions),
    /** Allow registry lookups (e.g. resolving a version to pin to). Off: fully offline. */
    network: z._default(z.boolean(), DEFAULTS.network),
    /** npm registry for "pin to the latest safe version" lookups; empty = .npmrc, else https://registry.npmjs.org. */
    npmRegistry: z._default(z.string(), DEFAULTS.npmRegistry),
    /** Python index for pin lookups; empty = UV_INDEX_URL / PIP_INDEX_URL, else https://pypi.org (JSON API). */
    pythonIndex: z._default(z.string(), DEFAULTS.pythonIndex),
    /** Registry for container images named without a host; empty = Docker Hub. */
    containerRegistry: z._default(z.string(), DEFAULTS.containerRegistry),
    /** Milliseconds one registry lookup may take before it is abandoned. */
    networkTimeout: z._default(z.number().check(z.int(), z.positive()), DEFAULTS.networkTimeout),
    /** Files larger than this many bytes are skipped with one information diagnostic. */
    maxFileSize: z._default(z.number().check(z.int(), z.positive(), z.maximum(MAX_FILE_SIZE_LIMIT)), DEFAULTS.maxFileSize),
  });
}

type SettingsSchema = ReturnType<typeof buildSettingsSchema>;
let builtSchema: SettingsSchema | undefined;

/** The schema, built on first use (a settings file, the editor's configuration). */
export function settingsSchema(): SettingsSchema {
  return (builtSchema ??= buildSettingsSchema());
}

export type Settings = z.infer<SettingsSchema>;
export type SuppressionEntry = Settings['suppressions'][number];

export const DEFAULT_SETTINGS: Settings = DEFAULTS;

export interface SettingsResult {
  settings: Settings;
  /** One human-readable warning per invalid key; that key falls back to its default. */
  problems: string[];
}

/**
 * Validates raw settings key by key, so one bad value costs only that key its value
 * (and produces one clear warning) instead of throwing the whole configuration away.
 */
export function parseSettings(raw: unknown): SettingsResult {
  const problems: string[] = [];
  const input = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (raw !== undefined && raw !== null && input !== raw) problems.push('mcpHygiene settings must be an object; using the defaults.');
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  // Nothing set (a CLI run without a settings file): no schema to build.
  if (!Object.keys(DEFAULTS).some((key) => input[key] !== undefined && input[key] !== null)) return { settings: settings as Settings, problems };
  const shape = settingsSchema().shape as Record<string, z.ZodMiniType>;
  for (const [key, schema] of Object.entries(shape)) {
    if (!(key in input) || input[key] === undefined || input[key] === null) continue;
    const result = schema.safeParse(input[key]);
    if (result.success) {
      settings[key] = result.data;
    } else {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? `mcpHygiene.${key}.${issue.path.join('.')}` : `mcpHygiene.${key}`;
      problems.push(`Invalid setting ${where}: ${issue?.message ?? 'invalid value'}. Using the default for mcpHygiene.${key}.`);
    }
  }
  return { settings: settings as Settings, problems };
}
