import type { Dialect } from './types';
import { matchSuffix } from './types';
import { readServersMap } from './mcpServersMap';

/** Cursor: `.cursor/mcp.json` (project) and `~/.cursor/mcp.json` (user); `${env:NAME}`. */
export const cursor: Dialect = {
  id: 'cursor',
  displayName: 'Cursor',
  syntax: 'json',
  commentsAllowed: true,
  variables: ['env-colon', 'vscode-builtin'],
  globs: ['**/.cursor/mcp.json'],
  matchPath: (path) => matchSuffix(path, ['.cursor/mcp.json']),
  read: (doc) => readServersMap(doc, { serversPath: ['mcpServers'] }),
  envReference: (name) => '${env:' + name + '}',
};
