import type { SharedReader } from '../core/dialect';

/**
 * Clients that read a file whose format another client owns. The file is linted in its
 * owner's dialect; these readers only matter to secret fixes, which must leave the server
 * working for every client that starts it (docs/remediation.md).
 */

/**
 * VS Code reads a workspace `.mcp.json` (the "portable" Copilot format) and expands only
 * `${VAR}` and `${VAR:-default}` there; bare `$VAR` stays literal
 * (microsoft/vscode src/vs/workbench/contrib/mcp/common/mcpEnvironmentVariableExpansion.ts).
 */
export const VSCODE_PORTABLE: SharedReader = {
  name: 'VS Code',
  expands: ['dollar-brace'],
  otherwise: 'passes it literally',
  source: 'microsoft/vscode src/vs/workbench/contrib/mcp/common/mcpEnvironmentVariableExpansion.ts',
};

/** Copilot CLI reads a project `.mcp.json`: `$VAR`, `${VAR}`, `${VAR:-default}` (github/docs use-copilot-cli.md). */
export const COPILOT_CLI: SharedReader = {
  name: 'Copilot CLI',
  expands: ['dollar', 'dollar-brace'],
  otherwise: 'passes it literally',
  source: 'github/docs content/copilot/how-tos/use-copilot-agents/use-copilot-cli.md; VS Code mcpEnvironmentVariableExpansion.ts ("the Copilot CLI\'s rules")',
};

/**
 * Copilot Agent Host sessions in VS Code do not read VS Code-format files; VS Code forwards
 * their servers "except servers that require interactive input, such as ${input:...}"
 * (microsoft/vscode-docs docs/agents/reference/mcp-configuration.md, docs/agents/concepts/agent-host.md).
 */
export const COPILOT_AGENT_HOST: SharedReader = {
  name: 'Copilot Agent Host sessions',
  expands: ['env-colon', 'vscode-builtin'],
  otherwise: 'skip servers that need it',
  source:
    'microsoft/vscode-docs docs/agents/reference/mcp-configuration.md ("VS Code forwards eligible servers ... except servers that require interactive input")',
};

/**
 * Visual Studio reads `.mcp.json`, `.vscode/mcp.json` and `.cursor/mcp.json` from the
 * solution folder; its docs say nothing of variable expansion
 * (MicrosoftDocs/visualstudio-docs docs/ide/mcp-servers.md), so no fix can be shown to work
 * there or not: the remediation page says so instead of a title guessing either way.
 */
export const VISUAL_STUDIO: SharedReader = {
  name: 'Visual Studio',
  expands: 'unverified',
  otherwise: 'may pass it literally',
  source: 'MicrosoftDocs/visualstudio-docs docs/ide/mcp-servers.md (file locations; no variable syntax documented)',
};
