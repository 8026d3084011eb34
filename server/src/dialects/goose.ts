import * as z from '../common/zod';
import type { Dialect } from '../core/dialect';
import type { McpConfig, ServerEntry } from '../core/model';
import type { ParsedDocument } from '../core/tree';
import { entries, getValue } from '../core/tree';
import { readServerEntry, transportOf } from './mcpServersMap';
import { readKnobs } from './knobs';
import { anyObject, appDataDir, bool, envMap, filePatterns, joinPath, num, str, strList, strMap, xdgConfigDir, entrySchema } from './schema';

const files = filePatterns(['goose/config.yaml', 'goose/config/config.yaml']);
const BUILTIN = ['builtin', 'platform', 'frontend', 'inline_python'];

/**
 * Goose: `~/.config/goose/config.yaml` (Windows `%APPDATA%\Block\goose\config\config.yaml`),
 * YAML. Key `extensions`, a map of id -> `{ name, type: stdio|sse|streamable_http|builtin|
 * platform|frontend|inline_python, enabled, cmd, args, envs, env_keys, uri, headers,
 * timeout (s), description, display_name, bundled, available_tools }`. `cmd`/`uri`/`envs`
 * map to command/url/env; `env_keys` (values from the keyring) to `envPassthrough`. No
 * variable expansion is documented.
 */
export const goose: Dialect = {
  id: 'goose',
  displayName: 'Goose',
  secretDelivery: {
    mechanism: 'none in the file; `env_keys` names variables Goose reads from its keyring or environment',
    source: 'block/goose documentation/docs/guides/config-files.md; crates/goose/src/agents/extension.rs (env_keys)',
  },
  syntax: 'yaml',
  commentsAllowed: true,
  variables: [],
  globs: files.globs,
  matchPath: files.matchPath,
  read: readGoose,
  userConfigPaths: (env) => [
    env.platform === 'win32'
      ? joinPath(env, appDataDir(env), 'Block', 'goose', 'config', 'config.yaml')
      : joinPath(env, xdgConfigDir(env), 'goose', 'config.yaml'),
  ],
  schema: {
    serversPath: ['extensions'],
    serversShape: 'map',
    entry: entrySchema(() => ({
      name: str,
      type: str,
      enabled: bool,
      cmd: str,
      args: strList,
      envs: envMap,
      env_keys: strList,
      uri: str,
      headers: strMap,
      timeout: num,
      description: str,
      display_name: str,
      bundled: z.union([bool, z.null()]),
      available_tools: strList,
      code: str,
      dependencies: z.union([strList, z.null()]),
      tools: z.array(anyObject),
      instructions: str,
    })),
    strictKeys: true,
    typeKey: 'type',
    transports: ['stdio', 'sse', 'streamable_http', ...BUILTIN],
    builtin: (entry) => BUILTIN.includes(String(getValue(entry, 'type')?.value)),
    commandKeys: ['cmd'],
    urlKeys: ['uri'],
    expansionHint: 'list the variable in env_keys so Goose reads it from the keyring or secrets.yaml',
    passthroughListKey: 'env_keys',
    remote: true,
    standardEntries: false,
    literalKeys: ['name', 'description', 'display_name', 'env_keys'],
    renames: { command: 'cmd', url: 'uri', serverUrl: 'uri', httpUrl: 'uri', env: 'envs', environment: 'envs', disabled: 'enabled', transport: 'type' },
  },
};

function readGoose(doc: ParsedDocument): McpConfig {
  const serversNode = getValue(doc.root, 'extensions');
  const servers: ServerEntry[] = [];
  for (const { key, keyNode, valueNode } of entries(serversNode)) {
    if (valueNode.type !== 'object') continue;
    const entry = readServerEntry(key, keyNode, valueNode, {
      commandKeys: ['cmd'],
      urlKeys: ['uri'],
      envKeys: ['envs'],
      enabledKey: 'enabled',
      timeoutKeys: ['timeout'],
      envPassthroughKeys: ['env_keys'],
      includeToolsKeys: ['available_tools'],
    });
    const type = entry.type?.value;
    entry.transport = type && BUILTIN.includes(type) ? 'unknown' : transportOf(type, entry.command !== undefined, entry.url !== undefined);
    servers.push(entry);
  }
  return { servers, serversNode, knobs: readKnobs(doc.root, { strings: ['GOOSE_MODE'], lists: ['GOOSE_ALLOWLIST'] }) };
}
