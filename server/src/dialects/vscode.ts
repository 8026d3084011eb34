import type { Dialect } from './types';
import { matchSuffix } from './types';
import { readServersMap } from './mcpServersMap';

/**
 * VS Code / GitHub Copilot Chat: `.vscode/mcp.json` and the user-profile `mcp.json`.
 * Root key `servers` (not `mcpServers`), JSONC, `${input:id}` and `${env:NAME}` expanded.
 */
export const vscode: Dialect = {
  id: 'vscode',
  displayName: 'VS Code',
  syntax: 'json',
  commentsAllowed: true,
  variables: ['input', 'env-colon', 'vscode-builtin'],
  globs: ['**/.vscode/mcp.json', '**/Code/User/mcp.json', '**/Code - Insiders/User/mcp.json', '**/Code/User/profiles/*/mcp.json'],
  matchPath: (path) =>
    matchSuffix(path, [
      '.vscode/mcp.json',
      'code/user/mcp.json',
      'code - insiders/user/mcp.json',
      'code/user/profiles/*/mcp.json',
      'code - insiders/user/profiles/*/mcp.json',
    ]),
  read: (doc) => readServersMap(doc, { serversPath: ['servers'] }),
  envReference: (name) => '${env:' + name + '}',
};
