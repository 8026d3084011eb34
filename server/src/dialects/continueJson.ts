import type { Dialect } from '../core/dialect';
import { readServersMap } from './mcpServersMap';
import { filePatterns } from './schema';
import { cursor } from './cursor';
import { continueDev } from './continueDev';

const files = filePatterns(['.continue/mcpServers/*.json']);

/**
 * Continue's JSON drop-ins: `.continue/mcpServers/*.json` files in the Claude/Cursor/Cline
 * shape (`mcpServers` map), picked up as they are. Continue's JSON schema accepts
 * `type: stdio|sse|http`, `envFile` and `headers`. Variables as in Continue.
 */
export const continueJson: Dialect = {
  id: 'continue-json',
  displayName: 'Continue (JSON drop-in)',
  secretDelivery: {
    mechanism: '`${{ secrets.NAME }}`, as the YAML files',
    source: 'continuedev/continue packages/config-yaml/src/schemas/mcp/json.ts',
  },
  syntax: 'json',
  commentsAllowed: false,
  variables: ['gh-secrets'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) => readServersMap(doc, { serversPath: ['mcpServers'] }),
  envReference: continueDev.envReference,
  referenceSource: continueDev.referenceSource,
  userConfigPaths: () => [],
  schema: { ...cursor.schema!, transports: ['stdio', 'sse', 'http'], strictKeys: false },
};
