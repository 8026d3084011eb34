import { lint, LineIndex, type Finding, type Severity } from '../../../server/src/engine';
import { PATHS, REMOTE, render, STDIO, type DialectId, type Srv } from './dialects';

/**
 * A labelled set for issue 15, classes 1, 2 and 8 (secrets), every client format in turn:
 *  - tiers (class 1): placeholder syntax → no finding; a vendor's format → error even with a
 *    sequential body; a vendor's published documentation example → information; any other
 *    literal in a credential slot (secret-named env var, Authorization / API-key header, URL
 *    userinfo or credential query parameter, --api-key flag, connection-string password) →
 *    warning at least; default credentials to a loopback database → information;
 *  - references (class 2): every variable syntax each client expands is a reference there,
 *    never a plaintext secret — and a syntax it does not expand reaches the server literally,
 *    which is not a secret either;
 *  - consistent severity (class 8): a vendor-format secret is an error in env, args, headers
 *    and URLs, in every client.
 */
export type Expect = 'none' | 'information' | 'warning+' | 'error';

export interface SecretCase {
  name: string;
  dialect: DialectId;
  path: string;
  text: string;
  expect: Expect;
  /** The text the finding must overlap (as written in the file, JSON-escaped). */
  needle?: string;
  clazz: 1 | 2 | 8;
}

const RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

/** Whether the case comes out right, and what was found when it does not. */
export function judgeSecret(c: SecretCase): { ok: boolean; detail: string } {
  const findings = lint(c.text, c.path).filter((f) => f.category === 'secret');
  const got = findings.map((f) => `${f.ruleId} (${f.severity})`).join(', ') || 'nothing';
  if (c.expect === 'none') return { ok: findings.length === 0, detail: `expected no secret finding, got ${got}` };
  const lines = new LineIndex(c.text);
  const spans: Array<[number, number]> = [];
  for (let at = c.text.indexOf(c.needle!); at >= 0; at = c.text.indexOf(c.needle!, at + 1)) spans.push([at, at + c.needle!.length]);
  if (spans.length === 0) throw new Error(`needle of "${c.name}" is not in its text`);
  const onNeedle = findings.filter((f: Finding) => spans.some(([s, e]) => lines.offsetAt(f.range.start) < e && lines.offsetAt(f.range.end) > s));
  const top = Math.max(-1, ...onNeedle.map((f) => RANK[f.severity]));
  const ok = c.expect === 'error' ? top === 3 : c.expect === 'warning+' ? top >= 2 : top === 1;
  return { ok, detail: `expected ${c.expect}, got ${got}` };
}

// Synthetic credentials in real formats (never real): the bodies are sequential on purpose.
const GH = 'ghp_' + 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const SLACK = 'xoxb-' + '5551234567-5551234567-AbCdEfGhIjKlMnOpQrStUvWx';
const STRIPE = 'sk_live_' + '51AbCdEfGhIjKlMnOpQrStUv';
const ANTHROPIC = 'sk-ant-api03-' + 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOpQr-AbCdEfGh';
const AWS_DOC = 'AKIA' + 'IOSFODNN7EXAMPLE';

interface Place {
  name: string;
  remote: boolean;
  srv: (value: string) => Srv;
  /** What the file holds for `value` (the needle). */
  needle: (value: string) => string;
}

const PLACES: Place[] = [
  { name: 'env', remote: false, srv: (v) => ({ command: 'npx', args: ['-y', '@acme/docs-mcp@1.4.2'], env: { DOCS_API_TOKEN: v } }), needle: (v) => v },
  { name: 'args --api-key', remote: false, srv: (v) => ({ command: 'npx', args: ['-y', '@acme/docs-mcp@1.4.2', '--api-key', v] }), needle: (v) => v },
  { name: 'Authorization header', remote: true, srv: (v) => ({ url: 'https://mcp.acme.io/mcp', headers: { Authorization: `Bearer ${v}` } }), needle: (v) => v },
  { name: 'URL query', remote: true, srv: (v) => ({ url: `https://mcp.acme.io/mcp?api_key=${v}` }), needle: (v) => v },
];

/** Literals that are not real credentials in any client. */
const PLACEHOLDERS = [
  'YOUR_API_KEY',
  '<your-token>',
  'your_api_key_here',
  'xxxxxxxxxxxxxxxx',
  'REDACTED',
  'changeme',
  '',
  'sk-...',
  'your-github-token-here',
  '<API_KEY>',
  'INSERT_TOKEN_HERE',
  'replace-me',
];

/** Literals in a credential slot that look made up but are real values to the server. */
const PLAIN_LITERALS: Array<{ name: string; srv: Srv; needle: string; remote?: boolean }> = [
  {
    name: 'hardcoded value in a secret-named env var',
    srv: { command: 'npx', args: ['-y', '@acme/api-mcp@2.0.1'], env: { API_AUTH_TOKEN: 'hardcoded-secret-value-here' } },
    needle: 'hardcoded-secret-value-here',
  },
  {
    name: 'weak password in DB_PASSWORD',
    srv: { command: 'uvx', args: ['mcp-server-postgres==0.3.1'], env: { DB_PASSWORD: 'hunter2hunter2' } },
    needle: 'hunter2hunter2',
  },
  {
    name: 'postgres URL userinfo in env',
    srv: { command: 'npx', args: ['-y', '@acme/pg-mcp@1.0.0'], env: { DATABASE_URL: 'postgres://user:pass@db.acme.io:5432/app' } },
    needle: 'pass',
  },
  {
    name: 'mysql root password in args',
    srv: { command: 'npx', args: ['-y', '@acme/mysql-mcp@1.0.0', 'mysql://root:password@10.20.0.5:3306/app'] },
    needle: 'password',
  },
  {
    name: 'redis password-only userinfo',
    srv: { command: 'npx', args: ['-y', '@acme/redis-mcp@1.0.0'], env: { REDIS_URL: 'redis://:mypassword@cache.acme.io:6379' } },
    needle: 'mypassword',
  },
  {
    name: 'internal bearer token in a header',
    srv: { url: 'https://mcp.acme.io/mcp', headers: { Authorization: 'Bearer internal-token-2024' } },
    needle: 'internal-token-2024',
    remote: true,
  },
  {
    name: 'X-API-Key header',
    srv: { url: 'https://mcp.acme.io/mcp', headers: { 'X-API-Key': 'team-shared-key-01' } },
    needle: 'team-shared-key-01',
    remote: true,
  },
  { name: 'credential query parameter', srv: { url: 'https://mcp.acme.io/sse?token=abc123def456ghi' }, needle: 'abc123def456ghi', remote: true },
  {
    name: '--api-key flag with a plain word',
    srv: { command: 'npx', args: ['-y', '@acme/docs-mcp@1.4.2', '--api-key', 'mysecretkey'] },
    needle: 'mysecretkey',
  },
  { name: '--password= flag', srv: { command: 'uvx', args: ['mcp-server-mysql==0.2.0', '--password=Sup3rS3cret'] }, needle: 'Sup3rS3cret' },
];

/** Default credentials to a database on this machine: information. */
const LOOPBACK_DEFAULTS: Array<{ name: string; srv: Srv; needle: string }> = [
  {
    name: 'postgres:postgres@localhost',
    srv: { command: 'npx', args: ['-y', '@acme/pg-mcp@1.0.0', 'postgresql://postgres:postgres@localhost:5432/app'] },
    needle: 'postgres@localhost',
  },
  {
    name: 'root:root@127.0.0.1 mysql',
    srv: { command: 'npx', args: ['-y', '@acme/mysql-mcp@1.0.0'], env: { DATABASE_URL: 'mysql://root:root@127.0.0.1:3306/app' } },
    needle: 'root@127',
  },
];

/** Each client's own reference syntaxes (dialects' `variables`, client-dialects.md). */
const REFERENCES: Record<DialectId, string[]> = {
  vscode: ['${env:DOCS_TOKEN}', '${input:docs-token}'],
  'visual-studio': [],
  'claude-desktop': [],
  'claude-code': ['${DOCS_TOKEN}', '${DOCS_TOKEN:-}'],
  cursor: ['${env:DOCS_TOKEN}'],
  windsurf: ['${env:DOCS_TOKEN}'],
  cline: ['${env:DOCS_TOKEN}'],
  roo: ['${env:DOCS_TOKEN}'],
  gemini: ['$DOCS_TOKEN', '${DOCS_TOKEN}'],
  zed: [],
  codex: [],
  continue: ['${{ secrets.DOCS_TOKEN }}'],
  kiro: ['${DOCS_TOKEN}', '${env:DOCS_TOKEN}'],
  'amazon-q': ['${env:DOCS_TOKEN}'],
  opencode: ['{env:DOCS_TOKEN}', '{file:~/.secrets/docs-token}'],
  goose: [],
  'copilot-cli': ['$DOCS_TOKEN', '${DOCS_TOKEN}'],
  junie: [],
  'lm-studio': [],
};
/** Every syntax any client uses: in a client that does not expand it, it reaches the server as written — not a secret either. */
const ALL_SYNTAXES = ['${env:DOCS_TOKEN}', '${input:docs-token}', '${DOCS_TOKEN}', '$DOCS_TOKEN', '{env:DOCS_TOKEN}', '${{ secrets.DOCS_TOKEN }}'];

export function buildSecretTiersSet(rotation = 0): SecretCase[] {
  const cases: SecretCase[] = [];
  let counter = 0;
  const next = (remote: boolean): DialectId => {
    const list = remote ? REMOTE : STDIO;
    return list[(counter++ + rotation) % list.length];
  };
  const add = (clazz: SecretCase['clazz'], name: string, dialect: DialectId, srv: Srv, expect: Expect, needle?: string) =>
    cases.push({
      name: `class ${clazz}: ${name} [${dialect}]`,
      dialect,
      path: PATHS[dialect],
      text: render(dialect, 'docs', srv),
      expect,
      clazz,
      ...(needle !== undefined ? { needle: JSON.stringify(needle).slice(1, -1) } : {}),
    });

  // Class 8 (and 1, vendor tier): vendor formats are errors in every place, every client.
  for (const place of PLACES) {
    for (const dialect of place.remote ? REMOTE : STDIO) {
      for (const [vendor, token] of [
        ['GitHub', GH],
        ['Slack', SLACK],
        ['Stripe', STRIPE],
        ['Anthropic', ANTHROPIC],
      ] as const) {
        if (vendor !== 'GitHub' && (counter++ + rotation) % 3 !== 0) continue; // every client gets GitHub; the others in turn
        add(8, `${vendor} token in ${place.name}`, dialect, place.srv(token), 'error', place.needle(token));
      }
    }
  }
  // Class 1 tiers.
  for (const place of PLACES) {
    for (const value of PLACEHOLDERS) {
      const dialect = next(place.remote);
      add(1, `placeholder ${JSON.stringify(value)} in ${place.name}`, dialect, place.srv(value), 'none');
    }
    const dialect = next(place.remote);
    add(1, `documented example AKIA…EXAMPLE in ${place.name}`, dialect, place.srv(AWS_DOC), 'information', AWS_DOC);
  }
  for (const literal of PLAIN_LITERALS) {
    for (let i = 0; i < 3; i++) add(1, literal.name, next(literal.remote ?? false), literal.srv, 'warning+', literal.needle);
  }
  for (const local of LOOPBACK_DEFAULTS) {
    for (let i = 0; i < 3; i++) add(1, `loopback default credentials ${local.name}`, next(false), local.srv, 'information', local.needle);
  }
  // Class 2: references in the credential slot, in every place, never a plaintext secret.
  for (const dialect of STDIO) {
    for (const reference of REFERENCES[dialect]) {
      for (const place of PLACES) {
        if (place.remote && !REMOTE.includes(dialect)) continue;
        add(2, `own reference ${reference} in ${place.name}`, dialect, place.srv(place.name === 'Authorization header' ? reference : reference), 'none');
      }
    }
    for (const syntax of ALL_SYNTAXES.filter((s) => !REFERENCES[dialect].includes(s)))
      add(2, `foreign syntax ${syntax} in env (passed literally)`, dialect, PLACES[0].srv(syntax), 'none');
  }
  return cases;
}
