import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/engine';
import { ALNUM, HEX, Rng, TOKEN_KINDS, password } from './tokens';
import { CLAUDE_CODE, CLAUDE_DESKTOP, CODEX, VSCODE } from './helpers';

/**
 * No finding message and no fix title may contain any part of a secret: plant unique
 * secrets in every position the rules read and look for every 6-character substring of
 * each of them in everything the rules say.
 */
test('no message or fix title discloses any 6+ character part of a planted secret', () => {
  const rng = new Rng(777);
  const secrets: string[] = [];
  const plant = (value: string) => (secrets.push(value), value);
  const kinds = TOKEN_KINDS.filter((k) => k.id !== 'private-key');
  const env: Record<string, string> = {};
  for (const kind of kinds) env[kind.env + '_' + rng.chars('ABCDEFGH', 3)] = plant(kind.make(rng));
  env.DB_PASSWORD = plant(password(rng));
  env.DATABASE_URL = `postgresql://postgres:${plant(password(rng))}@db.example.com/app`;
  env.TAVILY_API_KEY = '${TAVILY_API_KEY:-' + plant(kinds.find((k) => k.id === 'tavily')!.make(rng)) + '}';
  const server = (extra: Record<string, unknown>) => ({ command: 'npx', args: ['-y', 'x-mcp@1.0.0'], env, ...extra });
  const servers = {
    local: server({}),
    args: {
      command: 'docker',
      args: [
        'run',
        '-i',
        '--rm',
        '-e',
        `GITHUB_TOKEN=${plant(kinds[0].make(rng))}`,
        'img:1.0',
        '--api-key',
        plant(rng.chars(HEX, 40)),
        `--token=${plant(rng.chars(ALNUM, 32))}`,
        plant(kinds[1].make(rng)),
        `mysql://root:${plant(password(rng))}@db/app`,
      ],
    },
    bridge: {
      command: 'npx',
      args: [
        '-y',
        'mcp-remote@0.1.29',
        `https://u:${plant(password(rng))}@mcp.example.com/sse?api_key=${plant(rng.chars(ALNUM, 30))}`,
        '--header',
        `Authorization: Bearer ${plant(rng.chars(HEX, 48))}`,
      ],
    },
    remote: {
      type: 'http',
      url: `https://mcp.example.com/mcp?tavilyApiKey=${plant(kinds.find((k) => k.id === 'tavily')!.make(rng))}`,
      headers: {
        Authorization: `Bearer ${plant(rng.chars(HEX, 64))}`,
        'X-API-Key': plant(rng.chars(ALNUM, 36)),
        Cookie: `session=${plant(rng.chars(ALNUM, 40))}`,
      },
      oauth: { clientId: 'cli', clientSecret: plant(rng.chars(ALNUM, 40)) },
      auth: { CLIENT_ID: 'cli', CLIENT_SECRET: plant(rng.chars(ALNUM, 40)) },
    },
  };
  const texts: Array<[string, string]> = [
    [VSCODE, '// all positions\n' + JSON.stringify({ servers }, null, 2)],
    [CLAUDE_CODE, JSON.stringify({ mcpServers: servers }, null, 2)],
    [CLAUDE_DESKTOP, JSON.stringify({ mcpServers: servers }, null, 2)],
    [
      CODEX,
      `[mcp_servers.api]\nurl = "https://mcp.example.com/mcp"\nbearer_token = "${plant(rng.chars(ALNUM, 40))}"\nhttp_headers = { "X-API-Key" = "${plant(rng.chars(HEX, 40))}" }\n\n[mcp_servers.gh]\ncommand = "npx"\nargs = ["-y", "x@1.0.0"]\n\n[mcp_servers.gh.env]\nGITHUB_TOKEN = "${plant(kinds[0].make(rng))}"\n`,
    ],
  ];
  const pieces = new Set<string>();
  // A provider's format prefix (`github_pat_`, `sb_secret_`) is a public marker, not part of
  // the secret, and may equal words the message legitimately uses; everything after it counts.
  for (const secret of secrets) {
    const body = secret.replace(/^(?:[a-z]+[_.-]){1,3}/i, '');
    for (let i = 0; i + 6 <= body.length; i++) pieces.add(body.slice(i, i + 6));
  }
  let said = 0;
  for (const [path, text] of texts) {
    const findings = lint(text, path).filter((f) => f.category === 'secret');
    assert.ok(findings.length >= (path === CODEX ? 3 : 10), `${path}: the planted secrets are found (${findings.length})`);
    for (const finding of findings) {
      for (const words of [finding.message, ...finding.fixes.map((f) => f.title)]) {
        said++;
        for (let i = 0; i + 6 <= words.length; i++) {
          const piece = words.slice(i, i + 6);
          assert.ok(!pieces.has(piece), `${finding.ruleId} discloses "${piece}" in: ${words}`);
        }
      }
    }
  }
  assert.ok(said > 50);
});
