/**
 * Which documents the language client hands to the server. Kept free of any runtime `vscode`
 * import so a unit test (test/unit/clientSelectors.test.ts) can check it against the
 * server's dialect registry without an extension host.
 */

/**
 * The config file globs of every dialect: a generated copy of `configFileGlobs()` from
 * server/src/dialects (the client bundle does not pull in the engine). Regenerate with
 * `node --import tsx scripts/vscode/syncGlobs.ts`; a unit test fails when it drifts.
 */
export { CONFIG_FILE_GLOBS } from './configFileGlobs';
import { CONFIG_FILE_GLOBS } from './configFileGlobs';
import { MCP_NAMED_GLOBS } from '../../server/src/common/protocol';

/**
 * URI schemes whose documents may be config files: files on disk, unsaved editors
 * (`untitled:` documents can carry a path, e.g. a new `.vscode/mcp.json`) and
 * `vscode-userdata:`, the scheme VS Code uses for the user-profile `mcp.json`.
 */
export const DOCUMENT_SCHEMES = ['file', 'untitled', 'vscode-userdata'] as const;

/** Structurally the same as vscode-languageclient's `DocumentFilter` (a subset). */
export interface ConfigDocumentFilter {
  scheme: string;
  pattern?: string;
  language?: string;
}

/**
 * One filter per (scheme, glob) without a language, so the file is linted whatever
 * language id it has (json, jsonc, and toml/yaml once dialects for those exist); plus
 * json/jsonc editors that are untitled and have no path yet: the server decides those by
 * content (a `servers` / `mcpServers` root key).
 */
export function configDocumentSelector(
  globs: readonly string[] = CONFIG_FILE_GLOBS,
  additionalFiles: readonly string[] = [],
  mcpNamed = true,
): ConfigDocumentFilter[] {
  const filters: ConfigDocumentFilter[] = [];
  for (const scheme of DOCUMENT_SCHEMES) {
    for (const pattern of globs) filters.push({ scheme, pattern });
  }
  // Files named like MCP configs are sent too; the server lints them only when their content is one.
  for (const pattern of [...(mcpNamed ? MCP_NAMED_GLOBS : []), ...additionalFiles]) filters.push({ scheme: 'file', pattern });
  for (const language of ['json', 'jsonc']) filters.push({ scheme: 'untitled', language });
  return filters;
}

/**
 * `mcpHygiene.additionalFiles` globs as document-filter patterns, which VS Code matches
 * against the whole path: as the server reads them (core/glob.ts), a glob with a `/` is
 * relative to each workspace folder, one without matches that name in any folder, and an
 * absolute one stays as it is.
 */
export function additionalFilePatterns(globs: readonly string[], workspaceFolders: readonly string[]): string[] {
  const patterns: string[] = [];
  for (const raw of globs) {
    const glob = raw.trim().replace(/\\/g, '/');
    if (!glob) continue;
    if (glob.startsWith('/') || /^[a-zA-Z]:\//.test(glob)) patterns.push(glob);
    else if (!glob.includes('/')) patterns.push(`**/${glob}`);
    else for (const folder of workspaceFolders) patterns.push(`${folder.replace(/\\/g, '/').replace(/\/+$/, '')}/${glob.replace(/^\.\//, '')}`);
  }
  return [...new Set(patterns)];
}
