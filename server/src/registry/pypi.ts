import { normalizePythonName } from '../common/pythonName';
import { parsePep440 } from '../common/pep440';
import { chooseSafeVersion, type AdvisorySource, type Candidate } from './safeVersion';
import { displayUrl, getJson, RegistryError, type HttpOptions } from './http';

export const PYPI_PUBLIC = 'https://pypi.org';

/**
 * Where to ask about a Python package: the launch's own `--index-url` / `--default-index`,
 * else UV_INDEX_URL / UV_DEFAULT_INDEX / PIP_INDEX_URL (simple-API URLs, as uv and pip read
 * them), else the `mcpHygiene.pythonIndex` setting, else PyPI's JSON API.
 * `api: 'json'` = PyPI's `/pypi/<name>/json`; `simple` = the simple repository API (PEP 691 JSON).
 */
export function pythonIndexFor(context: { explicit?: string; setting?: string; env?: Record<string, string | undefined> }): {
  url: string;
  api: 'json' | 'simple';
} {
  const env = context.env ?? process.env;
  const simpleIndex = (context.explicit || env.UV_DEFAULT_INDEX || env.UV_INDEX_URL || env.PIP_INDEX_URL || '').trim().replace(/\/+$/, '');
  const chosen = simpleIndex || (context.setting ?? '').trim().replace(/\/+$/, '') || PYPI_PUBLIC;
  // PyPI itself, however it is written, is asked through its JSON API.
  if (/^https:\/\/pypi\.org(?:\/pypi|\/simple)?$/i.test(chosen)) return { url: PYPI_PUBLIC, api: 'json' };
  // Index URLs from the launch or the environment are simple-API URLs by definition; the
  // setting is a JSON-API root (like https://pypi.org) unless it ends in /simple.
  return { url: chosen, api: simpleIndex || /\/simple$/i.test(chosen) ? 'simple' : 'json' };
}

interface PypiJson {
  info?: { version?: string };
  releases?: Record<string, Array<{ yanked?: boolean }>>;
}

interface SimpleJson {
  versions?: string[];
  files?: Array<{ filename?: string; yanked?: boolean | string }>;
}

/** Newest final, un-yanked release outside every advisory. */
export async function latestSafePythonVersion(
  name: string,
  index: { url: string; api: 'json' | 'simple' },
  advisories: AdvisorySource,
  http: HttpOptions,
): Promise<{ version: string; registry: string; note?: string }> {
  const normalized = normalizePythonName(name);
  const where = displayUrl(index.url);
  const what = { notFound: `Package "${name}" was not found in ${where}.`, registry: where };
  let candidates: Candidate[];
  if (index.api === 'json') {
    const body = (await getJson(`${index.url}/pypi/${encodeURIComponent(normalized)}/json`, http, what)) as PypiJson;
    if (!body || typeof body !== 'object' || !body.releases || typeof body.releases !== 'object') {
      throw new RegistryError(`${where} answered for "${name}" without a releases list (not the PyPI JSON API?).`, 'malformed');
    }
    candidates = Object.entries(body.releases).map(([version, files]) => {
      const list = Array.isArray(files) ? files : [];
      return { version, ...(list.length === 0 || list.every((f) => f && f.yanked) ? { withdrawn: 'yanked' } : {}) };
    });
  } else {
    const body = (await getJson(
      `${index.url}/${encodeURIComponent(normalized)}/`,
      { ...http, headers: { accept: 'application/vnd.pypi.simple.v1+json' } },
      what,
    )) as SimpleJson;
    if (!body || typeof body !== 'object' || !Array.isArray(body.files)) {
      throw new RegistryError(`${where} did not answer with the simple API's JSON form (PEP 691) for "${name}".`, 'malformed');
    }
    const byVersion = new Map<string, boolean[]>();
    for (const file of body.files) {
      const version = file && typeof file.filename === 'string' ? versionFromFilename(file.filename, normalized) : undefined;
      if (!version) continue;
      const list = byVersion.get(version) ?? [];
      list.push(!!file.yanked);
      byVersion.set(version, list);
    }
    for (const version of body.versions ?? []) if (!byVersion.has(version)) byVersion.set(version, []);
    candidates = [...byVersion].map(([version, yanked]) => ({ version, ...(yanked.length === 0 || yanked.every(Boolean) ? { withdrawn: 'yanked' } : {}) }));
  }
  candidates = candidates.filter((c) => parsePep440(c.version));
  const choice = chooseSafeVersion('PyPI', candidates, advisories('PyPI', name));
  if (!choice)
    throw new RegistryError(
      `No release of "${name}" in ${where} is safe to pin: every release is a pre-release, yanked or inside a known advisory.`,
      'no-safe-version',
    );
  const note = choice.skipped.length ? `skipped ${choice.skipped.map((s) => `${s.version} (${s.why})`).join(', ')}` : undefined;
  return { version: choice.version, registry: where, ...(note ? { note } : {}) };
}

/** `pkg_name-1.2.3.tar.gz`, `pkg_name-1.2.3-py3-none-any.whl` -> `1.2.3`. */
function versionFromFilename(filename: string, normalized: string): string | undefined {
  const wheel = /^([^-]+)-([^-]+)-.*\.whl$/i.exec(filename);
  const sdist = /^(.+)-([^-]+)\.(?:tar\.gz|zip|tar\.bz2)$/i.exec(filename);
  const match = wheel ?? sdist;
  if (!match || normalizePythonName(match[1]) !== normalized) return undefined;
  return match[2];
}
