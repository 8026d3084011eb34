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

/** One entry of `mcpHygiene.suppressions` / `.mcp-hygiene.json` `suppressions`. */
export const suppressionSchema = z.object({
  /** Glob of the file(s), relative to the workspace folder (`**` / `*`), or an absolute path. */
  file: z.string().check(z.minLength(1), z.maxLength(MAX_GLOB_LENGTH)),
  /** Rule id, or `*` for every rule. */
  rule: z.string().check(z.minLength(1)),
  /** Only findings about this server entry. */
  server: z.optional(z.string()),
  /** Why it is acceptable; required so a reviewer can judge it. */
  reason: z._default(z.string(), ''),
});
export type SuppressionEntry = z.infer<typeof suppressionSchema>;

export const settingsSchema = z.object({
  /** Master switch for diagnostics. */
  enable: z._default(z.boolean(), true),
  /** Per-rule override: `{ "npx-unpinned": "off" }`. Unknown ids are reported, not fatal. */
  rules: z._default(z.record(z.string(), z.enum(RULE_LEVELS)), {}),
  /** Glob patterns (relative to the workspace) of files never linted. */
  ignoredPaths: z._default(z.array(glob()).check(z.maxLength(MAX_GLOB_COUNT)), []),
  /**
   * Glob patterns of files at paths no client reads that are still MCP configs (templates,
   * a tool's own file): linted as generic configs by the editor, the workspace scan and the
   * CLI's folder walk. Same glob dialect as ignoredPaths.
   */
  additionalFiles: z._default(z.array(glob()).check(z.maxLength(MAX_GLOB_COUNT)), []),
  /** Package names (npm/PyPI/image) the team has vetted; supply-chain rules skip them. */
  trustedPackages: z._default(z.array(z.string()), []),
  /** Remote hosts the team trusts (for transport rules). */
  trustedHosts: z._default(z.array(z.string()), []),
  /** Publishers the team trusts: npm scopes (`@acme`) and image namespaces (`ghcr.io/acme`); their packages count as trusted. */
  trustedPublishers: z._default(z.array(z.string()), []),
  /** Package registries / indexes the team runs (host or URL); custom-registry rules do not report them. */
  trustedRegistries: z._default(z.array(z.string()), []),
  /** Path (absolute, or relative to the workspace folder) of an organisation policy file; empty = no policy. */
  policyFile: z._default(z.string(), ''),
  /** Suppressions for files that cannot hold comments (strict JSON): `{ file, rule, server?, reason }`. */
  suppressions: z._default(z.array(suppressionSchema).check(z.maxLength(MAX_GLOB_COUNT)), []),
  /** Allow registry lookups (e.g. resolving a version to pin to). Off: fully offline. */
  network: z._default(z.boolean(), false),
  /** npm registry for "pin to the latest safe version" lookups; empty = .npmrc, else https://registry.npmjs.org. */
  npmRegistry: z._default(z.string(), ''),
  /** Python index for pin lookups; empty = UV_INDEX_URL / PIP_INDEX_URL, else https://pypi.org (JSON API). */
  pythonIndex: z._default(z.string(), ''),
  /** Registry for container images named without a host; empty = Docker Hub. */
  containerRegistry: z._default(z.string(), ''),
  /** Milliseconds one registry lookup may take before it is abandoned. */
  networkTimeout: z._default(z.number().check(z.int(), z.positive()), 5000),
  /** Files larger than this many bytes are skipped with one information diagnostic. */
  maxFileSize: z._default(z.number().check(z.int(), z.positive(), z.maximum(MAX_FILE_SIZE_LIMIT)), 5_000_000),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

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
  const shape = settingsSchema.shape as Record<string, z.ZodMiniType>;
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
