import type { PinTarget } from '../launch/pinnable';
import type { Settings } from '../common/settings';
import { npmRegistryFor, latestSafeNpmVersion } from './npm';
import { pythonIndexFor, latestSafePythonVersion } from './pypi';
import { imageLocation, resolveImageDigest } from './oci';
import { RegistryError, type HttpOptions } from './http';
import { shippedAdvisories, type AdvisorySource } from './safeVersion';

/**
 * Registry lookups behind "Pin to the latest safe version". Not part of the engine: this does
 * network I/O (and reads `.npmrc` registry lines); the engine only describes the targets
 * (launch/pinnable.ts). Callers must check `settings.network` and workspace trust first —
 * `lookupPinVersion` refuses when network is off, as a second guard.
 */
export { RegistryError } from './http';
export type { AdvisorySource } from './safeVersion';

export interface LookupContext {
  settings: Pick<Settings, 'network' | 'npmRegistry' | 'pythonIndex' | 'containerRegistry' | 'networkTimeout'>;
  /** The config file's path (for the project `.npmrc`). */
  configFile?: string;
  workspaceFolder?: string;
  env?: Record<string, string | undefined>;
  /** Home folder for `~/.npmrc` (tests). */
  home?: string;
  /** Advisory list (default: the shipped one). */
  advisories?: AdvisorySource;
  signal?: AbortSignal;
  /** Overrides settings.networkTimeout (tests). */
  timeoutMs?: number;
}

export interface LookupResult {
  /** npm / PyPI version, or the image's `sha256:` digest. */
  version: string;
  /** Which registry answered (display form, no credentials). */
  registry: string;
  /** What was skipped and why, for the user. */
  note?: string;
}

export async function lookupPinVersion(target: Pick<PinTarget, 'kind' | 'name' | 'registry' | 'tag'>, context: LookupContext): Promise<LookupResult> {
  if (!context.settings.network) throw new RegistryError('Network lookups are off (mcpHygiene.network).', 'unreachable');
  const http: HttpOptions = {
    timeoutMs: context.timeoutMs ?? context.settings.networkTimeout,
    ...(context.signal ? { signal: context.signal } : {}),
    ...(context.env ? { env: context.env } : {}),
  };
  const advisories = context.advisories ?? shippedAdvisories;
  switch (target.kind) {
    case 'npm': {
      const registry = npmRegistryFor(target.name, {
        ...(target.registry ? { explicit: target.registry } : {}),
        setting: context.settings.npmRegistry,
        ...(context.configFile ? { configFile: context.configFile } : {}),
        ...(context.workspaceFolder ? { workspaceFolder: context.workspaceFolder } : {}),
        ...(context.home ? { home: context.home } : {}),
        ...(context.env ? { env: context.env } : {}),
      });
      return latestSafeNpmVersion(target.name, registry, advisories, http);
    }
    case 'PyPI': {
      const index = pythonIndexFor({
        ...(target.registry ? { explicit: target.registry } : {}),
        setting: context.settings.pythonIndex,
        ...(context.env ? { env: context.env } : {}),
      });
      return latestSafePythonVersion(target.name, index, advisories, http);
    }
    case 'Docker': {
      const location = imageLocation(target.name, context.settings.containerRegistry || undefined);
      const { digest, registry } = await resolveImageDigest(target.name, target.tag ?? 'latest', location, http);
      return { version: digest, registry };
    }
    case 'git':
      throw new RegistryError('Git sources are pinned to a commit id you enter: MCP Hygiene does not run git against remote hosts.', 'unreachable');
  }
}
