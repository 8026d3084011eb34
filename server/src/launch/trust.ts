import type { Settings } from '../common/settings';
import { normalizePythonName } from '../common/pythonName';
import { publisherMatches } from '../common/policy';

/**
 * `settings.trustedPackages` entries match a package by exact name (`@acme/mcp`, `mcp-server-git`,
 * `ghcr.io/acme/mcp`), by scope or prefix with a trailing `*` (`@acme/*`, `ghcr.io/acme/*`),
 * case-insensitively, with PyPI names compared PEP 503-normalised. A version after the
 * name in the setting (`pkg@1.2.3`) is ignored: trust is per package.
 */
const compiled = new WeakMap<readonly string[], Array<(name: string) => boolean>>();

export function isTrustedPackage(settings: Settings, name: string): boolean {
  // trustedPublishers: npm scopes (`@acme`) and image namespaces (`ghcr.io/acme`).
  if (settings.trustedPublishers?.some((publisher) => publisherMatches(publisher, name))) return true;
  const list = settings.trustedPackages;
  if (list.length === 0) return false;
  let matchers = compiled.get(list);
  if (!matchers) {
    matchers = list.map((entry) => {
      const lower = entry.trim().toLowerCase();
      // The version after the first '@' past the last '/' (not a leading '@scope'); found with
      // indexOf, because `(?<=.)@[^/]*$` re-read the rest from every '@'.
      const version = lower.indexOf('@', Math.max(1, lower.lastIndexOf('/') + 1));
      const raw = version < 0 ? lower : lower.slice(0, version);
      if (raw.endsWith('*')) {
        const prefix = raw.slice(0, -1);
        return (candidate: string) => candidate.toLowerCase().startsWith(prefix);
      }
      const python = normalizePythonName(raw);
      return (candidate: string) => candidate.toLowerCase() === raw || normalizePythonName(candidate) === python;
    });
    compiled.set(list, matchers);
  }
  return matchers.some((match) => match(name));
}
