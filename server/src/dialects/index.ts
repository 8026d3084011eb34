import type { Dialect } from './types';
import { normalizePath } from './types';
import type { TreeNode } from '../parse/tree';
import { vscode } from './vscode';
import { claudeDesktop } from './claudeDesktop';
import { claudeCode } from './claudeCode';
import { cursor } from './cursor';
import { generic } from './generic';

export type { Dialect } from './types';

/**
 * Every client format we know, explicitly listed. To add a client: one file in this folder
 * and one line here (plus its fixtures and tests).
 */
export const DIALECTS: readonly Dialect[] = [vscode, claudeDesktop, claudeCode, cursor, generic];

export const GENERIC_DIALECT = generic;

const byId = new Map(DIALECTS.map((d) => [d.id, d]));

export function dialectById(id: string): Dialect | undefined {
  return byId.get(id);
}

/** The dialect whose file patterns match this path best, or undefined. */
export function dialectForPath(filePath: string): Dialect | undefined {
  const path = normalizePath(filePath);
  let best: Dialect | undefined;
  let bestScore = 0;
  for (const dialect of DIALECTS) {
    const score = dialect.matchPath(path);
    if (score > bestScore) {
      best = dialect;
      bestScore = score;
    }
  }
  return best;
}

/** Content fallback for files whose path named no client. */
export function dialectForContent(root: TreeNode | undefined): Dialect | undefined {
  if (!root) return undefined;
  return DIALECTS.find((d) => d.matchContent?.(root));
}

/** True when any dialect claims this path: the server and CLI only lint such files by default. */
export function isKnownConfigPath(filePath: string): boolean {
  return dialectForPath(filePath) !== undefined;
}

/** Every dialect's file globs, deduplicated: what the workspace scan, the CLI and the client look for. */
export function configFileGlobs(): string[] {
  return [...new Set(DIALECTS.flatMap((d) => d.globs))];
}
