import type { Dialect } from './types';
import type { BooleanKnob, ConfigKnobs, ListKnob, McpConfig, StringKnob } from '../engine/model';
import type { ParsedDocument } from '../parse/tree';
import { getValueAtPath } from '../parse/tree';
import { stringList } from '../engine/model';
import { filePatterns, joinPath } from './schema';

const files = filePatterns(['.claude/settings.json', '.claude/settings.local.json', 'managed-settings.json']);

/** The settings that widen which MCP servers run and which of their tools run unasked. */
const BOOLEANS = ['enableAllProjectMcpServers', 'skipDangerousModePermissionPrompt'];
const LISTS = ['enabledMcpjsonServers', 'disabledMcpjsonServers', 'permissions.allow', 'permissions.ask', 'permissions.deny', 'allowedMcpServers', 'deniedMcpServers'];
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
  read: (doc) => ({ servers: [], knobs: readKnobs(doc) }) satisfies McpConfig,
  userConfigPaths: (env) => [joinPath(env, env.home, '.claude', 'settings.json')],
};

export function readKnobs(doc: ParsedDocument): ConfigKnobs {
  const booleans: BooleanKnob[] = [];
  const lists: ListKnob[] = [];
  const strings: StringKnob[] = [];
  for (const key of BOOLEANS) {
    const node = getValueAtPath(doc.root, key.split('.'));
    if (node?.type === 'boolean') booleans.push({ key, node, value: node.value as boolean });
  }
  for (const key of LISTS) {
    const node = getValueAtPath(doc.root, key.split('.'));
    if (node?.type === 'array') lists.push({ key, node, values: stringList(node) });
  }
  for (const key of STRINGS) {
    const node = getValueAtPath(doc.root, key.split('.'));
    if (node?.type === 'string') strings.push({ key, node, value: node.value as string });
  }
  return { booleans, lists, strings };
}
