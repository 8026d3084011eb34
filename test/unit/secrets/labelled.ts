/**
 * A labelled set of secret positions for measuring the [secret] rules: realistic configs,
 * each built around one value that either is a credential (positive) or is not (negative:
 * placeholders, references in every client syntax, look-alikes under credential-sounding
 * names, public keys, ids, digests...). Tokens are generated at run time (tokens.ts), so
 * nothing secret-looking is committed. Each case is linted as one file of its dialect.
 */
import { ALNUM, B64, DIGITS, HEX, LOWER, Rng, TOKEN_KINDS, URLSAFE, jwt, password } from './tokens';

export interface LabelledCase {
  name: string;
  path: string;
  text: string;
  /** The planted value as it appears in the text (JSON-escaped where needed). */
  needle: string;
  positive: boolean;
}

type Dialect = 'vscode' | 'claude-code';
const PATHS: Record<Dialect, string> = { vscode: '/work/app/.vscode/mcp.json', 'claude-code': '/work/app/.mcp.json' };

function wrap(dialect: Dialect, name: string, server: Record<string, unknown>): string {
  const root = dialect === 'vscode' ? 'servers' : 'mcpServers';
  const body = JSON.stringify({ [root]: { [name]: server } }, null, 2);
  return dialect === 'vscode' ? '// team servers\n' + body + '\n' : body + '\n';
}

const q = (value: string) => JSON.stringify(value).slice(1, -1);

export function buildLabelledSet(seed = 20251121): LabelledCase[] {
  const rng = new Rng(seed);
  const cases: LabelledCase[] = [];
  let n = 0;
  const dialect = (): Dialect => (n++ % 2 === 0 ? 'vscode' : 'claude-code');
  const add = (name: string, positive: boolean, needle: string, server: Record<string, unknown>, d: Dialect = dialect()) =>
    cases.push({ name, path: PATHS[d], text: wrap(d, name.replace(/[^a-z0-9-]+/gi, '-').slice(0, 30), server), needle: q(needle), positive });
  const npx = (pkg: string, extra: string[] = []) => ({ command: 'npx', args: ['-y', pkg, ...extra] });

  // ---- Positives -------------------------------------------------------------------------
  // Every provider format under its usual env name.
  for (const kind of TOKEN_KINDS) {
    const value = kind.make(rng);
    add(`env ${kind.id}`, true, value, { ...npx(`${kind.id}-mcp@1.0.0`), env: { [kind.env]: value } });
  }
  // Known formats under a neutral key, in args, in headers.
  const strong = TOKEN_KINDS.filter((k) =>
    [
      'github-classic',
      'openai-proj',
      'anthropic',
      'slack-bot',
      'tavily',
      'supabase-pat',
      'openrouter',
      'groq',
      'notion',
      'linear',
      'stripe',
      'google',
    ].includes(k.id),
  );
  for (const kind of strong) {
    const value = kind.make(rng);
    add(`env neutral key ${kind.id}`, true, value, { ...npx('x-mcp@1.0.0'), env: { CONFIG_VALUE: value } });
  }
  for (const kind of strong) {
    const value = kind.make(rng);
    add(`positional arg ${kind.id}`, true, value, npx('x-mcp@1.0.0', [value]));
  }
  for (const [i, kind] of strong.entries()) {
    const value = kind.make(rng);
    const flag = ['--api-key', '--token', '--access-token', '--auth-token'][i % 4];
    add(`flag ${flag} ${kind.id}`, true, value, npx('x-mcp@1.0.0', [flag, value]));
    const value2 = kind.make(rng);
    add(`flag= ${flag} ${kind.id}`, true, value2, npx('x-mcp@1.0.0', [`${flag}=${value2}`]));
  }
  for (const kind of strong.slice(0, 8)) {
    const value = kind.make(rng);
    add(`docker -e ${kind.id}`, true, value, { command: 'docker', args: ['run', '-i', '--rm', '-e', `${kind.env}=${value}`, 'ghcr.io/example/mcp:1.2.3'] });
  }
  // Authorization headers with unknown-format tokens (hex, base64, opaque).
  for (let i = 0; i < 10; i++) {
    const token = [rng.chars(HEX, 64), rng.chars(URLSAFE, 40), rng.chars(ALNUM, 32), rng.chars(B64, 44)][i % 4];
    add(`authorization bearer opaque ${i}`, true, token, { type: 'http', url: 'https://mcp.example.com/mcp', headers: { Authorization: `Bearer ${token}` } });
  }
  for (let i = 0; i < 4; i++) {
    const creds = Buffer.from(`svc-user${i}:${password(rng)}`).toString('base64');
    add(`authorization basic ${i}`, true, creds, { type: 'http', url: 'https://mcp.example.com/mcp', headers: { Authorization: `Basic ${creds}` } });
  }
  for (const header of ['X-API-Key', 'X-Subscription-Token', 'Ocp-Apim-Subscription-Key', 'api-key', 'Private-Token', 'x-goog-api-key']) {
    const value = rng.chars(ALNUM, 24 + rng.int(16));
    add(`header ${header}`, true, value, { type: 'http', url: 'https://api.example.com/mcp', headers: { [header]: value } });
  }
  for (let i = 0; i < 3; i++) {
    const session = rng.chars(URLSAFE, 48);
    add(`cookie ${i}`, true, session, { type: 'http', url: 'https://mcp.example.com/mcp', headers: { Cookie: `theme=dark; session_id=${session}` } });
  }
  // ${VAR:-literal} defaults in env and headers.
  for (let i = 0; i < 6; i++) {
    const kind = strong[i];
    const value = kind.make(rng);
    if (i % 2)
      add(`default literal env ${kind.id}`, true, value, { ...npx('x-mcp@1.0.0'), env: { [kind.env]: '${' + kind.env + ':-' + value + '}' } }, 'claude-code');
    else
      add(
        `default literal header ${kind.id}`,
        true,
        value,
        { type: 'http', url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer ${API_TOKEN:-' + value + '}' } },
        'claude-code',
      );
  }
  // mcp-remote bridges: --header and URLs.
  for (let i = 0; i < 5; i++) {
    const token = rng.chars(HEX, 40);
    add(`mcp-remote --header ${i}`, true, token, npx('mcp-remote@0.1.29', ['https://mcp.example.com/sse', '--header', `Authorization: Bearer ${token}`]));
  }
  for (const key of ['api_key', 'token', 'key', 'apiKey', 'tavilyApiKey', 'access_token', 'auth_token']) {
    const value = key === 'tavilyApiKey' ? TOKEN_KINDS.find((k) => k.id === 'tavily')!.make(rng) : rng.chars(ALNUM, 32);
    add(`url query ${key}`, true, value, { type: 'http', url: `https://mcp.example.com/mcp?${key}=${value}&region=eu` });
    const value2 = rng.chars(HEX, 32);
    add(`mcp-remote url query ${key}`, true, value2, npx('mcp-remote@0.1.29', [`https://mcp.example.com/sse?${key}=${value2}`]));
  }
  for (let i = 0; i < 4; i++) {
    const pass = password(rng);
    add(`url userinfo ${i}`, true, pass, { type: 'http', url: `https://admin:${pass}@mcp.example.com/mcp` });
  }
  // Connection strings with a password, in env and args.
  const dsns: Array<[string, (p: string) => string]> = [
    ['postgres', (p) => `postgresql://app_user:${p}@db.example.com:5432/app`],
    ['postgres-privileged', (p) => `postgres://postgres:${p}@10.0.0.5/postgres`],
    ['mysql', (p) => `mysql://root:${p}@mysql.internal:3306/shop`],
    ['mongodb', (p) => `mongodb+srv://svc:${p}@cluster0.abcde.mongodb.net/prod?retryWrites=true`],
    ['redis', (p) => `redis://default:${p}@cache.example.com:6379/0`],
    ['amqp', (p) => `amqps://worker:${p}@mq.example.com/vhost`],
    ['jdbc', (p) => `jdbc:postgresql://db.example.com:5432/app?user=app&password=${p}`],
    ['mssql-ado', (p) => `Server=tcp:sql.example.com,1433;Database=app;User Id=sa;Password=${p};Encrypt=true`],
  ];
  for (const [kind, make] of dsns) {
    const pass = password(rng);
    add(`dsn env ${kind}`, true, pass, { ...npx('db-mcp@1.0.0'), env: { DATABASE_URL: make(pass) } });
    const pass2 = password(rng);
    add(`dsn arg ${kind}`, true, pass2, npx('@modelcontextprotocol/server-postgres@0.6.2', [make(pass2)]));
  }
  // OAuth client secrets.
  for (const [block, key] of [
    ['oauth', 'clientSecret'],
    ['auth', 'CLIENT_SECRET'],
    ['oauthClient', 'client_secret'],
  ] as const) {
    const secret = rng.chars(URLSAFE, 40);
    add(`oauth ${block}.${key}`, true, secret, { url: 'https://mcp.example.com/mcp', [block]: { clientId: 'mcp-client', [key]: secret } });
  }
  // Human passwords and opaque keys under credential names.
  for (const key of ['DB_PASSWORD', 'MSSQL_PASSWORD', 'ODOO_PASSWORD', 'SMTP_PASS', 'REDIS_PASSWORD']) {
    const value = password(rng);
    add(`password ${key}`, true, value, { ...npx('x-mcp@1.0.0'), env: { [key]: value } });
  }
  for (const key of [
    'API_KEY',
    'SECRET_KEY',
    'ACCESS_TOKEN',
    'AUTH_TOKEN',
    'HA_AGENT_KEY',
    'REF_API_KEY',
    'JWT_SECRET',
    'WEBHOOK_SECRET',
    'ENCRYPTION_KEY',
    'MISTRAL_API_KEY',
  ]) {
    const value = [rng.chars(HEX, 64), rng.chars(ALNUM, 43), 'ref-' + rng.chars(HEX, 20), rng.chars(B64, 40) + '='][rng.int(4)];
    add(`key-named ${key}`, true, value, { ...npx('x-mcp@1.0.0'), env: { [key]: value } });
  }
  // An env var holding a JSON string of headers (OPENAPI_MCP_HEADERS style).
  for (let i = 0; i < 3; i++) {
    const token = i === 0 ? TOKEN_KINDS.find((k) => k.id === 'notion')!.make(rng) : rng.chars(HEX, 48);
    add(`json headers in env ${i}`, true, token, {
      ...npx('@notionhq/notion-mcp-server@1.8.1'),
      env: { OPENAPI_MCP_HEADERS: JSON.stringify({ Authorization: `Bearer ${token}`, 'Notion-Version': '2022-06-28' }) },
    });
  }

  // ---- Negatives -------------------------------------------------------------------------
  const placeholders = [
    'YOUR_API_KEY',
    'your-api-key-here',
    'your_tavily_api_key',
    '<token>',
    '<YOUR_GITHUB_TOKEN>',
    '[REDACTED_API_KEY]',
    '{secret}',
    '{{API_KEY}}',
    'xxxxxxxxxxxxxxxxxxxx',
    'ghp_' + 'x'.repeat(36),
    'sbp_' + 'X'.repeat(40),
    'figd_' + 'X'.repeat(40),
    'ntn_' + 'X'.repeat(46),
    'sk-...',
    'sk-proj-...',
    'sk-xxxxxxxxxxxxxxxx',
    'tvly-YOUR_API_KEY',
    'fc-YOUR_API_KEY',
    'changeme',
    'CHANGE_ME',
    'replace-me',
    'placeholder',
    'dummy',
    'test',
    'none',
    'optional',
    '',
    '****',
    '********************',
    'AKIA' + 'IOSFODNN7' + 'EXAMPLE',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY',
    'sk-no-key-required',
    'ollama',
    'lm-studio',
    'not-needed',
    'ghp_dummy',
    'ghp_your_github_personal_access_token',
    'xoxb-your-slack-bot-token',
    'your-jwt-token-here',
    'INSERT_TOKEN_HERE',
    'paste-your-key',
    '%API_KEY%',
    'your_sonarqube_token',
  ];
  for (const [i, value] of placeholders.entries()) {
    const key = ['GITHUB_TOKEN', 'OPENAI_API_KEY', 'TAVILY_API_KEY', 'DB_PASSWORD', 'SLACK_BOT_TOKEN'][i % 5];
    add(`placeholder env ${i}`, false, value, { ...npx('x-mcp@1.0.0'), env: { [key]: value } });
  }
  for (const value of [
    'Bearer <token>',
    'Bearer YOUR_TOKEN',
    'Bearer {{GITHUB_MCP_TOKEN}}',
    'Bearer replace-me',
    'Bearer ${input:api-token}',
    'Bearer ${env:API_TOKEN}',
    'Bearer ${API_TOKEN}',
    'token ${GITHUB_TOKEN}',
    'Basic ' + Buffer.from('user:password').toString('base64'),
  ]) {
    add(`header placeholder ${value}`, false, value, { type: 'http', url: 'https://mcp.example.com/mcp', headers: { Authorization: value } });
  }
  // References in every client syntax, in env, args, headers, url.
  const references = [
    '${input:github-token}',
    '${env:GITHUB_TOKEN}',
    '${GITHUB_TOKEN}',
    '$GITHUB_TOKEN',
    '{env:GITHUB_TOKEN}',
    '${{ secrets.GITHUB_TOKEN }}',
    '${GITHUB_TOKEN:-}',
    '%GITHUB_TOKEN%',
  ];
  for (const value of references) {
    add(`reference env ${value}`, false, value, { ...npx('x-mcp@1.0.0'), env: { GH_PAT: value } });
    add(`reference arg ${value}`, false, value, npx('x-mcp@1.0.0', ['--api-key', value]));
    add(`reference header ${value}`, false, value, { type: 'http', url: 'https://mcp.example.com/mcp', headers: { 'X-API-Key': value } });
    add(`reference url ${value}`, false, value, { type: 'http', url: `https://mcp.example.com/mcp?api_key=${value}` });
  }
  // Non-secrets under credential-sounding or neutral names (adversarial look-alikes).
  const benignEnv: Array<[string, string]> = [
    ['TOKEN_LIMIT', '4096'],
    ['MAX_TOKENS', '8192'],
    ['GITHUB_TOKEN_FILE', '/run/secrets/github_token'],
    ['API_KEY_HEADER', 'X-API-Key'],
    ['AUTH_TYPE', 'bearer'],
    ['SECRET_NAME', 'prod/mcp/db-password'],
    ['AWS_REGION', 'eu-west-1'],
    ['KEY_PREFIX', 'mcp:cache:'],
    ['SSH_KEY_PATH', '~/.ssh/id_ed25519'],
    ['OAUTH_CLIENT_ID', '123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com'],
    ['GOOGLE_APPLICATION_CREDENTIALS', '/home/dev/keys/service-account.json'],
    ['PASSWORD_MIN_LENGTH', '12'],
    ['AUTH_ENABLED', 'true'],
    ['TOKEN_ENDPOINT', 'https://login.example.com/oauth2/token'],
    ['SESSION_TIMEOUT', '3600'],
    ['KEYCHAIN_SERVICE', 'mcp-github'],
    ['GITHUB_TOKEN', 'op://Engineering/GitHub MCP/token'],
    ['DB_PASSWORD', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf'],
    ['API_KEY', 'projects/my-proj/secrets/api-key/versions/latest'],
    ['TOKEN_ENCODING', 'cl100k_base'],
    ['NODE_ENV', 'production'],
    ['LOG_LEVEL', 'debug'],
    ['GITHUB_HOST', 'github.example.com'],
    ['DEFAULT_MODEL', 'claude-3-5-sonnet-20241022'],
    ['OPENAI_MODEL', 'gpt-4o-2024-08-06'],
    ['PROJECT_ID', '3f1c9a2e-7b4d-4c8e-9a1f-2d3e4f5a6b7c'],
    ['WORKSPACE_ID', rng.chars(HEX, 32)],
    ['GIT_SHA', rng.chars(HEX, 40)],
    ['SENTRY_DSN', `https://${rng.chars(HEX, 32)}@o123456.ingest.sentry.io/4505`],
    ['AWS_ACCESS_KEY_ID', '${env:AWS_ACCESS_KEY_ID}'],
    ['SUPABASE_URL', 'https://abcdefghijklmnop.supabase.co'],
    ['TZ', 'Europe/Paris'],
    ['PYTHONPATH', 'C:/Github/py-mcp-mssql'],
    ['PATH', '/opt/homebrew/bin:/usr/local/bin:/usr/bin:/bin'],
    ['MEMORY_FILE_PATH', './.windsurf/memory.json'],
    ['ALLOWED_ORIGINS', 'https://app.example.com,https://admin.example.com'],
    ['GITHUB_TOOLSETS', 'repos,issues,pull_requests'],
    ['NOTION_VERSION', '2022-06-28'],
    ['MCP_SERVER_NAME', 'github-enterprise'],
    ['SECRET_ARN', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:mcp'],
    ['CACHE_KEY', 'v2-mcp-index'],
    ['SUPABASE_ANON_KEY', jwt(rng, { iss: 'supabase', ref: 'abcdefghijklmnop', role: 'anon' })],
    ['SUPABASE_PUBLISHABLE_KEY', 'sb_publishable_' + rng.chars(URLSAFE, 30)],
    ['STRIPE_PUBLISHABLE_KEY', 'pk_live_' + rng.chars(ALNUM, 40)],
    ['NEXT_PUBLIC_API_KEY', rng.chars(ALNUM, 32)],
    ['LANGFUSE_PUBLIC_KEY', 'pk-lf-' + [8, 4, 4, 4, 12].map((k) => rng.chars(HEX, k)).join('-')],
    ['API_KEY', 'sk-no-key-required'],
    ['OPENAI_API_KEY', 'ollama'],
    ['GITHUB_TOKEN', 'optional'],
    ['AUTH_MODE', 'oauth'],
    ['TOKEN_STORE', 'keychain'],
  ];
  for (const [key, value] of benignEnv) add(`benign env ${key}`, false, value, { ...npx('x-mcp@1.0.0'), env: { [key]: value } });
  const benignArgs: string[][] = [
    ['--port', '3000'],
    ['--stdio'],
    ['--read-only'],
    ['/home/dev/projects/app'],
    ['${workspaceFolder}'],
    ['--allowed-directories', '/tmp/mcp'],
    ['--project-ref', 'abcdefghijklmnopqrst'],
    ['--features', 'docs,account'],
    ['https://mcp.example.com/sse'],
    ['--header', 'Authorization: Bearer ${AUTH_TOKEN}'],
    ['--header', 'Authorization:${AUTH_HEADER}'],
    ['--header', 'Accept: application/json'],
    ['--api-key', '${input:api-key}'],
    ['--token', 'YOUR_TOKEN_HERE'],
    ['--access-token', 'YOUR_SUPABASE_PERSONAL_ACCESS_TOKEN_HERE'],
    ['--config', './mcp.config.json'],
    ['--model', 'gpt-4o-mini'],
    ['--timeout', '60000'],
    ['--transport', 'stdio'],
    ['--log-level=info'],
    ['--token-limit=8000'],
    ['--max-tokens', '4096'],
    ['--commit', rng.chars(HEX, 40)],
    ['--digest', 'sha256:' + rng.chars(HEX, 64)],
    ['--session-id', rng.chars(HEX, 16)],
    ['postgresql://reader:YOUR_PASSWORD@localhost:5432/mydb'],
    ['postgresql://ai:***@localhost:5432/ai'],
    ['postgresql://postgres:${env:PG_PASSWORD}@host.docker.internal:5432/postgres'],
    ['mongodb://localhost:27017/test'],
    ['redis://localhost:6379'],
    ['git+https://github.com/example/mcp-server@' + rng.chars(HEX, 40)],
    ['--from', 'git+https://github.com/example/mcp@v1.2.3'],
  ];
  for (const args of benignArgs) add(`benign args ${args.join(' ')}`, false, args[args.length - 1], npx('@example/mcp-server@1.4.2', args));
  add('benign docker digest', false, 'sha256:', {
    command: 'docker',
    args: ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', `ghcr.io/github/github-mcp-server@sha256:${rng.chars(HEX, 64)}`],
  });
  add(
    'benign docker -e ref',
    false,
    'GITHUB_TOKEN=${input:gh}',
    { command: 'docker', args: ['run', '-i', '--rm', '-e', 'GITHUB_TOKEN=${input:gh}', 'ghcr.io/github/github-mcp-server:v0.9.0'] },
    'vscode',
  );
  const benignUrls = [
    'https://mcp.example.com/mcp?project_ref=abcdefghijklmnop',
    'https://mcp.example.com/mcp?version=2&format=json',
    'https://mcp.example.com/sse?client_id=mcp-cli',
    'https://mcp.example.com/mcp?api_key=YOUR_API_KEY',
    'https://mcp.tavily.com/mcp/?tavilyApiKey=<your-api-key>',
    'https://user@mcp.example.com/mcp',
    'https://mcp.example.com/v1/' + rng.chars(HEX, 8) + '/mcp',
    'https://api.githubcopilot.com/mcp/',
    'https://mcp.linear.app/sse',
    'http://localhost:3000/mcp',
    'https://mcp.example.com/mcp?features=docs%2Caccount&read_only=true',
    'https://mcp.example.com/mcp?session=' + '${SESSION}',
    'https://mcp.example.com/mcp?key=' + '${input:key}',
    'https://mcp.context7.com/mcp',
    'https://mcp.example.com/workspaces/' + '3f1c9a2e-7b4d-4c8e-9a1f-2d3e4f5a6b7c' + '/mcp',
  ];
  for (const url of benignUrls) add(`benign url ${url}`, false, url, { type: 'http', url });
  const benignHeaders: Array<[string, string]> = [
    ['Content-Type', 'application/json'],
    ['Accept', 'text/event-stream'],
    ['X-Request-Id', '3f1c9a2e-7b4d-4c8e-9a1f-2d3e4f5a6b7c'],
    ['MCP-Protocol-Version', '2025-06-18'],
    ['X-Tenant-Id', rng.chars(HEX, 24)],
    ['User-Agent', 'mcp-client/1.2.3'],
    ['X-Workspace', 'acme-prod'],
    ['Notion-Version', '2022-06-28'],
    ['X-GitHub-Api-Version', '2022-11-28'],
    ['X-MCP-Toolsets', 'repos,issues'],
    ['X-API-Key', '${input:api-key}'],
    ['Cookie', 'theme=dark; lang=en'],
  ];
  for (const [header, value] of benignHeaders)
    add(`benign header ${header}`, false, value, { type: 'http', url: 'https://mcp.example.com/mcp', headers: { [header]: value } });
  add('benign oauth client id', false, 'mcp-client-' + rng.chars(LOWER + DIGITS, 8), {
    url: 'https://mcp.example.com/mcp',
    oauth: { clientId: 'mcp-client-' + rng.chars(LOWER + DIGITS, 8) },
  });
  add(
    'benign oauth client secret ref',
    false,
    '${env:CLIENT_SECRET}',
    { url: 'https://mcp.example.com/mcp', auth: { CLIENT_ID: 'x', CLIENT_SECRET: '${env:CLIENT_SECRET}' } },
    'vscode',
  );
  addHardCases(rng, cases);
  return cases;
}

const tokenKind = (id: string) => TOKEN_KINDS.find((k) => k.id === id)!;

/**
 * Harder cases: other dialects (Gemini JSON, Codex TOML, Continue YAML), auth schemes without
 * "Bearer", command strings and `cmd /c`, names that end in "key" without being keys,
 * documented example tokens, elided keys, bcrypt hashes, public site keys.
 */
function addHardCases(rng: Rng, cases: LabelledCase[]): void {
  const raw = (name: string, positive: boolean, needle: string, path: string, text: string) => cases.push({ name, positive, needle, path, text });
  const gemini = '/work/app/.gemini/settings.json';
  const codex = '/home/dev/.codex/config.toml';
  const cont = '/work/app/.continue/mcpServers/server.yaml';
  const json = (root: string, server: Record<string, unknown>) => JSON.stringify({ [root]: { srv: server } }, null, 2) + '\n';
  const ghp = () => tokenKind('github-classic').make(rng);

  // Positives.
  let v = ghp();
  raw('gemini env token', true, v, gemini, json('mcpServers', { command: 'npx', args: ['-y', 'x@1.0.0'], env: { GITHUB_TOKEN: v } }));
  v = rng.chars(URLSAFE, 40);
  raw(
    'gemini oauth clientSecret',
    true,
    v,
    gemini,
    json('mcpServers', { httpUrl: 'https://mcp.example.com/mcp', oauth: { enabled: true, clientId: 'cli', clientSecret: v } }),
  );
  v = ghp();
  raw(
    'codex env table token',
    true,
    v,
    codex,
    `[mcp_servers.gh]\ncommand = "npx"\nargs = ["-y", "@modelcontextprotocol/server-github@0.6.2"]\n\n[mcp_servers.gh.env]\nGITHUB_PERSONAL_ACCESS_TOKEN = "${v}"\n`,
  );
  v = rng.chars(HEX, 48);
  raw(
    'codex http_headers bearer',
    true,
    v,
    codex,
    `[mcp_servers.api]\nurl = "https://mcp.example.com/mcp"\nhttp_headers = { "Authorization" = "Bearer ${v}" }\n`,
  );
  v = rng.chars(ALNUM, 40);
  raw('codex inline bearer_token', true, v, codex, `[mcp_servers.api]\nurl = "https://mcp.example.com/mcp"\nbearer_token = "${v}"\n`);
  v = tokenKind('tavily').make(rng);
  raw(
    'continue yaml env',
    true,
    v,
    cont,
    `name: tavily\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: tavily\n    command: npx\n    args: ["-y", "tavily-mcp@0.2.4"]\n    env:\n      TAVILY_API_KEY: ${v}\n`,
  );
  v = ghp();
  raw(
    'authorization token scheme',
    true,
    v,
    PATHS.vscode,
    json('servers', { type: 'http', url: 'https://api.example.com/mcp', headers: { Authorization: `token ${v}` } }),
  );
  v = rng.chars(HEX, 40);
  raw(
    'authorization without scheme',
    true,
    v,
    PATHS['claude-code'],
    json('mcpServers', { type: 'http', url: 'https://api.example.com/mcp', headers: { Authorization: v } }),
  );
  v = 'a' + rng.chars(ALNUM, 11) + '7';
  raw(
    'authorization short bearer',
    true,
    v,
    PATHS.vscode,
    json('servers', { type: 'http', url: 'https://api.example.com/mcp', headers: { Authorization: `Bearer ${v}` } }),
  );
  for (const [key, value] of [
    ['SECRET_KEY_BASE', rng.chars(HEX, 128)],
    ['AWS_SESSION_TOKEN', rng.chars(B64, 300)],
    ['EXA_API_KEY', [8, 4, 4, 4, 12].map((k) => rng.chars(HEX, k)).join('-')],
    ['DD_APP_KEY', rng.chars(HEX, 40)],
    ['AZURE_OPENAI_API_KEY', rng.chars(HEX, 32)],
    ['POSTGRES_PASSWORD', 'hunter2'],
    ['STRIPE_WEBHOOK_SECRET', 'whsec_' + rng.chars(ALNUM, 32)],
    ['REFRESH_TOKEN', '1//' + rng.chars(URLSAFE, 60)],
    ['AUTH0_CLIENT_SECRET', rng.chars(URLSAFE, 64)],
    ['CONFLUENCE_API_TOKEN', rng.chars(ALNUM, 24)],
  ] as const) {
    raw(`hard env ${key}`, true, value, PATHS['claude-code'], json('mcpServers', { command: 'uvx', args: ['x-mcp==1.0.0'], env: { [key]: value } }));
  }
  v = tokenKind('openai-proj').make(rng);
  raw('command string with --api-key', true, v, PATHS['claude-code'], json('mcpServers', { command: `npx -y x-mcp@1.0.0 --api-key ${v}` }));
  v = rng.chars(HEX, 40);
  raw(
    'cmd /c with --token',
    true,
    v,
    '/Users/dev/Library/Application Support/Claude/claude_desktop_config.json',
    json('mcpServers', { command: 'cmd', args: ['/c', 'npx', '-y', 'x-mcp@1.0.0', '--token', v] }),
  );
  v = tokenKind('openai-legacy').make(rng);
  raw('env assignment argument', true, v, PATHS.vscode, json('servers', { command: 'env', args: [`OPENAI_API_KEY=${v}`, 'npx', '-y', 'x-mcp@1.0.0'] }));
  v = ghp();
  raw(
    'git url with token login',
    true,
    v,
    PATHS.vscode,
    json('servers', { command: 'uvx', args: ['--from', `git+https://x-access-token:${v}@github.com/acme/mcp.git`, 'acme-mcp'] }),
  );
  v = rng.chars(ALNUM, 32);
  raw('wss url token', true, v, PATHS['claude-code'], json('mcpServers', { type: 'ws', url: `wss://mcp.example.com/ws?apikey=${v}` }));
  v = password(rng);
  raw(
    'mysql url in env with raw chars',
    true,
    v,
    PATHS.vscode,
    json('servers', { command: 'npx', args: ['-y', 'mysql-mcp@1.0.0'], env: { MYSQL_URL: `mysql://root:${v}@db.example.com:3306/app` } }),
  );

  v = password(rng);
  raw('run-together PGPASSWORD', true, v, PATHS.vscode, json('servers', { command: 'npx', args: ['-y', 'pg-mcp@1.0.0'], env: { PGPASSWORD: v } }));
  v = rng.chars(B64, 86) + '==';
  raw(
    'azure storage connection string',
    true,
    v,
    PATHS['claude-code'],
    json('mcpServers', {
      command: 'npx',
      args: ['-y', 'azure-mcp@1.0.0'],
      env: { AZURE_STORAGE_CONNECTION_STRING: `DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${v};EndpointSuffix=core.windows.net` },
    }),
  );
  v = rng.chars(B64, 43) + '=';
  raw(
    'service bus connection string',
    true,
    v,
    PATHS.vscode,
    json('servers', {
      command: 'npx',
      args: ['-y', 'sb-mcp@1.0.0'],
      env: { SERVICEBUS_CONNECTION: `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${v}` },
    }),
  );

  v = ghp();
  raw(
    'commented-out token (jsonc)',
    true,
    v,
    PATHS.vscode,
    `{\n  "servers": {\n    "gh": {\n      "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"],\n      // "GITHUB_PERSONAL_ACCESS_TOKEN": "${v}",\n      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "\${input:gh}" }\n    }\n  }\n}\n`,
  );
  v = rng.chars(HEX, 40);
  raw(
    'commented-out token (toml)',
    true,
    v,
    codex,
    `[mcp_servers.api]\nurl = "https://mcp.example.com/mcp"\n# API_TOKEN=${v}\nbearer_token_env_var = "API_TOKEN"\n`,
  );
  raw(
    'template comment (jsonc)',
    false,
    'YOUR_TOKEN_HERE',
    PATHS.vscode,
    `{\n  // set GITHUB_TOKEN=YOUR_TOKEN_HERE, see https://docs.github.com/en/authentication\n  "servers": { "gh": { "command": "npx", "args": ["-y", "x@1.0.0"], "env": { "GITHUB_TOKEN": "\${input:gh}" } } }\n}\n`,
  );
  raw(
    'ordinary comment (toml)',
    false,
    'token',
    codex,
    `# token comes from the keychain (bearer_token_env_var)\n[mcp_servers.api]\nurl = "https://mcp.example.com/mcp"\nbearer_token_env_var = "API_TOKEN"\n`,
  );

  // Made-up-looking values in credential slots: what the server really gets, so findings
  // (issue 15 class 1: a vendor format with a counting body is an error, any other literal
  // in a secret-named env var at least a warning). Until then they were negatives here.
  const weak: Array<[string, string]> = [
    ['GITHUB_TOKEN', 'ghp_' + '1234567890abcdef'.repeat(2) + '1234'],
    ['OPENAI_API_KEY', 'sk-' + 'abc123'.repeat(8)],
    ['API_KEY', '1234567890abcdef1234567890abcdef'],
    ['API_KEY', 'abc123def456'],
    ['ACCESS_TOKEN', 'a1b2c3d4e5f6g7h8i9j0'],
    ['TAVILY_API_KEY', 'tvly-1234567890abcdef'],
  ];
  for (const [key, value] of weak)
    raw(
      `weak literal env ${key}`,
      true,
      value,
      PATHS['claude-code'],
      json('mcpServers', { command: 'npx', args: ['-y', 'x-mcp@1.0.0'], env: { [key]: value } }),
    );

  // Negatives.
  const negatives: Array<[string, string]> = [
    ['PGPASSWORD', '${PGPASSWORD}'],
    ['AUTH_TOKEN', 'my-secret-token'],
    ['AZURE_STORAGE_CONNECTION_STRING', 'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${env:AZURE_STORAGE_KEY};EndpointSuffix=core.windows.net'],
    ['FIGMA_FILE_KEY', rng.chars(ALNUM, 22)],
    ['JIRA_PROJECT_KEY', 'PROJ'],
    ['RECAPTCHA_SITE_KEY', '6L' + rng.chars(URLSAFE, 38)],
    ['ROUTING_KEY', 'mcp.events.' + rng.chars(LOWER, 6)],
    ['SLACK_TEAM_ID', 'T0' + rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 8)],
    ['NOTION_PAGE_ID', rng.chars(HEX, 32)],
    ['GOOGLE_CLIENT_ID', '1234567890-' + rng.chars(LOWER + DIGITS, 32) + '.apps.googleusercontent.com'],
    ['PASSWORD_HASH', '$2b$12$' + rng.chars(ALNUM + './', 53)],
    ['SECRET_KEY', 'your-secret-key-change-in-production'],
    ['API_KEY', 'sk-' + 'x'.repeat(48)],
    ['OPENAI_API_KEY', 'sk-proj-****************'],
    ['ANTHROPIC_API_KEY', 'sk-ant-api03-...'],
    ['GITHUB_PERSONAL_ACCESS_TOKEN', 'ghp_123'],
    [
      'TOKEN',
      [
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
        'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ',
        'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
      ].join('.'),
    ],
    ['STRIPE_SECRET_KEY', ['sk', 'test', '4eC39HqLyjWDarjtT1zdp7dc'].join('_')],
    ['OPENAI_BASE_URL', 'https://api.openai.com/v1'],
    ['GITHUB_API_URL', 'https://api.github.com'],
    ['DATABASE_URL', 'postgresql://postgres:${POSTGRES_PASSWORD:-}@localhost/db'],
    ['MONGODB_URI', 'mongodb://app@mongo.example.com:27017/app'],
    ['REDIS_URL', 'redis://user:@cache:6379'],
    ['GITHUB_TOKEN', '$(gh auth token)'],
    ['API_KEY', '{{ .Env.API_KEY }}'],
    ['SSH_KEY', '~/.ssh/id_ed25519'],
    ['PRIVATE_KEY_PATH', '/etc/mcp/key.pem'],
    ['TOKEN_TYPE', 'Bearer'],
    ['AUTH_HEADER_NAME', 'X-Api-Key'],
    ['API_KEY_ENV_VAR', 'OPENAI_API_KEY'],
    ['GEMINI_MODEL', 'gemini-2.5-pro-preview-06-05'],
    ['APP_VERSION', '2.14.0-beta.3+build.5678'],
  ];
  for (const [key, value] of negatives)
    raw(
      `hard benign env ${key}`,
      false,
      value,
      PATHS['claude-code'],
      json('mcpServers', { command: 'npx', args: ['-y', 'x-mcp@1.0.0'], env: { [key]: value } }),
    );
  raw(
    'codex bearer_token_env_var',
    false,
    'GITHUB_TOKEN',
    codex,
    `[mcp_servers.gh]\nurl = "https://api.githubcopilot.com/mcp/"\nbearer_token_env_var = "GITHUB_TOKEN"\nenv_http_headers = { "X-API-Key" = "API_KEY" }\n`,
  );
  raw(
    'continue secrets reference',
    false,
    'secrets',
    cont,
    `name: gh\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: gh\n    command: npx\n    args: ["-y", "x@1.0.0"]\n    env:\n      GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}\n`,
  );
  raw(
    'gemini dollar reference',
    false,
    '$GITHUB_TOKEN',
    gemini,
    json('mcpServers', { command: 'npx', args: ['-y', 'x@1.0.0'], env: { GITHUB_TOKEN: '$GITHUB_TOKEN' } }),
  );
  for (const args of [
    ['--token-file', '/run/secrets/token'],
    ['--password-stdin'],
    ['--no-auth'],
    ['--api-key', '$(op read op://vault/item/key)'],
    ['--header', 'X-Api-Key: {{ .Env.KEY }}'],
    ['https://mcp.example.com/mcp?api_key=%API_KEY%'],
  ]) {
    raw(
      `hard benign args ${args.join(' ')}`,
      false,
      args[args.length - 1],
      PATHS.vscode,
      json('servers', { command: 'npx', args: ['-y', 'x-mcp@1.0.0', ...args] }),
    );
  }
}
