import type { Dialect } from '../core/dialect';
import type { TreeNode } from '../core/tree';
import { getValue } from '../core/tree';
import { readServersMap } from './mcpServersMap';

/** Root keys that hold a servers map in one client or another. */
const SERVERS_KEYS = ['mcpServers', 'servers', 'mcp_servers', 'context_servers'] as const;

/**
 * Any file with a recognisable servers map but a name no client uses (examples, templates,
 * docs). Findings still flow; schema checks stay lenient because we do not know the client.
 */
export const generic: Dialect = {
  id: 'generic',
  displayName: 'MCP config (unknown client)',
  syntax: 'json',
  commentsAllowed: true,
  variables: ['input', 'env-colon', 'vscode-builtin', 'dollar-brace', 'dollar', 'brace-env', 'gh-secrets'],
  globs: [],
  matchPath: () => 0,
  userConfigPaths: () => [],
  matchContent: (root) => serversKey(root) !== undefined,
  read: (doc) => {
    const key = serversKey(doc.root);
    return key ? readServersMap(doc, { serversPath: [key] }) : { servers: [] };
  },
};

function serversKey(root: TreeNode | undefined): string | undefined {
  for (const key of SERVERS_KEYS) {
    const node = getValue(root, key);
    if (node && node.type === 'object') return key;
  }
  return undefined;
}
