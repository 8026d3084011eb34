import * as z from '../common/zod';
import type { Dialect } from '../core/dialect';
import { VISUAL_STUDIO } from './readers';
import { readServersMap } from './mcpServersMap';
import { STANDARD_RENAMES, envMap, filePatterns, joinPath, str, strList, strMap, anyObject, entrySchema } from './schema';

const files = filePatterns(['.cursor/mcp.json']);

/**
 * Cursor: `.cursor/mcp.json` (project) and `~/.cursor/mcp.json` (user); `${env:NAME}` and
 * `${userHome}`/`${workspaceFolder}`-style built-ins. Comments are not documented, but the
 * docs' own remote example has one, so they are accepted.
 */
export const cursor: Dialect = {
  id: 'cursor',
  displayName: 'Cursor',
  secretDelivery: {
    mechanism: '`${env:NAME}` in command, args, env, url and headers',
    source: 'https://cursor.com/docs/mcp ("Config interpolation")',
  },
  syntax: 'json',
  commentsAllowed: true,
  variables: ['env-colon', 'vscode-builtin'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) => readServersMap(doc, { serversPath: ['mcpServers'], oauthKeys: ['auth'] }),
  envReference: (name) => '${env:' + name + '}',
  sharedReaders: () => [VISUAL_STUDIO],
  userConfigPaths: (env) => [joinPath(env, env.home, '.cursor', 'mcp.json')],
  schema: {
    serversPath: ['mcpServers'],
    serversShape: 'map',
    entry: entrySchema(() => ({
      type: str,
      command: str,
      args: strList,
      env: envMap,
      envFile: str,
      url: str,
      headers: strMap,
      auth: anyObject,
      disabled: z.boolean(),
    })),
    strictKeys: true,
    typeKey: 'type',
    transports: ['stdio', 'sse', 'http', 'streamable-http', 'streamableHttp'],
    commandKeys: ['command'],
    urlKeys: ['url'],
    remote: true,
    standardEntries: true,
    renames: STANDARD_RENAMES,
  },
};
