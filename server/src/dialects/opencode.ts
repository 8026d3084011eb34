import * as z from '../common/zod';
import type { Dialect } from '../core/dialect';
import type { McpConfig, ServerEntry } from '../core/model';
import { stringList } from '../core/model';
import type { ParsedDocument } from '../core/tree';
import { entries, getValue } from '../core/tree';
import { readServerEntry, transportOf } from './mcpServersMap';
import { anyObject, bool, envMap, filePatterns, joinPath, num, str, strMap, xdgConfigDir, entrySchema } from './schema';

const files = filePatterns(['opencode.json', 'opencode.jsonc']);

/**
 * opencode: `opencode.json` / `opencode.jsonc` (project, up to the git root) and
 * `~/.config/opencode/opencode.json`; JSONC. Key `mcp`; local servers are
 * `{ type: "local", command: [program, ...args], environment }`, remote ones
 * `{ type: "remote", url, headers, oauth }`; both take `enabled` and `timeout` (ms).
 *
 * Mapping: `command[0]` is the model's `command`, the rest are `args`, and `argsNode` is the
 * whole command array (inserting an argument there is right for opencode too).
 * `{env:NAME}` and `{file:path}` are expanded anywhere.
 */
export const opencode: Dialect = {
  id: 'opencode',
  displayName: 'opencode',
  secretDelivery: {
    mechanism: '`{env:NAME}` and `{file:path}` anywhere in the config',
    source: 'https://opencode.ai/docs/config/ (anomalyco/opencode packages/web/src/content/docs/config.mdx, "Variables")',
  },
  syntax: 'json',
  commentsAllowed: true,
  variables: ['brace-env'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: readOpencode,
  envReference: (name) => '{env:' + name + '}',
  userConfigPaths: (env) => [joinPath(env, xdgConfigDir(env), 'opencode', 'opencode.json'), joinPath(env, xdgConfigDir(env), 'opencode', 'opencode.jsonc')],
  schema: {
    serversPath: ['mcp'],
    serversShape: 'map',
    entry: entrySchema(() => ({
      type: z.enum(['local', 'remote'], { error: 'Unknown "type": use "local" or "remote", the two opencode reads' }),
      command: z.array(z.string(), {
        error: '"command" must be an array: write the program and its arguments, e.g. ["npx", "-y", "pkg"]. opencode rejects a string',
      }),
      environment: envMap,
      cwd: str,
      url: str,
      headers: strMap,
      enabled: bool,
      timeout: num,
      oauth: z.union([z.literal(false), anyObject]),
    })),
    strictKeys: true,
    typeKey: 'type',
    transports: ['local', 'remote'],
    commandKeys: ['command'],
    urlKeys: ['url'],
    remote: true,
    standardEntries: false,
    required: (entry) =>
      getValue(entry, 'type') ? [] : [{ key: 'type', why: 'opencode needs "type": "local" (with "command") or "remote" (with "url") on every server' }],
    renames: { env: 'environment', args: 'command', serverUrl: 'url', httpUrl: 'url', uri: 'url', cmd: 'command', disabled: 'enabled', transport: 'type' },
  },
};

function readOpencode(doc: ParsedDocument): McpConfig {
  const serversNode = getValue(doc.root, 'mcp');
  const servers: ServerEntry[] = [];
  for (const { key, keyNode, valueNode } of entries(serversNode)) {
    if (valueNode.type !== 'object') continue;
    const entry = readServerEntry(key, keyNode, valueNode, { envKeys: ['environment'], enabledKey: 'enabled', timeoutKeys: ['timeout'], oauthKeys: ['oauth'] });
    const commandNode = getValue(valueNode, 'command');
    if (commandNode?.type === 'array') {
      const [program, ...args] = stringList(commandNode);
      entry.command = program;
      entry.args = args;
      entry.argsNode = commandNode;
    }
    entry.transport = transportOf(entry.type?.value, entry.command !== undefined, entry.url !== undefined);
    servers.push(entry);
  }
  return { servers, serversNode };
}
