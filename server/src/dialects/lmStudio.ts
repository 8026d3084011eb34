import type { Dialect } from '../core/dialect';
import { readServersMap } from './mcpServersMap';
import { filePatterns, joinPath } from './schema';
import { claudeDesktop } from './claudeDesktop';

const files = filePatterns(['.lmstudio/mcp.json']);

/**
 * LM Studio 0.3.17+: `~/.lmstudio/mcp.json` ("follows Cursor's notation"): `mcpServers`
 * with command/args/env or url/headers. No variable expansion documented; strict JSON.
 */
export const lmStudio: Dialect = {
  id: 'lm-studio',
  displayName: 'LM Studio',
  secretDelivery: {
    mechanism: 'none documented (OAuth for remote servers)',
    source: 'https://lmstudio.ai/docs/app/mcp',
  },
  syntax: 'json',
  commentsAllowed: false,
  variables: [],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) => readServersMap(doc, { serversPath: ['mcpServers'] }),
  userConfigPaths: (env) => [joinPath(env, env.home, '.lmstudio', 'mcp.json')],
  schema: { ...claudeDesktop.schema!, remote: true, transports: ['stdio', 'http', 'sse', 'streamable-http'] },
};
