import * as z from '../common/zod';
import type { Dialect } from './types';
import { readServersMap } from './mcpServersMap';
import { appDataDir, envMap, filePatterns, joinPath, str, strList } from './schema';

const files = filePatterns(['claude_desktop_config.json', 'Claude/claude_desktop_config.json']);

/**
 * Claude Desktop: `claude_desktop_config.json`. Strict JSON, stdio only (remote servers are
 * added under Settings -> Connectors; a `url` entry in the file never connects), and no
 * variable expansion at all: every value is passed to the server literally.
 */
export const claudeDesktop: Dialect = {
  id: 'claude-desktop',
  displayName: 'Claude Desktop',
  syntax: 'json',
  commentsAllowed: false,
  variables: [],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) => readServersMap(doc, { serversPath: ['mcpServers'] }),
  userConfigPaths: (env) => [joinPath(env, appDataDir(env), 'Claude', 'claude_desktop_config.json')],
  schema: {
    serversPath: ['mcpServers'],
    serversShape: 'map',
    entry: z.object({ command: str, args: strList, env: envMap, type: str, url: str, headers: z.record(z.string(), z.string()) }),
    strictKeys: true,
    typeKey: 'type',
    transports: ['stdio'],
    commandKeys: ['command'],
    urlKeys: ['url', 'serverUrl', 'httpUrl'],
    expansionHint: 'write the value itself, let the server inherit it from the environment Claude Desktop was started with, or start the server through a wrapper script that sets it',
    remote: false,
    standardEntries: true,
    renames: { cmd: 'command', envs: 'env', environment: 'env' },
  },
};
