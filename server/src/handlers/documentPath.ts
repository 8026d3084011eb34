/**
 * Turns document URIs into the file paths the engine's dialect detection expects, and
 * matches `mcpHygiene.ignoredPaths` globs. Kept dependency-free (no vscode-uri) because
 * only `file:` URIs carry a meaningful path for us; other schemes keep their path part so
 * e.g. `untitled:` documents still get content-based detection.
 */
import { compileGlob, isAbsoluteGlob, matchesIgnorePattern, normalizeSeparators } from '../core/glob';

/** The file-system-ish path of a URI: `file:///c%3A/x/mcp.json` -> `c:/x/mcp.json`. */
export function uriToPath(uri: string): string {
  const match = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)/.exec(uri);
  if (!match) return uri;
  let path = safeDecode(match[3] ?? '');
  const authority = match[2] ? safeDecode(match[2]) : '';
  // Windows drive letters: /c:/x -> c:/x.
  if (/^\/[a-zA-Z]:/.test(path)) path = path.slice(1);
  if (authority && match[1].toLowerCase() === 'file') path = `//${authority}${path}`;
  return path;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Whether `filePath` matches one of the `ignoredPaths` globs (syntax and meaning in
 * core/glob.ts, the same as the CLI's `--exclude`). A relative glob is matched against
 * the path relative to each workspace folder containing the file (outside every folder:
 * the path without its root); an absolute one against the whole path.
 */
export function isIgnoredPath(filePath: string, globs: readonly string[], workspaceFolders: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const path = normalizeSeparators(filePath);
  const relativePaths: string[] = [];
  for (const folder of workspaceFolders) {
    const root = normalizeSeparators(folder);
    if (root && path.toLowerCase().startsWith(root.toLowerCase() + '/')) relativePaths.push(path.slice(root.length + 1));
  }
  if (relativePaths.length === 0) relativePaths.push(path.replace(/^(?:[a-zA-Z]:)?\/+/, ''));
  return globs.some((glob) =>
    isAbsoluteGlob(glob)
      ? compileGlob(normalizeSeparators(glob.trim())).matches(path, { orParentFolder: true })
      : relativePaths.some((relative) => matchesIgnorePattern(glob, relative)),
  );
}
