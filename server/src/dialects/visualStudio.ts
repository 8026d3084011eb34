import type { Dialect } from '../core/dialect';
import { readServersMap } from './mcpServersMap';
import { filePatterns } from './schema';
import { vscodeSchema } from './vscode';

const files = filePatterns(['.vs/mcp.json']);

/**
 * Visual Studio 2022 17.14+ / 2026: `<solution>/.vs/mcp.json`, VS Code's shape (`servers`).
 *
 * Visual Studio also reads `%USERPROFILE%\.mcp.json` and `<solution>/.mcp.json`, but every
 * `.mcp.json` is linted as Claude Code's (the same name is read by Claude Code, Copilot CLI
 * and VS Code's workspace discovery, all with `mcpServers`); a `.mcp.json` written in VS
 * shape (`servers`) therefore gets a wrong-root-key finding that names Visual Studio.
 * Variable expansion is not documented for Visual Studio, so none is assumed.
 */
export const visualStudio: Dialect = {
  id: 'visual-studio',
  displayName: 'Visual Studio',
  secretDelivery: {
    mechanism: 'none documented (OAuth for remote servers through the Manage Authentication CodeLens)',
    source: 'MicrosoftDocs/visualstudio-docs docs/ide/mcp-servers.md',
  },
  syntax: 'json',
  commentsAllowed: false,
  variables: [],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) => readServersMap(doc, { serversPath: ['servers'] }),
  userConfigPaths: () => [],
  schema: vscodeSchema(['servers'], ['inputs']),
};
