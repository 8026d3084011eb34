import type { Dialect } from '../core/dialect';
import type { McpConfig, ServerEntry } from '../core/model';
import { entries, getValue } from '../core/tree';
import { readServerEntry } from './mcpServersMap';
import { filePatterns, joinPath } from './schema';
import { CLAUDE_CODE_SHAPE, claudeCodeSchema } from './claudeCode';

const files = filePatterns(['.claude.json']);

/**
 * Claude Code user file `~/.claude.json`: user-scope servers in the top-level `mcpServers`
 * and local-scope servers in `projects["/abs/path"].mcpServers`.
 *
 * Naming decision: a server's `name` is always its real key (so rules that derive ids or
 * match `mcp__<name>` permissions keep working); local-scope entries carry the project path
 * in `scope` ("project /abs/path"). Two projects may both have a "github" entry: they are
 * two entries with distinct ranges and scopes.
 */
export const claudeCodeUser: Dialect = {
  id: 'claude-code-user',
  displayName: 'Claude Code (~/.claude.json)',
  secretDelivery: {
    mechanism: '`${VAR}` / `${VAR:-default}`, as in `.mcp.json`',
    source: 'https://code.claude.com/docs/en/mcp',
  },
  syntax: 'json',
  commentsAllowed: false,
  variables: ['dollar-brace'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc): McpConfig => {
    const servers: ServerEntry[] = [];
    const serversNode = getValue(doc.root, 'mcpServers');
    for (const { key, keyNode, valueNode } of entries(serversNode)) {
      if (valueNode.type === 'object') servers.push(readServerEntry(key, keyNode, valueNode, { ...CLAUDE_CODE_SHAPE, scope: 'user' }));
    }
    for (const project of entries(getValue(doc.root, 'projects'))) {
      for (const { key, keyNode, valueNode } of entries(getValue(project.valueNode, 'mcpServers'))) {
        if (valueNode.type === 'object') servers.push(readServerEntry(key, keyNode, valueNode, { ...CLAUDE_CODE_SHAPE, scope: 'project ' + project.key }));
      }
    }
    return { servers, serversNode };
  },
  envReference: (name) => '${' + name + '}',
  userConfigPaths: (env) => [joinPath(env, env.home, '.claude.json')],
  // Checked like `.mcp.json`, except that the file has many other root keys.
  schema: { ...claudeCodeSchema(['mcpServers']), rootKeys: undefined },
};
