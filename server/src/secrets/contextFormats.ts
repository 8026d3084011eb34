import { entropy } from './entropy';

/**
 * Provider key shapes that secretlint's recommended preset does not know but that matter
 * for MCP servers (search, scraping, LLM routers, databases-as-a-service). These are context
 * heuristics, written as data: a documented prefix, the character set and minimum length of
 * the random part, and how random that part must be. Shapes whose prefix is short or common
 * (`fc-`, `BSA`, `SK`) are "weak": they count only under a credential-named key, a
 * credential position (`--api-key`, `Authorization`) or a key naming the provider.
 *
 * Sources: the provider documentation listed in docs/secret-formats.md (shapes only).
 */
type Charset = 'alnum' | 'lower-alnum' | 'upper-alnum' | 'hex' | 'letters' | 'urlsafe' | 'base64' | 'token';

export interface ContextFormat {
  label: string;
  prefixes: readonly string[];
  charset: Charset;
  /** Minimum length of the part after the prefix. */
  min: number;
  max?: number;
  /** Needs a credential-ish key or position, or a key containing one of these words. */
  weak?: readonly string[];
  /** Designed to be public (publishable keys): never reported. */
  public?: boolean;
}

export const CONTEXT_FORMATS: readonly ContextFormat[] = [
  { label: 'Tavily API key', prefixes: ['tvly-'], charset: 'urlsafe', min: 20 },
  { label: 'Firecrawl API key', prefixes: ['fc-'], charset: 'alnum', min: 20, weak: ['firecrawl', 'crawl'] },
  { label: 'Brave Search API key', prefixes: ['BSA'], charset: 'urlsafe', min: 20, weak: ['brave', 'subscription'] },
  { label: 'Supabase access token', prefixes: ['sbp_'], charset: 'token', min: 32 },
  { label: 'Supabase secret key', prefixes: ['sb_secret_'], charset: 'urlsafe', min: 16 },
  { label: 'Supabase publishable key', prefixes: ['sb_publishable_'], charset: 'urlsafe', min: 8, public: true },
  { label: 'OpenRouter API key', prefixes: ['sk-or-v1-', 'sk-or-'], charset: 'hex', min: 40 },
  { label: 'Anthropic API key', prefixes: ['sk-ant-api', 'sk-ant-admin', 'sk-ant-'], charset: 'urlsafe', min: 60 },
  { label: 'Perplexity API key', prefixes: ['pplx-'], charset: 'alnum', min: 32 },
  { label: 'xAI API key', prefixes: ['xai-'], charset: 'alnum', min: 48 },
  { label: 'Replicate API token', prefixes: ['r8_'], charset: 'urlsafe', min: 30 },
  { label: 'Pinecone API key', prefixes: ['pcsk_'], charset: 'token', min: 40 },
  { label: 'LangSmith API key', prefixes: ['lsv2_pt_', 'lsv2_sk_'], charset: 'token', min: 32 },
  { label: 'Langfuse secret key', prefixes: ['sk-lf-'], charset: 'urlsafe', min: 30 },
  { label: 'Langfuse public key', prefixes: ['pk-lf-'], charset: 'urlsafe', min: 8, public: true },
  { label: 'Apify API token', prefixes: ['apify_api_'], charset: 'alnum', min: 30 },
  { label: 'Stripe secret key', prefixes: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'sk_prod_', 'rk_prod_'], charset: 'alnum', min: 16 },
  { label: 'Stripe publishable key', prefixes: ['pk_live_', 'pk_test_'], charset: 'alnum', min: 8, public: true },
  { label: 'Sentry auth token', prefixes: ['sntryu_'], charset: 'hex', min: 48 },
  { label: 'Sentry auth token', prefixes: ['sntrys_'], charset: 'token', min: 40 },
  { label: 'Atlassian API token', prefixes: ['ATATT3'], charset: 'token', min: 100 },
  { label: 'Cloudflare API token', prefixes: ['cfut_', 'cfat_', 'cfk_'], charset: 'alnum', min: 40 },
  { label: 'Google API key', prefixes: ['AIza'], charset: 'urlsafe', min: 30, max: 40 },
  { label: 'AWS access key id', prefixes: ['AKIA', 'ASIA', 'ABIA', 'ACCA'], charset: 'upper-alnum', min: 16, max: 16 },
  { label: 'Amazon Bedrock API key', prefixes: ['ABSK'], charset: 'base64', min: 100 },
  { label: 'Heroku API key', prefixes: ['HRKU-'], charset: 'urlsafe', min: 40 },
  { label: 'DigitalOcean token', prefixes: ['dop_v1_', 'doo_v1_', 'dor_v1_'], charset: 'hex', min: 64 },
  { label: 'Postman API key', prefixes: ['PMAK-'], charset: 'urlsafe', min: 40 },
  { label: 'Doppler token', prefixes: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'], charset: 'alnum', min: 40 },
  { label: 'ElevenLabs API key', prefixes: ['sk_'], charset: 'hex', min: 48 },
  { label: 'Twilio API key', prefixes: ['SK'], charset: 'hex', min: 32, max: 32, weak: ['twilio'] },
  { label: 'OpenAI-style secret key', prefixes: ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-'], charset: 'urlsafe', min: 32 },
  { label: 'GitHub token', prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], charset: 'alnum', min: 36 },
  { label: 'GitHub token', prefixes: ['github_pat_'], charset: 'token', min: 60 },
  { label: 'GitLab token', prefixes: ['glpat-', 'glrt-', 'gldt-', 'glptt-', 'gloas-'], charset: 'urlsafe', min: 20 },
  { label: 'npm token', prefixes: ['npm_'], charset: 'alnum', min: 36 },
  { label: 'Hugging Face token', prefixes: ['hf_'], charset: 'letters', min: 30 },
  { label: 'Groq API key', prefixes: ['gsk_'], charset: 'alnum', min: 40 },
  { label: 'Figma token', prefixes: ['figd_', 'figu_', 'figo_', 'figp_', 'figr_'], charset: 'urlsafe', min: 32 },
  { label: 'Slack token', prefixes: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxe-', 'xoxs-', 'xapp-'], charset: 'urlsafe', min: 24 },
  { label: 'Notion token', prefixes: ['ntn_'], charset: 'alnum', min: 40 },
  { label: 'Notion token', prefixes: ['secret_'], charset: 'alnum', min: 43, max: 43, weak: ['notion'] },
  { label: 'Linear API key', prefixes: ['lin_api_', 'lin_oauth_'], charset: 'alnum', min: 32 },
  { label: 'Databricks token', prefixes: ['dapi'], charset: 'hex', min: 32, max: 34 },
  { label: 'Grafana token', prefixes: ['glsa_', 'glc_'], charset: 'token', min: 32 },
  { label: 'Shopify token', prefixes: ['shpat_', 'shpss_', 'shpca_', 'shppa_'], charset: 'hex', min: 32 },
  { label: 'SendGrid API key', prefixes: ['SG.'], charset: 'token', min: 60 },
  { label: '1Password service account token', prefixes: ['ops_eyJ'], charset: 'base64', min: 100 },
  { label: 'Docker Hub token', prefixes: ['dckr_pat_', 'dckr_oat_'], charset: 'urlsafe', min: 24 },
  { label: 'Vercel token', prefixes: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'], charset: 'alnum', min: 20 },
  { label: 'Resend API key', prefixes: ['re_'], charset: 'token', min: 30, weak: ['resend', 'mail'] },
  { label: 'Neon API key', prefixes: ['napi_'], charset: 'alnum', min: 60 },
  { label: 'E2B API key', prefixes: ['e2b_'], charset: 'hex', min: 40 },
  { label: 'Browserbase API key', prefixes: ['bb_live_'], charset: 'urlsafe', min: 20 },
  { label: 'Context7 API key', prefixes: ['ctx7sk-', 'ctx7sk_'], charset: 'urlsafe', min: 30 },
  { label: 'Mapbox secret token', prefixes: ['sk.eyJ'], charset: 'token', min: 60 },
  { label: 'webhook signing secret', prefixes: ['whsec_'], charset: 'base64', min: 24 },
  { label: 'PyPI token', prefixes: ['pypi-AgEI'], charset: 'urlsafe', min: 50 },
];

const CHARSETS: Record<Charset, (code: number) => boolean> = {
  alnum: (c) => isDigit(c) || isUpper(c) || isLower(c),
  'lower-alnum': (c) => isDigit(c) || isLower(c),
  'upper-alnum': (c) => isDigit(c) || isUpper(c),
  hex: (c) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70),
  letters: (c) => isUpper(c) || isLower(c),
  urlsafe: (c) => isDigit(c) || isUpper(c) || isLower(c) || c === 45 || c === 95,
  base64: (c) => isDigit(c) || isUpper(c) || isLower(c) || c === 43 || c === 47 || c === 61 || c === 45 || c === 95,
  token: (c) => isDigit(c) || isUpper(c) || isLower(c) || c === 45 || c === 95 || c === 46 || c === 61,
};

function isDigit(c: number) {
  return c >= 48 && c <= 57;
}
function isUpper(c: number) {
  return c >= 65 && c <= 90;
}
function isLower(c: number) {
  return c >= 97 && c <= 122;
}

export interface ContextMatch {
  label: string;
  start: number;
  end: number;
  public: boolean;
  weak: boolean;
}

/** Entries by their first character, longest prefix first: built once, on first use. */
let index: Map<string, Array<{ prefix: string; format: ContextFormat }>> | undefined;

function buildIndex() {
  const map = new Map<string, Array<{ prefix: string; format: ContextFormat }>>();
  for (const format of CONTEXT_FORMATS) {
    for (const prefix of format.prefixes) {
      const list = map.get(prefix[0]) ?? [];
      list.push({ prefix, format });
      map.set(prefix[0], list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.prefix.length - a.prefix.length);
  return map;
}

/** Characters a token can contain; anything else separates candidates. Matched only where a run starts (the lookbehind), so shorter words are read once, not from each letter. */
const TOKEN_RUN = /(?<![A-Za-z0-9_\-+/=.~])[A-Za-z0-9_\-+/=.~]{10,}/g;

/**
 * Finds the first provider-shaped token in `value`. `keyHint` is the (lower-case) key or
 * position name, used by weak shapes; `credentialContext` says the place holds credentials.
 */
export function findContextFormat(value: string, keyHint: string, credentialContext: boolean): ContextMatch | undefined {
  index ??= buildIndex();
  TOKEN_RUN.lastIndex = 0;
  for (let run = TOKEN_RUN.exec(value); run; run = TOKEN_RUN.exec(value)) {
    // Trailing dots are punctuation, trailing '=' is base64 padding (kept). A loop: `[.=]+$`
    // re-read a long run of dots from each one.
    let end = run[0].length;
    while (end > 0 && (run[0][end - 1] === '.' || run[0][end - 1] === '=')) end--;
    const token = run[0].slice(end).includes('=') ? run[0] : run[0].slice(0, end);
    const candidates = index.get(token[0]);
    if (!candidates) continue;
    for (const { prefix, format } of candidates) {
      if (!token.startsWith(prefix)) continue;
      const body = token.slice(prefix.length);
      if (body.length < format.min || (format.max !== undefined && body.length > format.max)) continue;
      const accepts = CHARSETS[format.charset];
      let ok = true;
      for (let i = 0; i < body.length && ok; i++) ok = accepts(body.charCodeAt(i));
      if (!ok) continue;
      if (!format.public && !isRandomEnough(body)) continue;
      const weak = format.weak !== undefined;
      if (weak && !credentialContext && !format.weak!.some((word) => keyHint.includes(word))) continue;
      return { label: format.label, start: run.index, end: run.index + token.length, public: format.public === true, weak };
    }
  }
  return undefined;
}

/** Random parts of real keys: high entropy and not one repeated chunk. */
function isRandomEnough(body: string): boolean {
  if (/^(.)\1+$/.test(body) || /(.)\1{5,}/.test(body)) return false;
  if (/x{4,}|X{4,}/.test(body)) return false;
  const bits = entropy(body);
  return body.length >= 24 ? bits >= 3.2 : bits >= 2.8;
}
