import type { Dialect } from '../core/dialect';
import type { ListKnob, McpConfig } from '../core/model';
import { stringList } from '../core/model';
import { getValue } from '../core/tree';
import { readServersMap } from './mcpServersMap';
import { STANDARD_RENAMES, anyObject, bool, envMap, filePatterns, joinPath, num, str, strList, strMap, entrySchema } from './schema';

const files = filePatterns([
  '.amazonq/mcp.json',
  '.amazonq/default.json',
  '.amazonq/cli-agents/*.json',
  '.amazonq/agents/*.json',
  '.aws/amazonq/mcp.json',
  '.aws/amazonq/default.json',
  '.aws/amazonq/agents/*.json',
  '.aws/amazonq/cli-agents/*.json',
]);

/**
 * Amazon Q Developer (IDE plugins and Q CLI): legacy `mcp.json` (`.amazonq/` and
 * `~/.aws/amazonq/`), `default.json`, and agent files (`agents/*.json`,
 * `cli-agents/*.json`) that add agent-level `tools` / `allowedTools` (exposed as knobs).
 * `type: "http"` + `url` for remote servers, `timeout` in ms, `${env:VAR}` in env and
 * headers. Strict JSON.
 */
export const amazonQ: Dialect = {
  id: 'amazon-q',
  displayName: 'Amazon Q Developer',
  secretDelivery: {
    mechanism: '`${env:NAME}` in env (stdio) and headers (http)',
    source: 'https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/mcp-ide.html',
  },
  syntax: 'json',
  commentsAllowed: false,
  variables: ['env-colon'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc): McpConfig => {
    const config = readServersMap(doc, { serversPath: ['mcpServers'], timeoutKeys: ['timeout'] });
    const lists: ListKnob[] = [];
    for (const key of ['tools', 'allowedTools']) {
      const node = getValue(doc.root, key);
      if (node?.type === 'array') lists.push({ key, node, values: stringList(node) });
    }
    const legacy = getValue(doc.root, 'useLegacyMcpJson');
    return lists.length || legacy?.type === 'boolean'
      ? {
          ...config,
          knobs: {
            lists,
            booleans: legacy?.type === 'boolean' ? [{ key: 'useLegacyMcpJson', node: legacy, value: legacy.value as boolean }] : [],
            strings: [],
          },
        }
      : config;
  },
  envReference: (name) => '${env:' + name + '}',
  userConfigPaths: (env) => [
    joinPath(env, env.home, '.aws', 'amazonq', 'mcp.json'),
    joinPath(env, env.home, '.aws', 'amazonq', 'default.json'),
    joinPath(env, env.home, '.aws', 'amazonq', 'agents', 'default.json'),
  ],
  schema: {
    serversPath: ['mcpServers'],
    serversShape: 'map',
    entry: entrySchema(() => ({
      type: str,
      command: str,
      args: strList,
      env: envMap,
      url: str,
      headers: strMap,
      timeout: num,
      disabled: bool,
      autoApprove: strList,
      oauth: anyObject,
    })),
    strictKeys: true,
    typeKey: 'type',
    transports: ['stdio', 'http'],
    commandKeys: ['command'],
    urlKeys: ['url'],
    remote: true,
    standardEntries: true,
    renames: { ...STANDARD_RENAMES, alwaysAllow: 'autoApprove' },
  },
};
