/**
 * Turns document URIs into the file paths the engine's dialect detection expects, and
 * matches `mcpHygiene.ignoredPaths` globs. Kept dependency-free (no vscode-uri) because
 * only `file:` URIs carry a meaningful path for us; other schemes keep their path part so
 * e.g. `untitled:` documents still get content-based detection.
 */

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

/** Forward slashes, no trailing slash. Case is kept: globs are matched case-insensitively. */
function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/\/+$/, '');
}

const globCache = new Map<string, RegExp>();

/** `**` = any number of segments, `*` = within a segment, `?` = one character; `{a,b}` alternatives. */
export function globToRegExp(glob: string): RegExp {
  let cached = globCache.get(glob);
  if (cached) return cached;
  let source = '';
  const pattern = normalize(glob.trim()).replace(/^\.\//, '');
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        const slashAfter = pattern[i + 2] === '/';
        source += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '{') {
      const end = pattern.indexOf('}', i);
      if (end === -1) {
        source += '\\{';
      } else {
        source += '(?:' + pattern.slice(i + 1, end).split(',').map(escape).join('|') + ')';
        i = end;
      }
    } else {
      source += escape(ch);
    }
  }
  cached = new RegExp('^' + source + '(?:/.*)?$', 'i');
  globCache.set(glob, cached);
  return cached;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether `filePath` matches one of the globs. Globs are relative to a workspace folder
 * (tried against the path relative to each folder containing it); a glob starting with
 * `**` or `/` is also tried against the absolute path.
 */
export function isIgnoredPath(filePath: string, globs: readonly string[], workspaceFolders: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const path = normalize(filePath);
  const candidates = [path];
  for (const folder of workspaceFolders) {
    const root = normalize(folder);
    if (root && path.toLowerCase().startsWith(root.toLowerCase() + '/')) candidates.push(path.slice(root.length + 1));
  }
  if (workspaceFolders.length === 0 && path.startsWith('/')) candidates.push(path.slice(1));
  return globs.some((glob) => {
    if (!glob.trim()) return false;
    const regex = globToRegExp(glob);
    return candidates.some((candidate) => regex.test(candidate));
  });
}
