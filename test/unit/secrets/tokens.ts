/**
 * Deterministic fake credentials for tests. Nothing that looks like a real secret is
 * committed: every token is assembled at run time from a provider prefix and a
 * pseudo-random body drawn from a seeded generator (mulberry32), so the same run always
 * sees the same values and no scanner trips on the repository.
 */

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chars(charset: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += charset[this.int(charset.length)];
    return out;
  }
}

export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const UPPER = LOWER.toUpperCase();
export const DIGITS = '0123456789';
export const ALNUM = LOWER + UPPER + DIGITS;
export const HEX = '0123456789abcdef';
export const B32 = UPPER + '234567';
export const URLSAFE = ALNUM + '-_';
export const B64 = ALNUM + '+/';

/** Joins pieces so that no provider prefix appears as one literal in the source. */
const p = (...pieces: string[]) => pieces.join('');

export interface TokenKind {
  /** Short provider id, used in test names. */
  id: string;
  /** Typical env name. */
  env: string;
  make(rng: Rng): string;
  /** True when secretlint's recommended preset is expected to recognise it. */
  secretlint?: boolean;
  /** Public by design (publishable keys): never an error. */
  public?: boolean;
}

/** One entry per format in docs/secret-formats.md that matters in MCP configs. */
export const TOKEN_KINDS: TokenKind[] = [
  { id: 'github-classic', env: 'GITHUB_PERSONAL_ACCESS_TOKEN', make: (r) => p('gh', 'p_') + r.chars(ALNUM, 36) },
  { id: 'github-fine', env: 'GITHUB_TOKEN', make: (r) => p('github', '_pat_') + r.chars(ALNUM, 22) + '_' + r.chars(ALNUM, 59) },
  { id: 'github-oauth', env: 'GITHUB_TOKEN', make: (r) => p('gh', 'o_') + r.chars(ALNUM, 36) },
  { id: 'github-app', env: 'GH_TOKEN', make: (r) => p('gh', 's_') + r.chars(ALNUM, 36) },
  { id: 'openai-proj', env: 'OPENAI_API_KEY', make: (r) => p('sk', '-proj-') + r.chars(URLSAFE, 74) + p('T3Blbk', 'FJ') + r.chars(URLSAFE, 74) },
  { id: 'openai-legacy', env: 'OPENAI_API_KEY', make: (r) => p('sk', '-') + r.chars(ALNUM, 20) + p('T3Blbk', 'FJ') + r.chars(ALNUM, 20) },
  { id: 'anthropic', env: 'ANTHROPIC_API_KEY', make: (r) => p('sk', '-ant-', 'api03-') + r.chars(URLSAFE, 93) + 'AA' },
  { id: 'aws-key-id', env: 'AWS_ACCESS_KEY_ID', make: (r) => p('AK', 'IA') + r.chars(B32, 16) },
  { id: 'aws-secret', env: 'AWS_SECRET_ACCESS_KEY', make: (r) => r.chars(ALNUM + '/+', 40) },
  { id: 'google', env: 'GOOGLE_API_KEY', make: (r) => p('AI', 'za', 'Sy') + r.chars(URLSAFE, 33) },
  { id: 'gemini', env: 'GEMINI_API_KEY', make: (r) => p('AI', 'za', 'Sy') + r.chars(URLSAFE, 33) },
  { id: 'slack-bot', env: 'SLACK_BOT_TOKEN', make: (r) => p('xo', 'xb-') + r.chars(DIGITS, 12) + '-' + r.chars(DIGITS, 13) + '-' + r.chars(ALNUM, 24) },
  {
    id: 'slack-user',
    env: 'SLACK_USER_TOKEN',
    make: (r) => p('xo', 'xp-') + r.chars(DIGITS, 12) + '-' + r.chars(DIGITS, 12) + '-' + r.chars(DIGITS, 13) + '-' + r.chars(HEX, 32),
  },
  { id: 'slack-app', env: 'SLACK_APP_TOKEN', make: (r) => p('xa', 'pp-1-') + r.chars(UPPER + DIGITS, 11) + '-' + r.chars(DIGITS, 13) + '-' + r.chars(HEX, 64) },
  { id: 'stripe', env: 'STRIPE_SECRET_KEY', make: (r) => p('sk', '_live_') + r.chars(ALNUM, 99).slice(0, 24 + r.int(60)) },
  { id: 'stripe-test', env: 'STRIPE_SECRET_KEY', make: (r) => p('sk', '_test_') + r.chars(ALNUM, 48) },
  { id: 'notion', env: 'NOTION_TOKEN', make: (r) => p('nt', 'n_') + r.chars(DIGITS, 11) + r.chars(ALNUM, 35) },
  { id: 'notion-legacy', env: 'NOTION_API_KEY', make: (r) => p('sec', 'ret_') + r.chars(ALNUM, 43) },
  { id: 'linear', env: 'LINEAR_API_KEY', make: (r) => p('lin', '_api_') + r.chars(ALNUM, 40) },
  { id: 'perplexity', env: 'PERPLEXITY_API_KEY', make: (r) => p('pp', 'lx-') + r.chars(ALNUM, 48) },
  { id: 'groq', env: 'GROQ_API_KEY', make: (r) => p('gs', 'k_') + r.chars(ALNUM, 52) },
  { id: 'huggingface', env: 'HF_TOKEN', make: (r) => p('h', 'f_') + r.chars(LOWER + UPPER, 34) },
  { id: 'supabase-pat', env: 'SUPABASE_ACCESS_TOKEN', make: (r) => p('sb', 'p_') + r.chars(LOWER + DIGITS, 40) },
  { id: 'supabase-secret', env: 'SUPABASE_SECRET_KEY', make: (r) => p('sb', '_secret_') + r.chars(URLSAFE, 32) },
  { id: 'sentry', env: 'SENTRY_AUTH_TOKEN', make: (r) => p('sntr', 'yu_') + r.chars(HEX, 64) },
  { id: 'atlassian', env: 'JIRA_API_TOKEN', make: (r) => p('ATA', 'TT3') + r.chars(URLSAFE + '=', 186) },
  { id: 'figma', env: 'FIGMA_API_KEY', make: (r) => p('fi', 'gd_') + r.chars(URLSAFE, 40) },
  { id: 'cloudflare', env: 'CLOUDFLARE_API_TOKEN', make: (r) => p('cf', 'ut_') + r.chars(ALNUM, 40) + r.chars(HEX, 8) },
  { id: 'gitlab', env: 'GITLAB_PERSONAL_ACCESS_TOKEN', make: (r) => p('gl', 'pat-') + r.chars(URLSAFE, 20) },
  { id: 'npm', env: 'NPM_TOKEN', make: (r) => p('np', 'm_') + r.chars(LOWER + DIGITS, 36) },
  { id: 'docker', env: 'DOCKER_TOKEN', make: (r) => p('dckr', '_pat_') + r.chars(URLSAFE, 27) },
  { id: 'openrouter', env: 'OPENROUTER_API_KEY', make: (r) => p('sk', '-or-', 'v1-') + r.chars(HEX, 64) },
  { id: 'xai', env: 'XAI_API_KEY', make: (r) => p('xa', 'i-') + r.chars(ALNUM, 80) },
  { id: 'replicate', env: 'REPLICATE_API_TOKEN', make: (r) => p('r', '8_') + r.chars(ALNUM, 37) },
  { id: 'pinecone', env: 'PINECONE_API_KEY', make: (r) => p('pc', 'sk_') + r.chars(ALNUM, 5) + '_' + r.chars(ALNUM, 63) },
  { id: 'langsmith', env: 'LANGSMITH_API_KEY', make: (r) => p('ls', 'v2_pt_') + r.chars(HEX, 32) + '_' + r.chars(HEX, 10) },
  { id: 'langfuse', env: 'LANGFUSE_SECRET_KEY', make: (r) => p('sk', '-lf-') + [8, 4, 4, 4, 12].map((n) => r.chars(HEX, n)).join('-') },
  { id: 'apify', env: 'APIFY_TOKEN', make: (r) => p('apify', '_api_') + r.chars(ALNUM, 36) },
  { id: 'elevenlabs', env: 'ELEVENLABS_API_KEY', make: (r) => p('s', 'k_') + r.chars(HEX, 48) },
  { id: 'vercel', env: 'VERCEL_TOKEN', make: (r) => p('vc', 'p_') + r.chars(ALNUM, 40) },
  { id: 'heroku', env: 'HEROKU_API_KEY', make: (r) => p('HRKU', '-AA') + r.chars(URLSAFE, 58) },
  { id: 'digitalocean', env: 'DIGITALOCEAN_API_TOKEN', make: (r) => p('do', 'p_v1_') + r.chars(HEX, 64) },
  { id: 'databricks', env: 'DATABRICKS_TOKEN', make: (r) => p('da', 'pi') + r.chars(HEX, 32) },
  { id: 'grafana', env: 'GRAFANA_SERVICE_ACCOUNT_TOKEN', make: (r) => p('gl', 'sa_') + r.chars(ALNUM, 32) + '_' + r.chars(HEX, 8) },
  { id: 'shopify', env: 'SHOPIFY_ACCESS_TOKEN', make: (r) => p('sh', 'pat_') + r.chars(HEX, 32) },
  { id: 'sendgrid', env: 'SENDGRID_API_KEY', make: (r) => p('S', 'G.') + r.chars(URLSAFE, 22) + '.' + r.chars(URLSAFE, 43) },
  { id: 'twilio', env: 'TWILIO_API_KEY', make: (r) => p('S', 'K') + r.chars(HEX, 32) },
  { id: 'postman', env: 'POSTMAN_API_KEY', make: (r) => p('PM', 'AK-') + r.chars(HEX, 24) + '-' + r.chars(HEX, 34) },
  { id: 'azure-secret', env: 'AZURE_CLIENT_SECRET', make: (r) => r.chars(ALNUM, 3) + r.chars(DIGITS, 1) + 'Q~' + r.chars(ALNUM + '_~.', 34) },
  { id: 'onepassword', env: 'OP_SERVICE_ACCOUNT_TOKEN', make: (r) => p('op', 's_') + opsBody(r) },
  { id: 'doppler', env: 'DOPPLER_TOKEN', make: (r) => p('dp', '.pt.') + r.chars(ALNUM, 43) },
  { id: 'tavily', env: 'TAVILY_API_KEY', make: (r) => p('tv', 'ly-') + (r.int(2) ? 'dev-' : '') + r.chars(ALNUM, 32) },
  { id: 'firecrawl', env: 'FIRECRAWL_API_KEY', make: (r) => p('f', 'c-') + r.chars(HEX, 32) },
  { id: 'brave', env: 'BRAVE_API_KEY', make: (r) => p('BS', 'A') + r.chars(URLSAFE, 28) },
  { id: 'mistral', env: 'MISTRAL_API_KEY', make: (r) => r.chars(ALNUM, 32) },
  { id: 'exa', env: 'EXA_API_KEY', make: (r) => [8, 4, 4, 4, 12].map((n) => r.chars(HEX, n)).join('-') },
  { id: 'datadog', env: 'DD_API_KEY', make: (r) => r.chars(HEX, 32) },
  { id: 'jwt-service-role', env: 'SUPABASE_SERVICE_ROLE_KEY', make: (r) => jwt(r, { iss: 'supabase', role: 'service_role' }) },
  {
    id: 'private-key',
    env: 'PRIVATE_KEY',
    make: (r) =>
      p('-----BEGIN ', 'RSA PRIVATE KEY-----\n') +
      'MIIE' +
      r.chars(B64, 60) +
      '\n' +
      r.chars(B64, 64) +
      '\n' +
      r.chars(B64, 64) +
      p('\n-----END ', 'RSA PRIVATE KEY-----'),
  },
];

/** base64 of a service-account JSON document, padded so it ends like real ones. */
function opsBody(r: Rng): string {
  let json = JSON.stringify({
    email: r.chars(LOWER, 12) + '@example.lcl',
    muk: { k: r.chars(URLSAFE, 43) },
    secretKey: r.chars(UPPER + DIGITS, 26),
    srpX: r.chars(HEX, 64),
  });
  while (json.length % 3 !== 1) json = json.replace('{', '{ ');
  return Buffer.from(json).toString('base64').replace(/=+$/, '');
}

/** A syntactically valid JWT with the given payload and a random signature. */
export function jwt(rng: Rng, payload: Record<string, unknown>): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return b64({ alg: 'HS256', typ: 'JWT' }) + '.' + b64({ ...payload, iat: 1700000000 + rng.int(1e6), exp: 2000000000 }) + '.' + rng.chars(URLSAFE, 43);
}

/** A random password of the kind people type: letters, digits and a symbol or two. */
export function password(rng: Rng): string {
  return rng.chars(ALNUM, 10 + rng.int(8)) + rng.pick(['!', '#', '%', '*', '', '']) + rng.chars(DIGITS, 2);
}

export function tokenOf(id: string, seed = 1): string {
  const kind = TOKEN_KINDS.find((k) => k.id === id);
  if (!kind) throw new Error('unknown token kind ' + id);
  return kind.make(new Rng(seed));
}
