import type { Dialect } from '../core/dialect';
import { readServersMap } from './mcpServersMap';
import { filePatterns, joinPath } from './schema';
import { claudeDesktop } from './claudeDesktop';

const files = filePatterns(['.junie/mcp/mcp.json']);

/**
 * JetBrains Junie: project `.junie/mcp/mcp.json`, user `~/.junie/mcp/mcp.json`, key
 * `mcpServers` with command/args/env (url/headers in newer releases). No variable
 * expansion documented; comments undocumented (strict JSON). JetBrains AI Assistant has no
 * file of its own (JSON pasted in its settings), so it has no dialect.
 */
export const junie: Dialect = {
  id: 'junie',
  displayName: 'JetBrains Junie',
  secretDelivery: {
    mechanism: 'none documented',
    source: 'https://www.jetbrains.com/help/junie/model-context-protocol-mcp.html',
  },
  syntax: 'json',
  commentsAllowed: false,
  variables: [],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) => readServersMap(doc, { serversPath: ['mcpServers'] }),
  userConfigPaths: (env) => [joinPath(env, env.home, '.junie', 'mcp', 'mcp.json')],
  schema: { ...claudeDesktop.schema!, remote: true, transports: ['stdio', 'http', 'sse', 'streamable-http'] },
};
