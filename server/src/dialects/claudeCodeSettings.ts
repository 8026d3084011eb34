import type { Dialect } from '../core/dialect';
import type { ConfigKnobs, McpConfig } from '../core/model';
import type { ParsedDocument } from '../core/tree';
import { filePatterns, joinPath } from './schema';
import { readKnobs } from './knobs';
import { claudeCodeManagedFile } from './claudeCode';

const files = filePatterns(['.claude/settings.json', '.claude/settings.local.json', 'managed-settings.json']);

/** The settings that widen which MCP servers run and which of their tools run unasked. */
const BOOLEANS = ['enableAllProjectMcpServers', 'skipDangerousModePermissionPrompt'];
const LISTS = [
  'enabledMcpjsonServers',
  'disabledMcpjsonServers',
  'permissions.allow',
  'permissions.ask',
  'permissions.deny',
  'allowedMcpServers',
  'deniedMcpServers',
];
const STRINGS = ['permissions.defaultMode'];

/**
 * Claude Code settings files (`.claude/settings.json`, `.claude/settings.local.json`,
 * `~/.claude/settings.json`, managed settings). They hold no servers, only the knobs that
 * decide which `.mcp.json` servers start and which tools run without asking; those are
 * exposed as `config.knobs` for the permission rules. Strict JSON.
 */
export const claudeCodeSettings: Dialect = {
  id: 'claude-code-settings',
  displayName: 'Claude Code settings',
  syntax: 'json',
  commentsAllowed: false,
  variables: [],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) => ({ servers: [], knobs: claudeSettingsKnobs(doc) }) satisfies McpConfig,
  userConfigPaths: (env) => [joinPath(env, env.home, '.claude', 'settings.json'), claudeCodeManagedFile(env, 'managed-settings.json')],
};

/** The Claude Code settings that decide which servers start and which tools run unasked. */
export function claudeSettingsKnobs(doc: ParsedDocument): ConfigKnobs {
  return readKnobs(doc.root, { booleans: BOOLEANS, lists: LISTS, strings: STRINGS }) ?? { booleans: [], lists: [], strings: [] };
}
