import fc from 'fast-check';
import { createPrng, randomString } from './prng';

/**
 * fast-check arbitraries for MCP-config-like input: plain data shaped like the files real
 * clients read (servers with launchers, args, env, urls, headers, approval lists), printed as
 * JSON, JSONC, TOML or YAML, then optionally mutated. Secrets are built from a seeded PRNG at
 * run time (never literals in the repository) and reported next to the text so leak checks
 * know what to look for.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value planted in the config and the part of it that must never be shown. */
export interface Planted {
  value: string;
  secret: string;
}

/** Secret formats the detectors know plus shapeless passwords, from a seed. */
export function makeSecret(kind: number, seed: number): string {
  const random = createPrng(seed);
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  switch (kind % 8) {
    case 0:
      return 'ghp_' + randomString(random, 36);
    case 1:
      return 'github_pat_' + randomString(random, 22) + '_' + randomString(random, 59);
    case 2:
      return 'sk-proj-' + randomString(random, 48);
    case 3:
      return 'AKIA' + randomString(random, 16, upper);
    case 4:
      return 'xoxb-' + randomString(random, 11, '0123456789') + '-' + randomString(random, 12, '0123456789') + '-' + randomString(random, 24);
    case 5:
      return 'glpat-' + randomString(random, 20);
    case 6:
      return randomString(random, 40, '0123456789abcdef');
    default:
      // A password: letters, digits and URL-safe punctuation, long enough to be unmistakable.
      return randomString(random, 18, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!*-_.~');
  }
}

/**
 * The part of a generated secret that is secret: the random body after a public format
 * prefix (ghp_, github_pat_, sk-proj-, AKIA, xoxb-, glpat-). Leak checks look for runs of
 * this, so a message saying "github" or "sk-proj" is not mistaken for a leak.
 */
export function secretBody(secret: string): string {
  return secret.replace(/^(?:ghp_|github_pat_|sk-proj-|AKIA|xoxb-|glpat-)/, '');
}

const secretArb: fc.Arbitrary<string> = fc.tuple(fc.nat(7), fc.nat()).map(([kind, seed]) => makeSecret(kind, seed));
const passwordArb: fc.Arbitrary<string> = fc.nat().map((seed) => makeSecret(7, seed));

/** Every place a rule reads a value that can hold a secret, as [where, planted value]. */
export const plantedArb: fc.Arbitrary<{ where: 'env' | 'header' | 'url' | 'arg'; key: string; planted: Planted; extraArg?: string }> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('GITHUB_PERSONAL_ACCESS_TOKEN', 'API_KEY', 'OPENAI_API_KEY', 'SLACK_BOT_TOKEN', 'AWS_ACCESS_KEY_ID', 'SECRET', 'PASSWORD', 'token'),
      secretArb,
    )
    .map(([key, s]) => ({ where: 'env' as const, key, planted: { value: s, secret: s } })),
  fc
    .tuple(
      fc.constantFrom('DATABASE_URL', 'POSTGRES_CONNECTION_STRING', 'REDIS_URL', 'MONGODB_URI'),
      passwordArb,
      fc.constantFrom('postgres', 'postgresql', 'mysql', 'redis', 'mongodb+srv'),
    )
    .map(([key, pw, scheme]) => ({
      where: 'env' as const,
      key,
      planted: { value: `${scheme}://admin:${pw}@db.internal.example:5432/app`, secret: pw },
    })),
  fc.tuple(fc.constantFrom('Authorization', 'authorization', 'X-API-Key', 'Api-Key', 'Cookie'), secretArb).map(([key, s]) => ({
    where: 'header' as const,
    key,
    planted: { value: /auth/i.test(key) ? 'Bearer ' + s : s, secret: s },
  })),
  fc
    .tuple(passwordArb, fc.constantFrom('https', 'http'))
    .map(([pw, scheme]) => ({ where: 'url' as const, key: 'url', planted: { value: `${scheme}://deploy:${pw}@mcp.example.com/sse`, secret: pw } })),
  fc
    .tuple(secretArb, fc.constantFrom('token', 'api_key', 'apiKey', 'access_token', 'key', 'sig'))
    .map(([s, param]) => ({ where: 'url' as const, key: 'url', planted: { value: `https://mcp.example.com/mcp?${param}=${s}&x=1`, secret: s } })),
  fc
    .tuple(secretArb, fc.constantFrom('--api-key=', '--token=', '--password=', '--github-token='))
    .map(([s, flag]) => ({ where: 'arg' as const, key: flag, planted: { value: flag + s, secret: s } })),
  fc
    .tuple(secretArb, fc.constantFrom('--api-key', '--token', '-p', '--access-token'))
    .map(([s, flag]) => ({ where: 'arg' as const, key: flag, extraArg: flag, planted: { value: s, secret: s } })),
  fc.tuple(passwordArb).map(([pw]) => ({ where: 'arg' as const, key: 'dsn', planted: { value: `postgresql://app:${pw}@localhost:5432/app`, secret: pw } })),
  fc
    .tuple(secretArb, fc.constantFrom('GITHUB_TOKEN', 'API_KEY'))
    .map(([s, name]) => ({ where: 'arg' as const, key: '-e', extraArg: '-e', planted: { value: `${name}=${s}`, secret: s } })),
);

const launcherArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'npx',
      'uvx',
      'docker',
      'node',
      'python',
      'python3',
      'bunx',
      'pnpm',
      'npm',
      'deno',
      'uv',
      'pipx',
      'yarn',
      'cmd',
      'bash',
      'sh',
      '/usr/bin/env',
      'npx.cmd',
      'C:\\Program Files\\nodejs\\npx.cmd',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const argArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('-y', '--yes', 'exec', 'dlx', 'run', '-i', '--rm', '-e', '--from', '/c', '-c', '--', '--package', '-p') },
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      '@modelcontextprotocol/server-github',
      '@modelcontextprotocol/server-filesystem@0.6.2',
      '@modelcontextprotocol/server-filesystem@latest',
      'mcp-server-fetch',
      'mcp-server-git==0.6.2',
      '@upstash/context7-mcp@^1.0.0',
      'pkg@>=1',
      'ghcr.io/github/github-mcp-server',
      'ghcr.io/github/github-mcp-server:latest',
      'mcp/fetch@sha256:' + 'a'.repeat(64),
      'git+https://github.com/x/y.git',
      'https://example.com/pkg.tgz',
      './local-server.js',
    ),
  },
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      '/',
      '~',
      '/home',
      'C:\\',
      '${workspaceFolder}',
      '${HOME}',
      '$HOME',
      '.',
      '..',
      '/etc',
      '~/.ssh',
      '--allow-write',
      '--privileged',
      '--network=host',
      '-v',
      '/var/run/docker.sock:/var/run/docker.sock',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
);

const urlArb = fc.oneof(
  fc.constantFrom(
    'https://api.example.com/mcp',
    'http://api.example.com/mcp',
    'http://localhost:3000/sse',
    'http://127.0.0.1:8080/mcp',
    'ws://example.com/ws',
    'wss://example.com/ws',
    'http://[::1]:3000/',
    'HTTP://EXAMPLE.COM',
    'http://',
    'https://',
    '://x',
    'file:///etc/passwd',
    'http://0.0.0.0:80',
    'http://10.0.0.5/mcp',
    '${input:url}',
    'http://${HOST}/mcp',
  ),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string({ maxLength: 20 }),
);

const envKeyArb = fc.oneof(
  fc.constantFrom('PATH', 'NODE_ENV', 'DEBUG', 'LOG_LEVEL', 'HOME', 'GITHUB_TOKEN', 'API_KEY', 'ALLOWED_PATHS'),
  fc.string({ maxLength: 10 }),
);
const envValueArb: fc.Arbitrary<Json> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      '${env:GITHUB_TOKEN}',
      '${input:token}',
      '${GITHUB_TOKEN}',
      '${API_KEY:-}',
      '${API_KEY:-default}',
      '$API_KEY',
      '{env:API_KEY}',
      '${{ secrets.API_KEY }}',
      'true',
      'production',
      '/usr/local/bin',
      '',
      'your-api-key-here',
      '<YOUR_TOKEN>',
      'xxxxxxxxxxxxxxxx',
      'changeme',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.oneof<fc.Arbitrary<Json>[]>(fc.integer(), fc.boolean(), fc.constant(null), fc.constant<Json>({}), fc.constant<Json>([])) },
);

/** An odd value where a well-typed one is expected: rules must skip, not throw. */
const oddArb: fc.Arbitrary<Json> = fc.oneof<fc.Arbitrary<Json>[]>(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 8 }),
  fc.constant<Json>([]),
  fc.constant<Json>({}),
  fc.constant<Json>([null, 1, {}]),
);

export interface GeneratedConfig {
  value: { [key: string]: Json };
  /** Secrets planted in the config (the sensitive part only). */
  secrets: string[];
}

const serverArb: fc.Arbitrary<{ server: { [key: string]: Json }; secrets: string[] }> = fc
  .record(
    {
      type: fc.constantFrom('stdio', 'http', 'sse', 'streamable-http', 'streamableHttp', 'ws', 'local', 'remote', 'bogus'),
      command: launcherArb,
      args: fc.array(argArb, { maxLength: 6 }),
      env: fc.dictionary(envKeyArb, envValueArb, { maxKeys: 4 }),
      url: urlArb,
      headers: fc.dictionary(
        fc.constantFrom('Authorization', 'X-Client', 'User-Agent'),
        fc.oneof(fc.constantFrom('Bearer ${input:token}', 'Bearer ${env:TOKEN}', 'mcp-hygiene'), fc.string({ maxLength: 10 })),
        { maxKeys: 2 },
      ),
      alwaysAllow: fc.array(fc.constantFrom('*', 'read_file', 'write_file', 'execute_command', 'delete'), { maxLength: 3 }),
      autoApprove: fc.array(fc.constantFrom('*', 'search', 'run_terminal_cmd'), { maxLength: 3 }),
      tools: fc.array(fc.constantFrom('*', 'read', 'write'), { maxLength: 3 }),
      trust: fc.boolean(),
      disabled: fc.boolean(),
      enabled: fc.boolean(),
      cwd: fc.constantFrom('/', '~', '${workspaceFolder}', 'src'),
      envFile: fc.constantFrom('.env', '${workspaceFolder}/.env'),
      timeout: fc.integer({ min: 0, max: 600000 }),
    },
    { requiredKeys: [] },
  )
  .chain((base) =>
    fc
      .tuple(
        fc.array(plantedArb, { maxLength: 3 }),
        fc.array(fc.tuple(fc.constantFrom('command', 'args', 'env', 'url', 'headers', 'type', 'alwaysAllow', 'disabled'), oddArb), { maxLength: 1 }),
      )
      .map(([plants, odd]) => {
        const server: { [key: string]: Json } = { ...(base as { [key: string]: Json }) };
        const secrets: string[] = [];
        for (const { where, key, planted, extraArg } of plants) {
          secrets.push(secretBody(planted.secret));
          if (where === 'env') server.env = { ...(isObject(server.env) ? server.env : {}), [key]: planted.value };
          else if (where === 'header') server.headers = { ...(isObject(server.headers) ? server.headers : {}), [key]: planted.value };
          else if (where === 'url') server.url = planted.value;
          else server.args = [...(Array.isArray(server.args) ? server.args : []), ...(extraArg ? [extraArg] : []), planted.value];
        }
        for (const [key, value] of odd) server[key] = value;
        return { server, secrets };
      }),
  );

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const serverNameArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('github', 'filesystem', 'fetch', 'postgres', 'remote', 'my server', 'a.b', 'ünïcode', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

/**
 * A whole config. The servers map is written under one of the root shapes clients use
 * (`servers`, `mcpServers`, `mcp.servers`, `mcp_servers`, `context_servers`, an array of
 * named entries) or under all of them at once, so whichever dialect reads the text finds it.
 */
export const configArb: fc.Arbitrary<GeneratedConfig> = fc
  .tuple(
    fc.uniqueArray(fc.tuple(serverNameArb, serverArb), { maxLength: 4, selector: ([name]) => name }),
    fc.constantFrom('all', 'servers', 'mcpServers', 'mcp.servers', 'mcp_servers', 'context_servers', 'array', 'mcp'),
    fc.boolean(),
    fc.option(oddArb, { nil: undefined, freq: 8 }),
  )
  .map(([entries, shape, withInputs, oddServer]) => {
    const map: { [key: string]: Json } = {};
    const secrets: string[] = [];
    for (const [name, { server, secrets: s }] of entries) {
      map[name] = server;
      secrets.push(...s);
    }
    if (oddServer !== undefined) map['odd'] = oddServer;
    const list: Json[] = entries.map(([name, { server }]) => ({ name, ...server }));
    const value: { [key: string]: Json } = {};
    if (withInputs) value.inputs = [{ type: 'promptString', id: 'token', description: 'Token', password: true }];
    switch (shape) {
      case 'all':
        Object.assign(value, { servers: map, mcpServers: map, mcp_servers: map, context_servers: map, mcp: { servers: map } });
        break;
      case 'mcp.servers':
        value.mcp = { servers: map };
        break;
      case 'array':
        value.mcpServers = list;
        break;
      case 'mcp':
        value.mcp = map;
        break;
      default:
        value[shape] = map;
    }
    return { value, secrets };
  });

// ---------------------------------------------------------------- printers

export interface JsonStyle {
  indent: string;
  eol: string;
  comments: boolean;
  trailingCommas: boolean;
}

/** JSON or JSONC (comments, trailing commas) in a given style. */
export function printJson(value: Json, style: JsonStyle): string {
  const { indent, eol } = style;
  let counter = 0;
  const comment = (pad: string) =>
    style.comments && counter++ % 3 === 0 ? (counter % 2 ? `${pad}// note ${counter}${eol}` : `${pad}/* block ${counter} */ `) : '';
  const write = (v: Json, depth: number): string => {
    const pad = indent.repeat(depth + 1);
    const closePad = indent.repeat(depth);
    const nl = indent ? eol : '';
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      const items = v.map((item) => comment(pad) + pad + write(item, depth + 1));
      return '[' + nl + items.join(',' + nl) + (style.trailingCommas ? ',' : '') + nl + closePad + ']';
    }
    if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length === 0) return '{}';
      const items = keys.map((k) => comment(pad) + pad + JSON.stringify(k) + ': ' + write(v[k], depth + 1));
      return '{' + nl + items.join(',' + nl) + (style.trailingCommas ? ',' : '') + nl + closePad + '}';
    }
    return JSON.stringify(v) ?? 'null';
  };
  return write(value, 0) + eol;
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;
const tomlKey = (k: string) => (BARE_KEY.test(k) ? k : JSON.stringify(k));

function tomlInline(v: Json): string {
  if (v === null) return '""';
  if (Array.isArray(v)) return '[' + v.map(tomlInline).join(', ') + ']';
  if (typeof v === 'object')
    return (
      '{ ' +
      Object.entries(v)
        .map(([k, x]) => `${tomlKey(k)} = ${tomlInline(x)}`)
        .join(', ') +
      ' }'
    );
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '0';
  return JSON.stringify(v);
}

/** TOML: scalars and inline arrays first, then one [table] per nested object. */
export function printToml(value: { [key: string]: Json }, eol = '\n'): string {
  const lines: string[] = [];
  const table = (obj: { [key: string]: Json }, path: string[]) => {
    const nested: Array<[string, { [key: string]: Json }]> = [];
    const arraysOfTables: Array<[string, Array<{ [key: string]: Json }>]> = [];
    for (const [k, v] of Object.entries(obj)) {
      if (v === null) continue;
      if (isObject(v) && Object.keys(v).length > 0) nested.push([k, v]);
      else if (Array.isArray(v) && v.length > 0 && v.every(isObject)) arraysOfTables.push([k, v as Array<{ [key: string]: Json }>]);
      else lines.push(`${tomlKey(k)} = ${tomlInline(v)}`);
    }
    for (const [k, v] of nested) {
      const sub = [...path, k];
      lines.push('', `[${sub.map(tomlKey).join('.')}]`);
      table(v, sub);
    }
    for (const [k, items] of arraysOfTables) {
      for (const item of items) {
        const sub = [...path, k];
        lines.push('', `[[${sub.map(tomlKey).join('.')}]]`);
        // Nested tables inside an array of tables are written inline to keep this simple.
        for (const [ik, iv] of Object.entries(item)) if (iv !== null) lines.push(`${tomlKey(ik)} = ${tomlInline(iv)}`);
      }
    }
  };
  table(value, []);
  return lines.join(eol).replace(/^(\r?\n)+/, '') + eol;
}

const PLAIN_YAML_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const yamlKey = (k: string) => (PLAIN_YAML_KEY.test(k) ? k : JSON.stringify(k));
const yamlScalar = (v: Json) => (v === null ? 'null' : typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '0') : JSON.stringify(v));

/** YAML block style, strings double-quoted (JSON escapes are valid YAML escapes). */
export function printYaml(value: Json, eol = '\n'): string {
  const lines: string[] = [];
  const block = (v: Json, indent: string) => {
    if (Array.isArray(v)) {
      for (const item of v) {
        if ((isObject(item) && Object.keys(item).length) || (Array.isArray(item) && item.length)) {
          const start = lines.length;
          block(item, indent + '  ');
          lines[start] = indent + '- ' + lines[start].slice(indent.length + 2);
        } else lines.push(`${indent}- ${inline(item)}`);
      }
    } else if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        if ((isObject(x) && Object.keys(x).length) || (Array.isArray(x) && x.length)) {
          lines.push(`${indent}${yamlKey(k)}:`);
          block(x, indent + '  ');
        } else lines.push(`${indent}${yamlKey(k)}: ${inline(x)}`);
      }
    } else lines.push(indent + yamlScalar(v));
  };
  const inline = (x: Json) => (Array.isArray(x) ? '[]' : isObject(x) ? '{}' : yamlScalar(x));
  block(value, '');
  return lines.join(eol) + eol;
}

// ---------------------------------------------------------------- text arbitraries

export type Format = 'json' | 'jsonc' | 'toml' | 'yaml';

const styleArb: fc.Arbitrary<JsonStyle> = fc.record({
  indent: fc.constantFrom('  ', '    ', '\t', ''),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  comments: fc.boolean(),
  trailingCommas: fc.boolean(),
});

export function printConfig(value: { [key: string]: Json }, format: Format, style: JsonStyle): string {
  switch (format) {
    case 'json':
      return printJson(value, { ...style, comments: false, trailingCommas: false });
    case 'jsonc':
      return printJson(value, style);
    case 'toml':
      return printToml(value, style.eol === '\r' ? '\n' : style.eol);
    case 'yaml':
      return printYaml(value, style.eol === '\r' ? '\n' : style.eol);
  }
}

/** A generated config printed in one syntax, unmutated: fixes and leak checks run on these. */
export const printedConfigArb = fc.tuple(configArb, fc.constantFrom<Format>('json', 'jsonc', 'toml', 'yaml'), styleArb).map(([config, format, style]) => ({
  ...config,
  format,
  text: printConfig(config.value, format, style),
}));

/** Tokens of every syntax we read, plus characters parsers find awkward. */
export const NASTY_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"',
  "'",
  '`',
  '=',
  '- ',
  '[[',
  ']]',
  '#',
  '//',
  '/*',
  '*/',
  '\\',
  '\\u',
  '\\ud800',
  '\n',
  '\r',
  '\r\n',
  '\t',
  ' ',
  '\u0000',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\u2028',
  '\u00a0',
  'null',
  'true',
  'false',
  '1e999',
  '-0',
  '0x1F',
  'NaN',
  'inf',
  '${',
  '${input:',
  '${env:',
  '$',
  '"mcpServers"',
  '"servers"',
  '"command"',
  '"args"',
  '"env"',
  '"url"',
  '"npx"',
  '"-y"',
  '[mcp_servers.x]',
  'command = ',
  'mcpServers:',
  '  ',
  '---',
  '&a',
  '*a',
  '!!str',
  '|',
  '>',
  '? ',
];

export interface Mutation {
  kind: 'insert' | 'delete' | 'replace' | 'duplicate' | 'truncate';
  at: number;
  span: number;
  token: string;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'truncate'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  span: fc.nat(12),
  token: fc.constantFrom(...NASTY_TOKENS),
});

/** Applies mutations at relative positions (so they fit any text length). */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = Math.min(out.length, Math.floor(m.at * (out.length + 1)));
    switch (m.kind) {
      case 'insert':
        out = out.slice(0, at) + m.token + out.slice(at);
        break;
      case 'delete':
        out = out.slice(0, at) + out.slice(at + m.span);
        break;
      case 'replace':
        out = out.slice(0, at) + m.token + out.slice(at + m.span);
        break;
      case 'duplicate':
        out = out.slice(0, at + m.span) + out.slice(at, at + m.span) + out.slice(at + m.span);
        break;
      case 'truncate':
        out = out.slice(0, at);
        break;
    }
  }
  return out;
}

/** One UTF-16 code unit, any value: includes NUL, lone surrogates, BOM, U+2028. */
export const codeUnitArb = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/**
 * Arbitrary text for the crash properties: mostly generated configs (mutated), then token
 * soup, then raw code units.
 */
export const anyTextArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(printedConfigArb, fc.array(mutationArb, { maxLength: 6 })).map(([c, m]) => mutate(c.text, m)) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...NASTY_TOKENS), { maxLength: 40 }).map((t) => t.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnitArb, maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
);
