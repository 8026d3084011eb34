/**
 * One realistic file per client dialect and per place a secret can sit, for the remediation
 * matrix (docs/remediation.md) and its launch-simulator tests. Clients shared with the quality
 * set are written by its renderer (test/unit/quality/dialects.ts); the few it does not cover
 * are written here in their own shape.
 */
import { PATHS, render, type DialectId, type Srv } from '../quality/dialects';

/** Synthetic credentials in the formats the detectors know; never real. */
export const TOKEN = 'ghp_' + 'R8x2Lq9Vw4Zt7Yp3Kc6Nb1Md5Fh0Js2Gk8Pa';
export const PASSWORD = 'Xq7-vLp9_Wz3rT2k';

export type Place = 'env' | 'args' | 'header' | 'url query' | 'url userinfo' | 'connection string (env)' | 'connection string (args)';

/** The server written with the secret in `place`, and the exact text a client must hand the server. */
export const PLACES: ReadonlyArray<{
  place: Place;
  srv: Srv;
  delivered: (launch: { args: string[]; env: Record<string, string>; url?: string; headers: Record<string, string> }) => string | undefined;
  expected: string;
}> = [
  {
    place: 'env',
    srv: { command: 'npx', args: ['-y', '@acme/docs-mcp@1.4.2'], env: { DOCS_API_TOKEN: TOKEN, LOG_LEVEL: 'info' } },
    delivered: (l) => l.env.DOCS_API_TOKEN,
    expected: TOKEN,
  },
  { place: 'args', srv: { command: 'npx', args: ['-y', '@acme/docs-mcp@1.4.2', '--api-key', TOKEN] }, delivered: (l) => l.args[3], expected: TOKEN },
  {
    place: 'header',
    srv: { url: 'https://mcp.acme.io/mcp', headers: { Authorization: 'Bearer ' + TOKEN } },
    delivered: (l) => headerValue(l.headers, 'authorization'),
    expected: 'Bearer ' + TOKEN,
  },
  {
    place: 'url query',
    srv: { url: `https://mcp.acme.io/mcp?api_key=${TOKEN}` },
    delivered: (l) => l.url,
    expected: `https://mcp.acme.io/mcp?api_key=${TOKEN}`,
  },
  {
    place: 'url userinfo',
    srv: { url: `https://app:${PASSWORD}@mcp.acme.io/mcp` },
    delivered: (l) => l.url,
    expected: `https://app:${PASSWORD}@mcp.acme.io/mcp`,
  },
  {
    place: 'connection string (env)',
    srv: { command: 'npx', args: ['-y', '@acme/pg-mcp@1.4.2'], env: { DATABASE_URL: `postgres://app:${PASSWORD}@db.acme.io:5432/app` } },
    delivered: (l) => l.env.DATABASE_URL,
    expected: `postgres://app:${PASSWORD}@db.acme.io:5432/app`,
  },
  {
    place: 'connection string (args)',
    srv: { command: 'npx', args: ['-y', '@acme/pg-mcp@1.4.2', `postgres://app:${PASSWORD}@db.acme.io:5432/app`] },
    delivered: (l) => l.args[2],
    expected: `postgres://app:${PASSWORD}@db.acme.io:5432/app`,
  },
];

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

/** Dialect id -> the quality renderer's id for the same client. */
const RENDERED: Record<string, DialectId> = {
  vscode: 'vscode',
  'claude-desktop': 'claude-desktop',
  'claude-code': 'claude-code',
  cursor: 'cursor',
  windsurf: 'windsurf',
  cline: 'cline',
  'roo-code': 'roo',
  'gemini-cli': 'gemini',
  zed: 'zed',
  codex: 'codex',
  continue: 'continue',
  kiro: 'kiro',
  'amazon-q': 'amazon-q',
  opencode: 'opencode',
  goose: 'goose',
  'github-copilot-cli': 'copilot-cli',
  junie: 'junie',
  'lm-studio': 'lm-studio',
  'visual-studio': 'visual-studio',
};

const pretty = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

function plainEntry(s: Srv, typed: boolean): Record<string, unknown> {
  if (s.url !== undefined) return { type: 'http', url: s.url, ...(s.headers ? { headers: s.headers } : {}) };
  return { ...(typed ? { type: 'stdio' } : {}), command: s.command, ...(s.args ? { args: s.args } : {}), ...(s.env ? { env: s.env } : {}) };
}

/** A client's file holding the one server `name`, at the client's usual path; undefined when the client cannot hold it (a remote server in Claude Desktop's file). */
export function sample(dialectId: string, name: string, s: Srv): { path: string; text: string } | undefined {
  const rendered = RENDERED[dialectId];
  if (rendered) {
    if (s.url !== undefined && rendered === 'claude-desktop') return undefined;
    return { path: PATHS[rendered], text: render(rendered, name, s) };
  }
  switch (dialectId) {
    case 'vscode-settings':
      return { path: '/home/dev/.config/Code/User/settings.json', text: pretty({ 'editor.fontSize': 14, mcp: { servers: { [name]: plainEntry(s, true) } } }) };
    case 'devcontainer':
      return {
        path: '/work/app/.devcontainer/devcontainer.json',
        text: `// Dev container\n${pretty({ name: 'app', image: 'mcr.microsoft.com/devcontainers/typescript-node:20', customizations: { vscode: { mcp: { servers: { [name]: plainEntry(s, true) } } } } })}`,
      };
    case 'claude-code-user':
      return { path: '/home/dev/.claude.json', text: pretty({ numStartups: 12, mcpServers: { [name]: plainEntry(s, s.url !== undefined) } }) };
    case 'continue-json':
      return { path: '/work/app/.continue/mcpServers/team.json', text: pretty({ mcpServers: { [name]: plainEntry(s, s.url !== undefined) } }) };
    case 'github-copilot-coding-agent':
      return {
        path: '/work/app/.github/copilot/mcp.json',
        text: pretty({ mcpServers: { [name]: { ...plainEntry(s, true), ...(s.url === undefined ? { type: 'local' } : {}), tools: ['*'] } } }),
      };
    default:
      return undefined;
  }
}
