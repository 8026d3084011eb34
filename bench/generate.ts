/**
 * Deterministic synthetic MCP configs for the benchmark: N servers mixing every launcher,
 * secret shape and transport the rules look at, so rule cost is exercised, not just parsing.
 * Secrets are built from a seeded PRNG at run time (nothing secret-looking is committed).
 */
import { createPrng as prng } from '../test/fuzz/lib/prng';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(random: () => number, length: number, alphabet = ALPHANUMERIC): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

type ServerShape = Record<string, unknown>;

const SHAPES: Array<(i: number, random: () => number) => ServerShape> = [
  (i) => ({ command: 'npx', args: ['-y', `@modelcontextprotocol/server-memory`] }),
  (i) => ({ command: 'npx', args: ['-y', `mcp-server-${i}@1.2.${i % 10}`] }),
  (i, r) => ({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: { GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp_' + randomText(r, 36) } }),
  (i) => ({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.8.21', i % 2 ? '/' : '/home/dev/project'] }),
  (i, r) => ({ type: 'http', url: `http://api${i}.example.com/mcp`, headers: { Authorization: 'Bearer ' + randomText(r, 40) } }),
  (i) => ({ command: 'uvx', args: ['mcp-server-fetch'] }),
  (i) => ({
    command: 'docker',
    args: ['run', '-i', '--rm', '-e', 'GITHUB_TOKEN', `ghcr.io/github/github-mcp-server:${i % 3 ? 'latest' : 'v0.1.0'}`],
    env: { GITHUB_TOKEN: '${env:GITHUB_TOKEN}' },
  }),
  (i, r) => ({
    command: 'node',
    args: [`/opt/servers/s${i}/index.js`],
    env: { DATABASE_URL: `postgresql://app:${randomText(r, 16)}@db${i}.internal:5432/app`, LOG_LEVEL: 'info' },
  }),
  (i) => ({ type: 'sse', url: `https://mcp${i}.example.com/sse` }),
  (i) => ({ command: 'bunx', args: [`some-tool@latest`, '--port', String(3000 + i)] }),
];

export function generateConfig(servers: number, seed = 42): string {
  const random = prng(seed);
  const map: Record<string, ServerShape> = {};
  for (let i = 0; i < servers; i++) map[`server-${i}`] = SHAPES[i % SHAPES.length](i, random);
  return JSON.stringify({ servers: map }, null, 2);
}
