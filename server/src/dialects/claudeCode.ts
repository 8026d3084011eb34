import * as z from '../common/zod';
import { COPILOT_CLI, VISUAL_STUDIO, VSCODE_PORTABLE } from './readers';
import type { Dialect, UserEnvironment } from '../core/dialect';
import type { TreeNode } from '../core/tree';
import type { Transport } from '../core/model';
import { getValue } from '../core/tree';
import { readServersMap, type ServersMapShape } from './mcpServersMap';
import { STANDARD_RENAMES, bool, filePatterns, num, str, strList, strMap, type DialectSchema, entrySchema } from './schema';

/** Every key Claude Code reads in a server entry (code.claude.com/docs/en/mcp). */
const CLAUDE_CODE_ENTRY = entrySchema(() => ({
  type: str,
  command: str,
  args: strList,
  env: strMap,
  url: str,
  headers: strMap,
  headersHelper: str,
  oauth: z.object({ clientId: z.optional(str), callbackPort: z.optional(num), authServerMetadataUrl: z.optional(str), scopes: z.optional(str) }),
  timeout: num,
  alwaysLoad: bool,
}));

/** Reading options shared by every Claude Code file that holds servers. */
export const CLAUDE_CODE_SHAPE: Omit<ServersMapShape, 'serversPath'> = {
  timeoutKeys: ['timeout'],
  oauthKeys: ['oauth'],
  // A missing `type` means stdio, even with a `url` (the entry is then skipped with an error).
  transport: (_entry: TreeNode, type: string | undefined, hasCommand: boolean): Transport => {
    switch (type?.toLowerCase()) {
      case undefined:
        return hasCommand ? 'stdio' : 'unknown';
      case 'stdio':
        return 'stdio';
      case 'http':
      case 'streamable-http':
        return 'http';
      case 'sse':
        return 'sse';
      case 'ws':
        return 'ws';
      default:
        return 'unknown';
    }
  },
};

export function claudeCodeSchema(serversPath: readonly string[]): DialectSchema {
  return {
    serversPath,
    serversShape: 'map',
    entry: CLAUDE_CODE_ENTRY,
    strictKeys: true,
    typeKey: 'type',
    transports: ['stdio', 'http', 'sse', 'ws', 'streamable-http'],
    commandKeys: ['command'],
    urlKeys: ['url'],
    remote: true,
    standardEntries: true,
    renames: { ...STANDARD_RENAMES, transportType: 'type' },
    required: (entry) =>
      getValue(entry, 'url') && !getValue(entry, 'type')
        ? [
            {
              key: 'type',
              why: 'Claude Code treats an entry without "type" as stdio, so a "url" entry without "type": "http" (or "sse") is skipped with an error',
            },
          ]
        : [],
  };
}

const files = filePatterns(['.mcp.json', 'managed-mcp.json', '.claude-plugin/plugin.json']);

/**
 * Claude Code project scope: `.mcp.json` at the project root (also a plugin's `.mcp.json`,
 * `plugin.json` `mcpServers`, and the managed `managed-mcp.json`). Strict JSON; `${VAR}`
 * and `${VAR:-default}` are expanded in command, args, env, url and headers.
 *
 * Every `.mcp.json` is Claude Code's here, although Copilot CLI, VS Code's workspace
 * discovery and Visual Studio read the same name: the first two use the same shape; see
 * visualStudio.ts for the third.
 */
export const claudeCode: Dialect = {
  id: 'claude-code',
  displayName: 'Claude Code',
  secretDelivery: {
    mechanism: '`${VAR}` / `${VAR:-default}` in command, args, env, url and headers',
    source: 'https://code.claude.com/docs/en/mcp ("Environment variable expansion in .mcp.json")',
  },
  syntax: 'json',
  commentsAllowed: false,
  variables: ['dollar-brace'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) => readServersMap(doc, { serversPath: ['mcpServers'], ...CLAUDE_CODE_SHAPE }),
  envReference: (name) => '${' + name + '}',
  // A project `.mcp.json` is also Copilot CLI's, VS Code's and Visual Studio's (dialects/readers.ts).
  sharedReaders: (path) => (path.endsWith('/.mcp.json') ? [COPILOT_CLI, VSCODE_PORTABLE, VISUAL_STUDIO] : []),
  userConfigPaths: (env: UserEnvironment) => [claudeCodeManagedFile(env, 'managed-mcp.json')],
  schema: claudeCodeSchema(['mcpServers']),
};

/**
 * A file of Claude Code's machine-wide managed folder: `managed-mcp.json` (exclusive control
 * of MCP servers) and `managed-settings.json` (code.claude.com/docs/en/managed-mcp.md, settings.md).
 */
export function claudeCodeManagedFile(env: UserEnvironment, name: string): string {
  if (env.platform === 'darwin') return `/Library/Application Support/ClaudeCode/${name}`;
  if (env.platform === 'win32') return `C:\\Program Files\\ClaudeCode\\${name}`;
  return `/etc/claude-code/${name}`;
}
