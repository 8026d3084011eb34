import type { Dialect } from '../../../server/src/core/dialect';

/**
 * A concrete file path for a glob: `**\/` becomes a project folder, `*` a name, `?` a
 * letter, `{a,b}` its first alternative, `~` a home folder.
 */
export function pathForGlob(glob: string): string {
  let path = glob
    .replace(/\{([^,}]*)[^}]*\}/g, '$1')
    .replace(/^~(?=\/|$)/, '/home/user')
    .replace(/\*\*\//g, 'work/proj/')
    .replace(/\*\*/g, 'work/proj')
    .replace(/\*/g, 'name')
    .replace(/\?/g, 'x');
  if (!path.startsWith('/') && !/^[A-Za-z]:/.test(path)) path = '/' + path;
  return path;
}

/** Paths no dialect claims by name: content detection decides (or nothing is linted). */
export const UNCLAIMED_PATHS = ['/work/proj/examples/servers.json', '/work/proj/examples/servers.toml', '/work/proj/examples/servers.yaml'];

export interface DialectTarget {
  dialect: Dialect;
  /** Every path derived from the dialect's globs (at least one). */
  paths: string[];
}

/**
 * One entry per registered dialect, read from the registry at call time so dialects added
 * later are covered without touching the tests. Dialects with no globs (content-detected)
 * get an unclaimed path of their syntax and are also forced by id in the tests.
 */
export function dialectTargets(dialects: readonly Dialect[]): DialectTarget[] {
  return dialects.map((dialect) => {
    const paths = dialect.globs.map(pathForGlob);
    if (paths.length === 0)
      paths.push(UNCLAIMED_PATHS.find((p) => p.endsWith(dialect.syntax === 'json' ? '.json' : '.' + dialect.syntax)) ?? UNCLAIMED_PATHS[0]);
    return { dialect, paths: [...new Set(paths)] };
  });
}
