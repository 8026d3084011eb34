import type { Dialect } from '../core/dialect';
import type { McpConfig } from '../core/model';
import { filePatterns } from './schema';
import { readKnobs } from './knobs';

const files = filePatterns(['copilot/managed-settings.json', 'GitHubCopilot/managed-settings.json', 'github-copilot/managed-settings.json']);

/**
 * GitHub Copilot's enterprise managed settings: `copilot/managed-settings.json` in the
 * enterprise's `.github-private` repository, or on disk at `/Library/Application
 * Support/GitHubCopilot/`, `%ProgramFiles%\GitHubCopilot\`, `/etc/github-copilot/`.
 * No servers, only the organisation's MCP allow-list and deny-list (`allowedMcpServers`,
 * `deniedMcpServers`) and permission knobs, read by the policy rules. Strict JSON.
 * Source: docs.github.com/en/copilot/reference/enterprise-administrators/enterprise-managed-settings;
 * github/docs deploy-managed-settings.md (file paths).
 */
export const copilotManagedSettings: Dialect = {
  id: 'copilot-managed-settings',
  displayName: 'GitHub Copilot managed settings',
  syntax: 'json',
  commentsAllowed: false,
  variables: [],
  globs: files.globs,
  matchPath: files.matchPath,
  userConfigPaths: (env) => [
    env.platform === 'darwin'
      ? '/Library/Application Support/GitHubCopilot/managed-settings.json'
      : env.platform === 'win32'
        ? 'C:\\Program Files\\GitHubCopilot\\managed-settings.json'
        : '/etc/github-copilot/managed-settings.json',
  ],
  read: (doc) =>
    ({
      servers: [],
      knobs: readKnobs(doc.root, { booleans: [], lists: ['allowedMcpServers', 'deniedMcpServers'], strings: ['permissions.disableBypassPermissionsMode'] }) ?? {
        booleans: [],
        lists: [],
        strings: [],
      },
    }) satisfies McpConfig,
};
