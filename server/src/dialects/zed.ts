import * as z from '../common/zod';
import type { Dialect } from '../core/dialect';
import type { McpConfig, ServerEntry } from '../core/model';
import { stringList, stringValue } from '../core/model';
import type { TreeNode } from '../core/tree';
import { entries, getValue } from '../core/tree';
import { mapEntries, readServerEntry } from './mcpServersMap';
import { anyObject, appDataDir, bool, envMap, filePatterns, joinPath, num, str, strList, strMap, xdgConfigDir, entrySchema } from './schema';

const files = filePatterns(['.zed/settings.json', 'zed/settings.json', 'Zed/settings.json']);

/**
 * Zed: `~/.config/zed/settings.json` (`%APPDATA%\Zed\settings.json`), project
 * `.zed/settings.json`; key `context_servers`, JSONC. Three historical entry shapes are read:
 *   1. legacy (early 2025): `{ "command": { "path", "args", "env" }, "settings": {} }`
 *      (current Zed rejects it: reported by schema-invalid-type on `command`);
 *   2. tagged: `{ "source": "custom", "command": "npx", "args", "env" }` or
 *      `{ "source": "extension", "settings": {...} }` (`source` is now ignored);
 *   3. current: stdio `{ command, args?, env?, timeout?, enabled? }`, HTTP `{ url, headers? }`,
 *      extension `{ settings, enabled? }`.
 * No variable expansion. A settings.json at an unknown path with `context_servers` is
 * recognised by content.
 */
export const zed: Dialect = {
  id: 'zed',
  displayName: 'Zed',
  secretDelivery: {
    mechanism: "none in the file; the stdio child inherits Zed's own environment plus `env`",
    source: 'zed-industries/zed crates/context_server/src/transport/stdio_transport.rs (`.envs(...)`, no `env_clear`); docs/src/ai/mcp.md',
  },
  syntax: 'json',
  commentsAllowed: true,
  variables: [],
  globs: files.globs,
  matchPath: files.matchPath,
  matchContent: (root) => getValue(root, 'context_servers')?.type === 'object',
  read: readZed,
  userConfigPaths: (env) => [
    env.platform === 'win32' ? joinPath(env, appDataDir(env), 'Zed', 'settings.json') : joinPath(env, xdgConfigDir(env), 'zed', 'settings.json'),
  ],
  schema: {
    serversPath: ['context_servers'],
    // The stdio child gets Zed's own environment plus `env`: `.envs(...)` without `env_clear`
    // (zed-industries/zed crates/context_server/src/transport/stdio_transport.rs).
    inheritsEnvironment: true,
    serversShape: 'map',
    entry: entrySchema(() => ({
      source: z.enum(['custom', 'extension']),
      command: z.string({
        error:
          '"command" must be the program (a string): move "args" and "env" beside it. The nested {"path", "args", "env"} form is the early-2025 format that current Zed rejects',
      }),
      args: strList,
      env: envMap,
      timeout: num,
      enabled: bool,
      remote: bool,
      url: str,
      headers: strMap,
      oauth: z.object({ client_id: str, client_secret: z.optional(str) }),
      settings: anyObject,
    })),
    strictKeys: true,
    builtin: (entry) => getValue(entry, 'settings') !== undefined || getValue(entry, 'source')?.value === 'extension',
    commandKeys: ['command'],
    urlKeys: ['url'],
    remote: true,
    expansionHint: 'write the value itself or start the server through a wrapper script that sets it',
    standardEntries: true,
    renames: { serverUrl: 'url', httpUrl: 'url', uri: 'url', cmd: 'command', envs: 'env', environment: 'env', disabled: 'enabled' },
  },
};

function readZed(doc: { root: TreeNode | undefined }): McpConfig {
  const serversNode = getValue(doc.root, 'context_servers');
  const servers: ServerEntry[] = [];
  for (const { key, keyNode, valueNode } of entries(serversNode)) {
    if (valueNode.type !== 'object') continue;
    const entry = readServerEntry(key, keyNode, valueNode, { enabledKey: 'enabled', timeoutKeys: ['timeout'], oauthKeys: ['oauth'] });
    const nested = getValue(valueNode, 'command');
    if (nested?.type === 'object') {
      // Legacy shape: the process lives in `command: { path, args, env }`.
      entry.command = stringValue(getValue(nested, 'path'));
      const argsNode = getValue(nested, 'args');
      entry.args = stringList(argsNode);
      entry.argsNode = argsNode;
      const envNode = getValue(nested, 'env');
      entry.env = mapEntries(envNode);
      entry.envNode = envNode;
      entry.transport = entry.command ? 'stdio' : 'unknown';
    }
    if (!entry.command && !entry.url && getValue(valueNode, 'settings')) entry.transport = 'unknown';
    servers.push(entry);
  }
  return { servers, serversNode };
}
