import type { Dialect } from '../core/dialect';
import { readServersMap } from './mcpServersMap';
import { filePatterns, joinPath } from './schema';
import { copilotCodingAgent } from './copilotCodingAgent';

const files = filePatterns(['.copilot/mcp-config.json']);

/**
 * GitHub Copilot CLI: `~/.copilot/mcp-config.json` (`$COPILOT_HOME`). Same entry shape as
 * the coding agent (`type`, `tools`, ...), but `tools` and `args` are optional. Expands
 * `$VAR`, `${VAR}`, `${VAR:-default}`. It also reads a project `.mcp.json`, which is linted
 * as Claude Code's (same shape). Comments undocumented: strict JSON.
 */
export const copilotCli: Dialect = {
  id: 'github-copilot-cli',
  displayName: 'GitHub Copilot CLI',
  secretDelivery: {
    mechanism: '`$VAR`, `${VAR}`, `${VAR:-default}`',
    source:
      'github/docs content/copilot/how-tos/use-copilot-agents/use-copilot-cli.md; microsoft/vscode mcpEnvironmentVariableExpansion.ts ("the Copilot CLI\'s rules")',
  },
  syntax: 'json',
  commentsAllowed: false,
  variables: ['dollar', 'dollar-brace'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) => readServersMap(doc, { serversPath: ['mcpServers'], toolsKeys: ['tools'], includeToolsKeys: ['tools'] }),
  envReference: (name) => '${' + name + '}',
  userConfigPaths: (env) => [joinPath(env, env.home, '.copilot', 'mcp-config.json')],
  schema: { ...copilotCodingAgent.schema!, required: undefined },
};
