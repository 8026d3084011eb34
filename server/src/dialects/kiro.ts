import type { Dialect } from '../core/dialect';
import { readServersMap } from './mcpServersMap';
import { STANDARD_RENAMES, anyObject, bool, envMap, filePatterns, joinPath, num, str, strList, strMap, entrySchema } from './schema';

const files = filePatterns(['.kiro/settings/mcp.json']);

/**
 * Kiro (IDE and CLI): workspace `.kiro/settings/mcp.json`, user `~/.kiro/settings/mcp.json`
 * (merged, workspace wins). `autoApprove` (tool names, `"*"` = all), `disabledTools`,
 * `disabled`; `${VAR}` expanded in env and headers (Kiro CLI headers also take
 * `${env:VAR}`). Comments undocumented: strict JSON.
 */
export const kiro: Dialect = {
  id: 'kiro',
  displayName: 'Kiro',
  secretDelivery: {
    mechanism: '`${VAR}` in command, args, env, url and headers',
    source: 'https://kiro.dev/docs/mcp/configuration',
  },
  syntax: 'json',
  commentsAllowed: false,
  variables: ['dollar-brace', 'env-colon'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) => readServersMap(doc, { serversPath: ['mcpServers'], excludeToolsKeys: ['disabledTools'], timeoutKeys: ['timeout'], oauthKeys: ['oauth'] }),
  envReference: (name) => '${' + name + '}',
  userConfigPaths: (env) => [joinPath(env, env.home, '.kiro', 'settings', 'mcp.json')],
  schema: {
    serversPath: ['mcpServers'],
    serversShape: 'map',
    entry: entrySchema(() => ({
      type: str,
      command: str,
      args: strList,
      env: envMap,
      url: str,
      headers: strMap,
      disabled: bool,
      autoApprove: strList,
      disabledTools: strList,
      timeout: num,
      oauth: anyObject,
      oauthScopes: strList,
    })),
    strictKeys: true,
    typeKey: 'type',
    transports: ['stdio', 'http', 'sse', 'streamable-http'],
    commandKeys: ['command'],
    urlKeys: ['url'],
    remote: true,
    standardEntries: true,
    renames: { ...STANDARD_RENAMES, alwaysAllow: 'autoApprove' },
  },
};
