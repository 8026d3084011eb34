import type { Dialect } from '../core/dialect';
import { COPILOT_AGENT_HOST } from './readers';
import { readServersMap } from './mcpServersMap';
import { readKnobs } from './knobs';
import { filePatterns, joinPath, vscodeUserDirs } from './schema';
import { vscodeSchema } from './vscode';

const files = filePatterns([
  '.vscode/settings.json',
  'Code/User/settings.json',
  'Code - Insiders/User/settings.json',
  'Code/User/profiles/*/settings.json',
  'Code - Insiders/User/profiles/*/settings.json',
]);

/**
 * VS Code's legacy place for servers (before 1.102): the `mcp` setting in user or workspace
 * `settings.json`, `"mcp": { "servers": {...}, "inputs": [...] }`. Most settings files have
 * no `mcp` key at all; they read as an empty config and get no findings.
 */
export const vscodeSettings: Dialect = {
  id: 'vscode-settings',
  displayName: 'VS Code settings.json (mcp)',
  secretDelivery: {
    mechanism: 'as `.vscode/mcp.json`: `${input:id}` (inputs under `mcp.inputs`) or `${env:NAME}`',
    source: 'microsoft/vscode-docs docs/copilot/chat/mcp-servers.md (2025-03, the `mcp` setting)',
  },
  syntax: 'json',
  commentsAllowed: true,
  variables: ['input', 'env-colon', 'vscode-builtin'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) => ({
    ...readServersMap(doc, { serversPath: ['mcp', 'servers'] }),
    knobs: readKnobs(doc.root, {
      booleans: ['chat.tools.global.autoApprove', 'chat.tools.autoApprove', 'chat.mcp.autostart', 'chat.mcp.discovery.enabled'],
      strings: ['chat.mcp.access'],
    }),
  }),
  envReference: (name) => '${env:' + name + '}',
  sharedReaders: () => [COPILOT_AGENT_HOST],
  userConfigPaths: (env) => vscodeUserDirs(env).map((dir) => joinPath(env, dir, 'settings.json')),
  schema: vscodeSchema(['mcp', 'servers'], ['mcp', 'inputs']),
};
