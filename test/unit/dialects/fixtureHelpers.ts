import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve(__dirname, '..', '..', 'fixtures', 'dialects');

/** Where each dialect's fixtures are linted: a path that client really reads. */
export const VIRTUAL_PATH: Readonly<Record<string, string>> = {
  vscode: '/proj/.vscode/mcp.json',
  'vscode-settings': '/proj/.vscode/settings.json',
  devcontainer: '/proj/.devcontainer/devcontainer.json',
  'visual-studio': 'C:\\src\\app\\.vs\\mcp.json',
  'claude-desktop': '/Users/me/Library/Application Support/Claude/claude_desktop_config.json',
  'claude-code': '/proj/.mcp.json',
  'claude-code-user': '/home/me/.claude.json',
  'claude-code-settings': '/proj/.claude/settings.json',
  'copilot-managed-settings': '/org/.github-private/copilot/managed-settings.json',
  cursor: '/proj/.cursor/mcp.json',
  windsurf: '/home/me/.codeium/windsurf/mcp_config.json',
  cline: '/home/me/.cline/data/settings/cline_mcp_settings.json',
  'roo-code': '/proj/.roo/mcp.json',
  'gemini-cli': '/proj/.gemini/settings.json',
  zed: '/home/me/.config/zed/settings.json',
  codex: '/home/me/.codex/config.toml',
  kiro: '/proj/.kiro/settings/mcp.json',
  'amazon-q': '/proj/.amazonq/cli-agents/dev.json',
  opencode: '/proj/opencode.json',
  continue: '/proj/.continue/mcpServers/github.yaml',
  'continue-json': '/proj/.continue/mcpServers/fs.json',
  goose: '/home/me/.config/goose/config.yaml',
  'github-copilot-coding-agent': '/proj/.github/copilot/mcp.json',
  'github-copilot-cli': '/home/me/.copilot/mcp-config.json',
  junie: '/proj/.junie/mcp/mcp.json',
  'lm-studio': '/home/me/.lmstudio/mcp.json',
};

export function fixtureFiles(dialectId: string): string[] {
  return readdirSync(join(FIXTURES, dialectId)).sort();
}

export function readFixture(dialectId: string, file: string): string {
  return readFileSync(join(FIXTURES, dialectId, file), 'utf8');
}
