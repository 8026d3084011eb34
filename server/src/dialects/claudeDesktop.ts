import type { Dialect } from './types';
import { matchSuffix } from './types';
import { readServersMap } from './mcpServersMap';

/**
 * Claude Desktop: `claude_desktop_config.json`. Strict JSON, stdio only, and no variable
 * expansion at all: every value is passed to the server literally.
 */
export const claudeDesktop: Dialect = {
  id: 'claude-desktop',
  displayName: 'Claude Desktop',
  syntax: 'json',
  commentsAllowed: false,
  variables: [],
  globs: ['**/claude_desktop_config.json'],
  matchPath: (path) => matchSuffix(path, ['claude_desktop_config.json']),
  read: (doc) => readServersMap(doc, { serversPath: ['mcpServers'] }),
};
