import { semver } from './lazySemver';
import { parsePep440 } from './pep440';

/**
 * Validation of a version typed into "Pin to a version…", shared by the client's input box
 * and the server (which re-checks before writing). Pure and small: the client bundle
 * imports it. npm: a semver version; PyPI: a PEP 440 version without wildcards or
 * operators; Docker: a `sha256:` digest; git: a full commit id.
 */
export type PinKind = 'npm' | 'PyPI' | 'Docker' | 'git';

export function pinVersionProblem(kind: PinKind, version: string): string | undefined {
  const text = version.trim();
  if (text === '') return 'Enter a version.';
  switch (kind) {
    case 'npm':
      return semver().valid(text.replace(/^[=v]+/, '')) ? undefined : `"${text}" is not an exact npm version (for example 1.2.3 or 2.0.0-beta.1).`;
    case 'PyPI':
      return !/[*,<>=~!\s]/.test(text) && parsePep440(text) ? undefined : `"${text}" is not an exact Python version (for example 1.2.3 or 2.0rc1).`;
    case 'Docker':
      return /^sha256:[0-9a-f]{64}$/i.test(text)
        ? undefined
        : `"${text}" is not an image digest: expected sha256: followed by 64 hex digits (docker buildx imagetools inspect shows it).`;
    case 'git':
      return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(text)
        ? undefined
        : `"${text}" is not a full commit id: expected 40 (or 64) hex digits (git rev-parse <ref> shows it).`;
  }
}
