import * as z from '../common/zod';
import type { Dialect } from '../core/dialect';
import { COPILOT_AGENT_HOST, VISUAL_STUDIO } from './readers';
import { readServersMap } from './mcpServersMap';
import {
  STANDARD_RENAMES,
  anyObject,
  bool,
  envMap,
  filePatterns,
  joinPath,
  str,
  strList,
  strMap,
  vscodeUserDirs,
  type DialectSchema,
  entrySchema,
} from './schema';

/** Every key VS Code reads in a server entry (microsoft/vscode mcpConfiguration.ts). */
const VSCODE_ENTRY = entrySchema(() => ({
  type: str,
  command: str,
  args: strList,
  cwd: str,
  env: envMap,
  envFile: str,
  dev: anyObject,
  sandboxEnabled: bool,
  sandbox: anyObject,
  url: str,
  headers: strMap,
  oauth: z.object({ clientId: str, enterpriseManaged: z.optional(bool) }),
  // Written by the MCP gallery install flow.
  gallery: z.union([bool, str]),
  version: str,
}));

/** VS Code's entry rules, shared by mcp.json, the legacy settings.json key and devcontainer.json. */
export function vscodeSchema(serversPath: readonly string[], inputsPath: readonly string[], rootKeys?: readonly string[]): DialectSchema {
  return {
    serversPath,
    serversShape: 'map',
    entry: VSCODE_ENTRY,
    strictKeys: true,
    typeKey: 'type',
    transports: ['stdio', 'http', 'sse'],
    commandKeys: ['command'],
    urlKeys: ['url'],
    remote: true,
    inputsPath,
    rootKeys,
    standardEntries: true,
    renames: { ...STANDARD_RENAMES, transportType: 'type' },
  };
}

const files = filePatterns([
  '.vscode/mcp.json',
  'Code/User/mcp.json',
  'Code - Insiders/User/mcp.json',
  'Code/User/profiles/*/mcp.json',
  'Code - Insiders/User/profiles/*/mcp.json',
  '.vscode-server/data/User/mcp.json',
]);

/**
 * VS Code / GitHub Copilot Chat: `.vscode/mcp.json` and the user-profile `mcp.json` (also
 * the remote user file under `.vscode-server`). Root key `servers` (not `mcpServers`),
 * JSONC, `${input:id}`, `${env:NAME}` and the editor's built-in variables expanded.
 */
export const vscode: Dialect = {
  id: 'vscode',
  displayName: 'VS Code',
  secretDelivery: {
    mechanism:
      "`${input:id}` (prompted once, kept in VS Code's secret storage) or `${env:NAME}` in command, args, env, url and headers; the server also inherits VS Code's environment and `envFile`",
    source:
      'microsoft/vscode-docs docs/agents/reference/mcp-configuration.md; microsoft/vscode src/vs/workbench/api/node/extHostMcpNode.ts (env = process.env + envFile + env)',
  },
  syntax: 'json',
  commentsAllowed: true,
  variables: ['input', 'env-colon', 'vscode-builtin'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) => readServersMap(doc, { serversPath: ['servers'] }),
  envReference: (name) => '${env:' + name + '}',
  // Agent Host sessions get these servers forwarded; a workspace `.vscode/mcp.json` is also Visual Studio's.
  sharedReaders: (path) => (path.endsWith('/.vscode/mcp.json') ? [COPILOT_AGENT_HOST, VISUAL_STUDIO] : [COPILOT_AGENT_HOST]),
  userConfigPaths: (env) => [
    ...vscodeUserDirs(env).map((dir) => joinPath(env, dir, 'mcp.json')),
    joinPath(env, env.home, '.vscode-server', 'data', 'User', 'mcp.json'),
  ],
  schema: vscodeSchema(['servers'], ['inputs'], ['servers', 'inputs', 'sandbox', '$schema']),
};
