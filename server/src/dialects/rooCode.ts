import * as z from '../common/zod';
import type { Dialect } from '../core/dialect';
import { readServersMap } from './mcpServersMap';
import { STANDARD_RENAMES, bool, filePatterns, joinPath, str, strList, strMap, vscodeUserDirs, entrySchema } from './schema';

const files = filePatterns(['.roo/mcp.json', 'rooveterinaryinc.roo-cline/settings/mcp_settings.json']);

/**
 * Roo Code: project `.roo/mcp.json` and the global `mcp_settings.json` in the extension's
 * globalStorage. zod-validated (Roo McpHub.ts): `type` `stdio|sse|streamable-http`,
 * `alwaysAllow` (`"*"` = every tool), `disabledTools`, `watchPaths`, `timeout` in seconds;
 * mixing stdio and remote fields is rejected. `${env:NAME}` and `${workspaceFolder}`.
 */
export const rooCode: Dialect = {
  id: 'roo-code',
  displayName: 'Roo Code',
  secretDelivery: {
    mechanism: '`${env:NAME}`',
    source: 'RooCodeInc/Roo-Code src/utils/config.ts (injectVariables)',
  },
  syntax: 'json',
  commentsAllowed: false,
  variables: ['env-colon', 'vscode-builtin'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) =>
    readServersMap(doc, { serversPath: ['mcpServers'], autoApproveKeys: ['alwaysAllow'], excludeToolsKeys: ['disabledTools'], timeoutKeys: ['timeout'] }),
  envReference: (name) => '${env:' + name + '}',
  userConfigPaths: (env) =>
    vscodeUserDirs(env).map((dir) => joinPath(env, dir, 'globalStorage', 'rooveterinaryinc.roo-cline', 'settings', 'mcp_settings.json')),
  schema: {
    serversPath: ['mcpServers'],
    serversShape: 'map',
    entry: entrySchema(() => ({
      type: str,
      command: str,
      args: strList,
      cwd: str,
      env: strMap,
      envFile: str,
      url: str,
      headers: strMap,
      disabled: bool,
      timeout: z
        .number()
        .check(
          z.minimum(1, { error: 'Timeout out of range: use 1 to 3600 seconds, the range Roo Code accepts' }),
          z.maximum(3600, { error: 'Timeout out of range: use 1 to 3600 seconds, the range Roo Code accepts' }),
        ),
      alwaysAllow: strList,
      watchPaths: strList,
      disabledTools: strList,
    })),
    strictKeys: true,
    typeKey: 'type',
    transports: ['stdio', 'sse', 'streamable-http'],
    commandKeys: ['command'],
    urlKeys: ['url'],
    remote: true,
    standardEntries: true,
    renames: { ...STANDARD_RENAMES, autoApprove: 'alwaysAllow' },
  },
};
