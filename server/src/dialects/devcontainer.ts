import type { Dialect } from '../core/dialect';
import { COPILOT_AGENT_HOST } from './readers';
import { readServersMap } from './mcpServersMap';
import { filePatterns } from './schema';
import { vscodeSchema } from './vscode';

const SERVERS = ['customizations', 'vscode', 'mcp', 'servers'] as const;
const files = filePatterns(['.devcontainer/devcontainer.json', '.devcontainer.json', '.devcontainer/*/devcontainer.json']);

/**
 * Dev containers: `devcontainer.json` -> `customizations.vscode.mcp.servers` (and `.inputs`),
 * which VS Code writes into the container's user `mcp.json`. Same entry shape and variables
 * as VS Code; the file is JSONC. A devcontainer.json without MCP servers reads as empty.
 */
export const devcontainer: Dialect = {
  id: 'devcontainer',
  displayName: 'Dev Container (VS Code MCP)',
  secretDelivery: {
    mechanism: 'as `.vscode/mcp.json`: `${input:id}` (inputs under `customizations.vscode.mcp.inputs`) or `${env:NAME}`',
    source: 'microsoft/vscode-docs docs/agents/reference/mcp-configuration.md; devcontainers spec `customizations.vscode`',
  },
  syntax: 'json',
  commentsAllowed: true,
  variables: ['input', 'env-colon', 'vscode-builtin'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) => readServersMap(doc, { serversPath: SERVERS }),
  envReference: (name) => '${env:' + name + '}',
  sharedReaders: () => [COPILOT_AGENT_HOST],
  userConfigPaths: () => [],
  schema: vscodeSchema(SERVERS, ['customizations', 'vscode', 'mcp', 'inputs']),
};
