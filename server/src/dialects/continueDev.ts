import * as z from '../common/zod';
import type { Dialect } from '../core/dialect';
import type { McpConfig, ServerEntry } from '../core/model';
import { stringValue } from '../core/model';
import type { ParsedDocument } from '../core/tree';
import { getValue, getValueAtPath } from '../core/tree';
import { mapEntries, readServerEntry } from './mcpServersMap';
import { STANDARD_RENAMES, anyObject, envMap, filePatterns, joinPath, num, str, strList, entrySchema } from './schema';

const files = filePatterns(['.continue/mcpServers/*.yaml', '.continue/mcpServers/*.yml', '.continue/config.yaml', '.continue/config.yml']);

/**
 * Continue: `~/.continue/config.yaml` and block files `.continue/mcpServers/*.yaml|yml`
 * (`name`, `version`, `schema: v1` at the top). `mcpServers` is an ARRAY of
 * `{ name, type: stdio|sse|streamable-http, command, args, env, cwd, url, requestOptions:
 * { headers } , connectionTimeout }`. Each item is one ServerEntry whose `nameNode` is the
 * `name` value (the item itself when nameless). Secrets: `${{ secrets.NAME }}`.
 * JSON drop-ins in `.continue/mcpServers/` are the separate `continue-json` dialect.
 */
export const continueDev: Dialect = {
  id: 'continue',
  displayName: 'Continue',
  secretDelivery: {
    mechanism: '`${{ secrets.NAME }}` from `.env` files (`~/.continue/.env`, `<workspace>/.continue/.env`, `<workspace>/.env`) or Hub secrets',
    source: 'continuedev/continue docs/customize/deep-dives/mcp.mdx; core/config/yaml/LocalPlatformClient.ts',
  },
  syntax: 'yaml',
  commentsAllowed: true,
  variables: ['gh-secrets'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: readContinue,
  envReference: (name) => '${{ secrets.' + name + ' }}',
  referenceSource: 'read from ~/.continue/.env or the workspace .env',
  userConfigPaths: (env) => [joinPath(env, env.home, '.continue', 'config.yaml')],
  schema: {
    serversPath: ['mcpServers'],
    serversShape: 'array',
    entry: entrySchema(() => ({
      name: str,
      type: str,
      command: str,
      args: strList,
      env: envMap,
      cwd: str,
      url: str,
      requestOptions: z.catchall(z.object({ headers: z.optional(z.record(z.string(), z.string())) }), z.unknown()),
      connectionTimeout: num,
      serverName: str,
      faviconUrl: str,
      apiKey: str,
      sourceFile: str,
      uses: str,
      with: anyObject,
    })),
    strictKeys: true,
    typeKey: 'type',
    transports: ['stdio', 'sse', 'streamable-http'],
    commandKeys: ['command'],
    urlKeys: ['url'],
    remote: true,
    standardEntries: false,
    literalKeys: ['name', 'serverName', 'faviconUrl'],
    builtin: (entry) => getValue(entry, 'uses') !== undefined,
    required: (entry) => (getValue(entry, 'name') || getValue(entry, 'uses') ? [] : [{ key: 'name', why: 'Continue requires a "name" on every MCP server' }]),
    renames: { ...STANDARD_RENAMES, headers: 'requestOptions', timeout: 'connectionTimeout' },
  },
};

function readContinue(doc: ParsedDocument): McpConfig {
  const serversNode = getValue(doc.root, 'mcpServers');
  const servers: ServerEntry[] = [];
  if (serversNode?.type !== 'array') return { servers, serversNode };
  (serversNode.children ?? []).forEach((item, index) => {
    if (item.type !== 'object') return;
    const name = stringValue(getValue(item, 'name'));
    const entry = readServerEntry(name?.value ?? `#${index + 1}`, name?.node ?? item, item, { timeoutKeys: ['connectionTimeout'] });
    const headersNode = getValueAtPath(item, ['requestOptions', 'headers']);
    if (headersNode) {
      entry.headers = mapEntries(headersNode);
      entry.headersNode = headersNode;
    }
    servers.push(entry);
  });
  return { servers, serversNode };
}
