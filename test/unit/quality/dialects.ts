/**
 * Writes one server entry as a realistic config file of a client: the file the client reads,
 * at its usual path, in its own shape (root key, remote-URL key, env key, command array,
 * TOML tables, YAML lists). Every string is written JSON-quoted (valid in JSON, TOML basic
 * strings and YAML double-quoted scalars), so a needle quoted with `JSON.stringify` is found
 * in any of them.
 */

/** A server in client-neutral terms; each dialect writes it its own way. */
export interface Srv {
  /** The program, or a whole command line written as one string (then no `args`). */
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  url?: string;
  headers?: Record<string, string>;
  /** Remote transport; `http` (Streamable HTTP) unless `sse`. */
  transport?: 'http' | 'sse';
}

export type DialectId =
  | 'vscode'
  | 'claude-desktop'
  | 'claude-code'
  | 'cursor'
  | 'windsurf'
  | 'cline'
  | 'roo'
  | 'gemini'
  | 'zed'
  | 'codex'
  | 'continue'
  | 'kiro'
  | 'amazon-q'
  | 'opencode'
  | 'goose'
  | 'copilot-cli'
  | 'junie'
  | 'lm-studio'
  | 'visual-studio';

export const PATHS: Record<DialectId, string> = {
  vscode: '/work/app/.vscode/mcp.json',
  'claude-desktop': '/Users/dev/Library/Application Support/Claude/claude_desktop_config.json',
  'claude-code': '/work/app/.mcp.json',
  cursor: '/work/app/.cursor/mcp.json',
  windsurf: '/home/dev/.codeium/windsurf/mcp_config.json',
  cline: '/home/dev/.cline/data/settings/cline_mcp_settings.json',
  roo: '/work/app/.roo/mcp.json',
  gemini: '/work/app/.gemini/settings.json',
  zed: '/work/app/.zed/settings.json',
  codex: '/home/dev/.codex/config.toml',
  continue: '/work/app/.continue/mcpServers/team.yaml',
  kiro: '/work/app/.kiro/settings/mcp.json',
  'amazon-q': '/work/app/.amazonq/mcp.json',
  opencode: '/work/app/opencode.json',
  goose: '/home/dev/.config/goose/config.yaml',
  'copilot-cli': '/home/dev/.copilot/mcp-config.json',
  junie: '/work/app/.junie/mcp/mcp.json',
  'lm-studio': '/home/dev/.lmstudio/mcp.json',
  'visual-studio': '/work/app/.vs/mcp.json',
};

/** Every client that runs stdio servers from its file. */
export const STDIO: readonly DialectId[] = [
  'vscode',
  'claude-desktop',
  'claude-code',
  'cursor',
  'windsurf',
  'cline',
  'roo',
  'gemini',
  'zed',
  'codex',
  'continue',
  'kiro',
  'amazon-q',
  'opencode',
  'goose',
  'copilot-cli',
  'junie',
  'lm-studio',
  'visual-studio',
];
/** Every client that connects to remote servers from its file (Claude Desktop does not). */
export const REMOTE: readonly DialectId[] = STDIO.filter((d) => d !== 'claude-desktop');

const q = (value: string) => JSON.stringify(value);
const pretty = (value: unknown) => JSON.stringify(value, null, 2);

function stdioEntry(s: Srv, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const entry: Record<string, unknown> = { command: s.command };
  if (s.args) entry.args = s.args;
  if (s.env) entry.env = s.env;
  return { ...entry, ...extra };
}

/** The JSON object of one entry for the clients with an `mcpServers`-style map. */
function jsonEntry(dialect: DialectId, s: Srv): Record<string, unknown> {
  const remote = s.url !== undefined;
  const headers = s.headers ? { headers: s.headers } : {};
  const sse = s.transport === 'sse';
  switch (dialect) {
    case 'vscode':
    case 'visual-studio':
      return remote ? { type: sse ? 'sse' : 'http', url: s.url, ...headers } : { type: 'stdio', ...stdioEntry(s) };
    case 'claude-code':
    case 'copilot-cli':
    case 'amazon-q':
      return remote ? { type: sse ? 'sse' : 'http', url: s.url, ...headers } : stdioEntry(s);
    case 'windsurf':
      return remote ? { serverUrl: s.url, ...headers } : stdioEntry(s);
    case 'cline':
      return remote
        ? { type: sse ? 'sse' : 'streamableHttp', url: s.url, ...headers, disabled: false, autoApprove: [] }
        : stdioEntry(s, { disabled: false, autoApprove: [] });
    case 'roo':
      return remote ? { type: sse ? 'sse' : 'streamable-http', url: s.url, ...headers, alwaysAllow: [] } : stdioEntry(s, { alwaysAllow: [] });
    case 'gemini':
      return remote ? { [sse ? 'url' : 'httpUrl']: s.url, ...headers, timeout: 30000 } : stdioEntry(s, { timeout: 30000 });
    case 'kiro':
      return remote ? { url: s.url, ...headers, disabled: false, autoApprove: [] } : stdioEntry(s, { disabled: false, autoApprove: [] });
    case 'opencode': {
      if (remote) return { type: 'remote', url: s.url, ...headers, enabled: true };
      const command = [s.command, ...(s.args ?? [])];
      return { type: 'local', command, ...(s.env ? { environment: s.env } : {}), enabled: true };
    }
    default:
      return remote ? { url: s.url, ...headers } : stdioEntry(s);
  }
}

/** The file text of `dialect` holding the one server `name` (plus `root` keys for knob cases). */
export function render(dialect: DialectId, name: string, s: Srv, root: Record<string, unknown> = {}): string {
  switch (dialect) {
    case 'vscode':
      return `// Team MCP servers (reviewed in PRs)\n${pretty({ ...root, servers: { [name]: jsonEntry(dialect, s) } })}\n`;
    case 'visual-studio':
      return pretty({ ...root, servers: { [name]: jsonEntry(dialect, s) } }) + '\n';
    case 'zed':
      return `// Zed settings\n${pretty({ theme: 'One Dark', ui_font_size: 15, ...root, context_servers: { [name]: jsonEntry(dialect, s) } })}\n`;
    case 'opencode':
      return pretty({ $schema: 'https://opencode.ai/config.json', ...root, mcp: { [name]: jsonEntry(dialect, s) } }) + '\n';
    case 'gemini':
      return pretty({ theme: 'GitHub', ...root, mcpServers: { [name]: jsonEntry(dialect, s) } }) + '\n';
    case 'codex':
      return codex(name, s, root);
    case 'continue':
      return continueYaml(name, s);
    case 'goose':
      return gooseYaml(name, s, root);
    default:
      return pretty({ ...root, mcpServers: { [name]: jsonEntry(dialect, s) } }) + '\n';
  }
}

const tomlKey = (key: string) => (/^[A-Za-z0-9_-]+$/.test(key) ? key : q(key));
const yamlKey = (key: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : q(key));
const inlineTable = (map: Record<string, string>) =>
  `{ ${Object.entries(map)
    .map(([k, v]) => `${q(k)} = ${q(v)}`)
    .join(', ')} }`;

function codex(name: string, s: Srv, root: Record<string, unknown>): string {
  const lines: string[] = ['model = "gpt-5-codex"'];
  for (const [key, value] of Object.entries(root)) lines.push(`${tomlKey(key)} = ${q(String(value))}`);
  lines.push('', `[mcp_servers.${tomlKey(name)}]`);
  if (s.url !== undefined) {
    lines.push(`url = ${q(s.url)}`);
    if (s.headers) lines.push(`http_headers = ${inlineTable(s.headers)}`);
  } else {
    lines.push(`command = ${q(s.command ?? '')}`);
    if (s.args) lines.push(`args = [${s.args.map(q).join(', ')}]`);
    lines.push('startup_timeout_sec = 20');
    if (s.env) {
      lines.push('', `[mcp_servers.${tomlKey(name)}.env]`);
      for (const [key, value] of Object.entries(s.env)) lines.push(`${tomlKey(key)} = ${q(value)}`);
    }
  }
  return lines.join('\n') + '\n';
}

function yamlMap(map: Record<string, string>, indent: string): string[] {
  return Object.entries(map).map(([k, v]) => `${indent}${yamlKey(k)}: ${q(v)}`);
}

function continueYaml(name: string, s: Srv): string {
  const lines = ['name: Team MCP servers', 'version: 0.0.1', 'schema: v1', 'mcpServers:', `  - name: ${q(name)}`];
  if (s.url !== undefined) {
    lines.push(`    type: ${s.transport === 'sse' ? 'sse' : 'streamable-http'}`, `    url: ${q(s.url)}`);
    if (s.headers) lines.push('    requestOptions:', '      headers:', ...yamlMap(s.headers, '        '));
  } else {
    lines.push(`    command: ${q(s.command ?? '')}`);
    if (s.args) lines.push('    args:', ...s.args.map((a) => `      - ${q(a)}`));
    if (s.env) lines.push('    env:', ...yamlMap(s.env, '      '));
  }
  return lines.join('\n') + '\n';
}

function gooseYaml(name: string, s: Srv, root: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries({ GOOSE_PROVIDER: 'anthropic', GOOSE_MODE: 'smart_approve', ...root }))
    lines.push(`${yamlKey(key)}: ${q(String(value))}`);
  lines.push('extensions:', `  ${yamlKey(name)}:`, `    name: ${q(name)}`, '    enabled: true', '    timeout: 300');
  if (s.url !== undefined) {
    lines.push(`    type: ${s.transport === 'sse' ? 'sse' : 'streamable_http'}`, `    uri: ${q(s.url)}`);
    if (s.headers) lines.push('    headers:', ...yamlMap(s.headers, '      '));
  } else {
    lines.push('    type: stdio', `    cmd: ${q(s.command ?? '')}`);
    lines.push(`    args: [${(s.args ?? []).map(q).join(', ')}]`);
    if (s.env) lines.push('    envs:', ...yamlMap(s.env, '      '));
  }
  return lines.join('\n') + '\n';
}
