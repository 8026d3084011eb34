import * as z from '../common/zod';
import type { Dialect } from '../core/dialect';
import type { Transport } from '../core/model';
import { readServersMap } from './mcpServersMap';
import { transportOf } from './mcpServersMap';
import { STANDARD_RENAMES, anyObject, bool, filePatterns, joinPath, str, strList, strMap, vscodeUserDirs, entrySchema } from './schema';

const files = filePatterns(['cline_mcp_settings.json', '.cline/mcp.json']);

/**
 * Cline: `cline_mcp_settings.json` (now `~/.cline/data/settings/`, formerly the VS Code
 * globalStorage folder of saoudrizwan.claude-dev and `~/Documents/Cline/MCP/`), and the CLI's
 * `~/.cline/mcp.json`. Validated with zod (cline/cline services/mcp/schemas.ts): `type` is
 * `stdio|sse|streamableHttp` (legacy `transportType`), a typeless `url` entry is SSE,
 * `autoApprove` (older `alwaysAllow`), `timeout` in seconds. `${env:NAME}` is expanded.
 * Strict JSON (JSON.parse).
 */
export const cline: Dialect = {
  id: 'cline',
  displayName: 'Cline',
  secretDelivery: {
    mechanism: '`${env:NAME}`',
    source: 'cline/cline apps/vscode/src/utils/envExpansion.ts',
  },
  syntax: 'json',
  commentsAllowed: false,
  variables: ['env-colon'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) =>
    readServersMap(doc, {
      serversPath: ['mcpServers'],
      typeKeys: ['type', 'transportType'],
      autoApproveKeys: ['autoApprove', 'alwaysAllow'],
      timeoutKeys: ['timeout'],
      oauthKeys: ['oauth', 'oauthClient'],
      transport: (_entry, type, hasCommand, hasUrl): Transport => (type === undefined && !hasCommand && hasUrl ? 'sse' : transportOf(type, hasCommand, hasUrl)),
    }),
  envReference: (name) => '${env:' + name + '}',
  userConfigPaths: (env) => [
    joinPath(env, env.home, '.cline', 'data', 'settings', 'cline_mcp_settings.json'),
    joinPath(env, env.home, '.cline', 'mcp.json'),
    joinPath(env, env.home, 'Documents', 'Cline', 'MCP', 'cline_mcp_settings.json'),
    ...vscodeUserDirs(env).map((dir) => joinPath(env, dir, 'globalStorage', 'saoudrizwan.claude-dev', 'settings', 'cline_mcp_settings.json')),
  ],
  schema: {
    serversPath: ['mcpServers'],
    serversShape: 'map',
    entry: entrySchema(() => ({
      type: str,
      transportType: str,
      command: str,
      args: strList,
      cwd: str,
      env: strMap,
      url: str,
      headers: strMap,
      autoApprove: strList,
      disabled: bool,
      timeout: z
        .number()
        .check(
          z.minimum(1, { error: 'Timeout out of range: use 1 to 3600 seconds, the range Cline accepts' }),
          z.maximum(3600, { error: 'Timeout out of range: use 1 to 3600 seconds, the range Cline accepts' }),
        ),
      oauth: anyObject,
      oauthClient: anyObject,
      metadata: anyObject,
      remoteConfigured: bool,
    })),
    strictKeys: true,
    typeKey: 'type',
    transports: ['stdio', 'sse', 'streamableHttp'],
    commandKeys: ['command'],
    urlKeys: ['url'],
    remote: true,
    standardEntries: true,
    renames: { ...STANDARD_RENAMES, alwaysAllow: 'autoApprove' },
  },
};
