import type { Dialect } from '../core/dialect';
import { readServersMap } from './mcpServersMap';
import { bool, envMap, filePatterns, joinPath, str, strList, strMap, entrySchema } from './schema';

const PATTERNS = [
  '.codeium/windsurf/mcp_config.json',
  '.codeium/windsurf-next/mcp_config.json',
  '.codeium/mcp_config.json',
  '.windsurf/mcp_config.json',
  '.devin/mcp_config.json',
  'devin/mcp_config.json',
  '.gemini/antigravity/mcp_config.json',
];
const specific = filePatterns(PATTERNS);
const globs = [...specific.globs, '**/mcp_config.json'];

/**
 * Windsurf (Cascade), and Google Antigravity, which inherited Windsurf's file:
 * `~/.codeium/windsurf/mcp_config.json` (JetBrains plugin: `~/.codeium/mcp_config.json`),
 * `~/.gemini/antigravity/mcp_config.json`, and the `.windsurf/` / `.devin/` copies projects
 * keep. A bare `mcp_config.json` elsewhere is also read as this format (score 5, below
 * any folder-qualified pattern): it is the name only these clients use.
 * Remote servers use `serverUrl` (`url` is an accepted alias). `${env:NAME}` and
 * `${file:/path}` are expanded. Comments are undocumented: strict JSON.
 */
export const windsurf: Dialect = {
  id: 'windsurf',
  displayName: 'Windsurf / Antigravity',
  secretDelivery: {
    mechanism: '`${env:NAME}` in command, args, env, serverUrl, url and headers',
    source: 'https://docs.windsurf.com/windsurf/cascade/mcp',
  },
  syntax: 'json',
  commentsAllowed: false,
  variables: ['env-colon', 'vscode-builtin'],
  globs,
  matchPath: (path) => specific.matchPath(path) || (path.endsWith('/mcp_config.json') ? 5 : 0),
  read: (doc) => readServersMap(doc, { serversPath: ['mcpServers'], urlKeys: ['serverUrl', 'url'], excludeToolsKeys: ['disabledTools'] }),
  envReference: (name) => '${env:' + name + '}',
  userConfigPaths: (env) => [
    joinPath(env, env.home, '.codeium', 'windsurf', 'mcp_config.json'),
    joinPath(env, env.home, '.codeium', 'mcp_config.json'),
    joinPath(env, env.home, '.gemini', 'antigravity', 'mcp_config.json'),
  ],
  schema: {
    serversPath: ['mcpServers'],
    serversShape: 'map',
    entry: entrySchema(() => ({
      type: str,
      command: str,
      args: strList,
      env: envMap,
      serverUrl: str,
      url: str,
      headers: strMap,
      disabled: bool,
      disabledTools: strList,
      cwd: str,
    })),
    strictKeys: true,
    typeKey: 'type',
    transports: ['stdio', 'sse', 'http', 'streamable-http', 'streamableHttp'],
    commandKeys: ['command'],
    urlKeys: ['serverUrl', 'url'],
    remote: true,
    standardEntries: true,
    renames: { httpUrl: 'serverUrl', uri: 'serverUrl', cmd: 'command', envs: 'env', environment: 'env', transport: 'type' },
  },
};
