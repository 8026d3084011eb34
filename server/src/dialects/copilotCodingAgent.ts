import type { Dialect } from '../core/dialect';
import { getValue } from '../core/tree';
import { readServersMap } from './mcpServersMap';
import { STANDARD_RENAMES, envMap, filePatterns, str, strList, strMap, entrySchema } from './schema';

const files = filePatterns(['.github/copilot/mcp.json', '.github/copilot-mcp.json']);

/**
 * GitHub Copilot coding agent (cloud agent). Its MCP configuration is JSON pasted into the
 * repository's Settings -> Copilot -> Coding agent page, not a file GitHub reads. Repositories
 * keep the pasted JSON as `.github/copilot/mcp.json` (what the corpus shows), so that path
 * is linted with the agent's rules: `mcpServers`, `type` (`local|stdio|http|sse`) and
 * `tools` required on every server (the agent runs listed tools without asking), `args`
 * required for local servers; only `COPILOT_MCP_*` secrets, referenced as `$NAME`,
 * `${NAME}` or `${NAME:-default}`. No comments (the settings page rejects them).
 */
export const copilotCodingAgent: Dialect = {
  id: 'github-copilot-coding-agent',
  displayName: 'GitHub Copilot coding agent',
  secretDelivery: {
    mechanism: "`$COPILOT_MCP_NAME` / `${COPILOT_MCP_NAME}` from secrets of the repository's `copilot` environment",
    source: 'github/docs content/copilot/how-tos/use-copilot-agents/coding-agent/extend-coding-agent-with-mcp.md',
  },
  syntax: 'json',
  commentsAllowed: false,
  variables: ['dollar', 'dollar-brace'],
  globs: files.globs,
  matchPath: files.matchPath,
  read: (doc) => readServersMap(doc, { serversPath: ['mcpServers'], toolsKeys: ['tools'], includeToolsKeys: ['tools'] }),
  envReference: (name) => '$' + (name.startsWith('COPILOT_MCP_') ? name : 'COPILOT_MCP_' + name),
  referenceSource: "add it as a secret of the repository's copilot environment",
  userConfigPaths: () => [],
  schema: {
    serversPath: ['mcpServers'],
    serversShape: 'map',
    entry: entrySchema(() => ({ type: str, command: str, args: strList, env: envMap, cwd: str, url: str, headers: strMap, tools: strList })),
    strictKeys: true,
    typeKey: 'type',
    transports: ['local', 'stdio', 'http', 'sse'],
    commandKeys: ['command'],
    urlKeys: ['url'],
    remote: true,
    standardEntries: true,
    required: (entry, transport) => {
      const missing: Array<{ key: string; why: string }> = [];
      if (!getValue(entry, 'type')) missing.push({ key: 'type', why: 'the Copilot coding agent requires "type" ("local", "http" or "sse") on every server' });
      if (!getValue(entry, 'tools'))
        missing.push({
          key: 'tools',
          why: 'the Copilot coding agent requires "tools" on every server: list the tools it may call (it calls them without asking), or ["*"]',
        });
      if (transport === 'stdio' && getValue(entry, 'command') && !getValue(entry, 'args'))
        missing.push({ key: 'args', why: 'the Copilot coding agent requires "args" on local servers (use [] for none)' });
      return missing;
    },
    renames: { ...STANDARD_RENAMES, alwaysAllow: 'tools', autoApprove: 'tools', includeTools: 'tools' },
  },
};
