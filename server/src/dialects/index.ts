import type { Dialect } from '../core/dialect';
import { normalizePath } from '../core/dialect';
import type { TreeNode } from '../core/tree';
import { vscode } from './vscode';
import { vscodeSettings } from './vscodeSettings';
import { devcontainer } from './devcontainer';
import { visualStudio } from './visualStudio';
import { claudeDesktop } from './claudeDesktop';
import { claudeCode } from './claudeCode';
import { claudeCodeUser } from './claudeCodeUser';
import { claudeCodeSettings } from './claudeCodeSettings';
import { copilotManagedSettings } from './copilotManagedSettings';
import { cursor } from './cursor';
import { windsurf } from './windsurf';
import { cline } from './cline';
import { rooCode } from './rooCode';
import { geminiCli } from './geminiCli';
import { zed } from './zed';
import { codex } from './codex';
import { kiro } from './kiro';
import { amazonQ } from './amazonQ';
import { opencode } from './opencode';
import { continueDev } from './continueDev';
import { continueJson } from './continueJson';
import { goose } from './goose';
import { copilotCodingAgent } from './copilotCodingAgent';
import { copilotCli } from './copilotCli';
import { junie } from './junie';
import { lmStudio } from './lmStudio';
import { generic } from './generic';

export type { Dialect } from '../core/dialect';

/**
 * Every client format we know, explicitly listed. To add a client:
 *  1. one file in this folder: id, file patterns (`filePatterns` gives matchPath + globs),
 *     `read` (usually `readServersMap` with the client's key names), variables,
 *     envReference, userConfigPaths and a `schema` (zod entry + transports) for the
 *     schema-* rules;
 *  2. one line here;
 *  3. test/fixtures/dialects/<id>/valid.* (+ invalid.*) and the id's path in
 *     test/unit/dialects/fixtureHelpers.ts (the fixture and path tests then cover it);
 *  4. `node --import tsx scripts/vscode/syncGlobs.ts` to refresh the client's copy of the globs.
 * Order matters only for content detection (`matchContent`): the generic fallback is last.
 */
export const DIALECTS: readonly Dialect[] = [
  vscode,
  vscodeSettings,
  devcontainer,
  visualStudio,
  claudeDesktop,
  claudeCode,
  claudeCodeUser,
  claudeCodeSettings,
  copilotManagedSettings,
  cursor,
  windsurf,
  cline,
  rooCode,
  geminiCli,
  zed,
  codex,
  kiro,
  amazonQ,
  opencode,
  continueDev,
  continueJson,
  goose,
  copilotCodingAgent,
  copilotCli,
  junie,
  lmStudio,
  // Content fallback; last so that a client recognisable by content (Zed) wins.
  generic,
];

const byId = new Map(DIALECTS.map((d) => [d.id, d]));

export function dialectById(id: string): Dialect | undefined {
  return byId.get(id);
}

/** The dialect whose file patterns match this path best, or undefined. */
export function dialectForPath(filePath: string): Dialect | undefined {
  const path = normalizePath(filePath);
  if (byPath.has(path)) return byPath.get(path);
  let best: Dialect | undefined;
  let bestScore = 0;
  for (const dialect of DIALECTS) {
    const score = dialect.matchPath(path);
    if (score > bestScore) {
      best = dialect;
      bestScore = score;
    }
  }
  // The answer depends on the path alone (DIALECTS is fixed): remember it, bounded.
  if (byPath.size >= 4096) byPath.clear();
  byPath.set(path, best);
  return best;
}

const byPath = new Map<string, Dialect | undefined>();

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
