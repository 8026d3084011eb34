import * as z from '../common/zod';
import type { Dialect } from '../core/dialect';
import type { Transport } from '../core/model';
import { getValue } from '../core/tree';
import { readServersMap, transportOf } from './mcpServersMap';
import { readKnobs } from './knobs';
import { anyObject, bool, envMap, filePatterns, joinPath, num, str, strList, strMap, entrySchema } from './schema';

const files = filePatterns([
  '.gemini/settings.json',
  'gemini-cli/settings.json',
  'GeminiCli/settings.json',
  'gemini-cli/system-defaults.json',
  'GeminiCli/system-defaults.json',
  'gemini-extension.json',
]);

/**
 * Gemini CLI: `~/.gemini/settings.json`, `.gemini/settings.json`, the system files and
 * extensions' `gemini-extension.json`. `url` alone is SSE, `httpUrl` is streamable HTTP
 * (precedence httpUrl > url > command), `type: sse|http` overrides. `trust: true` skips
 * every confirmation; includeTools/excludeTools filter tools. `$VAR`, `${VAR}` and
 * `${VAR:-default}` are expanded in every string. Comments allowed (strip-json-comments).
 */
export const geminiCli: Dialect = {
  id: 'gemini-cli',
  displayName: 'Gemini CLI',
  secretDelivery: {
    mechanism: '`$VAR` / `${VAR}` anywhere in settings.json',
    source: 'google-gemini/gemini-cli packages/cli/src/config/settings.ts (resolveEnvVarsInObject); docs/tools/mcp-server.md',
  },
  syntax: 'json',
  commentsAllowed: true,
  variables: ['dollar-brace', 'dollar'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) => ({
    ...readServersMap(doc, {
      serversPath: ['mcpServers'],
      urlKeys: ['httpUrl', 'url', 'tcp'],
      trustKey: 'trust',
      toolsKeys: ['includeTools'],
      includeToolsKeys: ['includeTools'],
      excludeToolsKeys: ['excludeTools'],
      timeoutKeys: ['timeout'],
      oauthKeys: ['oauth'],
      transport: (entry, type, hasCommand, hasUrl): Transport => {
        if (type) return transportOf(type, hasCommand, hasUrl);
        if (getValue(entry, 'httpUrl')) return 'http';
        if (getValue(entry, 'url')) return 'sse';
        if (getValue(entry, 'tcp')) return 'ws';
        return hasCommand ? 'stdio' : 'unknown';
      },
    }),
    knobs: readKnobs(doc.root, { lists: ['mcp.allowed', 'mcp.excluded', 'tools.allowed'], booleans: ['security.folderTrust.enabled'] }),
  }),
  envReference: (name) => '${' + name + '}',
  userConfigPaths: (env) => {
    const system =
      env.platform === 'darwin'
        ? '/Library/Application Support/GeminiCli/settings.json'
        : env.platform === 'win32'
          ? 'C:\\ProgramData\\gemini-cli\\settings.json'
          : '/etc/gemini-cli/settings.json';
    return [joinPath(env, env.home, '.gemini', 'settings.json'), system];
  },
  schema: {
    serversPath: ['mcpServers'],
    serversShape: 'map',
    entry: entrySchema(() => ({
      type: str,
      command: str,
      args: strList,
      env: envMap,
      cwd: str,
      url: str,
      httpUrl: str,
      tcp: str,
      headers: strMap,
      timeout: num,
      trust: bool,
      description: str,
      includeTools: strList,
      excludeTools: strList,
      oauth: anyObject,
      authProviderType: z.enum(['dynamic_discovery', 'google_credentials', 'service_account_impersonation']),
      targetAudience: str,
      targetServiceAccount: str,
      extension: anyObject,
    })),
    strictKeys: true,
    typeKey: 'type',
    transports: ['sse', 'http', 'stdio'],
    commandKeys: ['command'],
    urlKeys: ['httpUrl', 'url', 'tcp'],
    remote: true,
    standardEntries: true,
    literalKeys: ['description'],
    renames: {
      serverUrl: 'httpUrl',
      uri: 'httpUrl',
      cmd: 'command',
      envs: 'env',
      environment: 'env',
      alwaysAllow: 'trust',
      autoApprove: 'trust',
      transport: 'type',
      disabledTools: 'excludeTools',
      tools: 'includeTools',
    },
  },
};
