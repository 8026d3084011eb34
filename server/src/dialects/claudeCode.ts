import type { Dialect } from './types';
import { matchSuffix } from './types';
import { readServersMap } from './mcpServersMap';

/**
 * Claude Code project scope: `.mcp.json` at the project root. Strict JSON; `${VAR}` and
 * `${VAR:-default}` are expanded in command, args, env, url and headers.
 */
export const claudeCode: Dialect = {
  id: 'claude-code',
  displayName: 'Claude Code',
  syntax: 'json',
  commentsAllowed: false,
  variables: ['dollar-brace'],
  globs: ['**/.mcp.json'],
  matchPath: (path) => matchSuffix(path, ['.mcp.json']),
  read: (doc) => readServersMap(doc, { serversPath: ['mcpServers'] }),
  envReference: (name) => '${' + name + '}',
};
