import * as z from '../common/zod';
import type { Dialect } from '../core/dialect';
import { readServersMap } from './mcpServersMap';
import { appDataDir, envMap, filePatterns, joinPath, str, strList, entrySchema } from './schema';

const files = filePatterns(['claude_desktop_config.json', 'Claude/claude_desktop_config.json']);

/**
 * Claude Desktop: `claude_desktop_config.json`. Strict JSON, stdio only (remote servers are
 * added under Settings -> Connectors; a `url` entry in the file never connects), and no
 * variable expansion at all: every value is passed to the server literally.
 */
export const claudeDesktop: Dialect = {
  id: 'claude-desktop',
  displayName: 'Claude Desktop',
  secretDelivery: {
    mechanism: 'none: values are literal, and the stdio child receives only HOME, LOGNAME, PATH, SHELL, TERM, USER besides `env`',
    source:
      'modelcontextprotocol docs/docs/develop/connect-local-servers.mdx (no expansion); modelcontextprotocol/typescript-sdk src/client/stdio.ts getDefaultEnvironment',
  },
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
    entry: entrySchema(() => ({ command: str, args: strList, env: envMap, type: str, url: str, headers: z.record(z.string(), z.string()) })),
    strictKeys: true,
    typeKey: 'type',
    transports: ['stdio'],
    commandKeys: ['command'],
    urlKeys: ['url', 'serverUrl', 'httpUrl'],
    // Not "inherit it from Claude Desktop's environment": stdio servers started through the MCP
    // SDK get only HOME, LOGNAME, PATH, SHELL, TERM and USER (a few more on Windows) plus `env`
    // (modelcontextprotocol/typescript-sdk, src/client/stdio.ts getDefaultEnvironment).
    expansionHint:
      'start the server through a wrapper that reads the value from your keychain or an env file outside the repository, since Claude Desktop passes servers only a few standard variables besides env',
    remote: false,
    standardEntries: true,
    renames: { cmd: 'command', envs: 'env', environment: 'env' },
  },
};
