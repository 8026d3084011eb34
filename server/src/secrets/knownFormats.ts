import type { rules as RecommendedRules } from '@secretlint/secretlint-rule-preset-recommend';

/**
 * Known token formats come from secretlint's recommended preset (a maintained dependency),
 * not from regexes of our own. secretlint's public API is asynchronous and file-oriented;
 * its rules, though, are plain objects whose `file` handler reports synchronously, so we
 * drive them directly: one synchronous call per candidate value, no I/O.
 */
export interface KnownFormatMatch {
  /** Human label such as "GitHub token". */
  label: string;
  /** secretlint rule id that matched, for traceability in tests. */
  source: string;
  start: number;
  end: number;
}

// Rules whose matches are not secrets for our purposes (comment filters).
const SKIPPED_RULES = new Set(['@secretlint/secretlint-rule-filter-comments']);
/** Reports that name an identifier, not a credential (AWS account ids). */
const SKIPPED_MESSAGES = new Set(['AWSAccountID']);
/** Per-rule options: AWS access key ids are off by default in secretlint; we want them. */
const RULE_OPTIONS: Record<string, Record<string, unknown>> = {
  '@secretlint/secretlint-rule-aws': { enableIDScanRule: true },
};

const LABELS: Record<string, string> = {
  aws: 'AWS credential',
  gcp: 'Google Cloud credential',
  npm: 'npm token',
  slack: 'Slack token',
  basicauth: 'password in a URL',
  openai: 'OpenAI API key',
  anthropic: 'Anthropic API key',
  groq: 'Groq API key',
  huggingface: 'Hugging Face token',
  linear: 'Linear API key',
  notion: 'Notion token',
  privatekey: 'private key',
  sendgrid: 'SendGrid API key',
  shopify: 'Shopify token',
  github: 'GitHub token',
  gitlab: 'GitLab token',
  grafana: 'Grafana token',
  '1password': '1Password token',
  'database-connection-string': 'database password',
  'hashicorp-vault': 'Vault token',
  vercel: 'Vercel token',
  databricks: 'Databricks token',
  docker: 'Docker Hub token',
  figma: 'Figma token',
};

interface SecretlintRule {
  meta: { id: string };
  messages?: unknown;
  create(context: unknown, options: unknown): { file?: (source: unknown) => unknown };
}

interface PreparedRule {
  id: string;
  label: string;
  run(content: string, report: (range: [number, number]) => void): void;
}

let prepared: PreparedRule[] | undefined;

/** The preset is loaded on the first candidate value: its set-up costs start-up time, which a run that meets no candidate saves. */
function prepare(): PreparedRule[] {
  const recommendedRules = (require('@secretlint/secretlint-rule-preset-recommend') as { rules: typeof RecommendedRules }).rules;
  const result: PreparedRule[] = [];
  for (const rule of recommendedRules as unknown as SecretlintRule[]) {
    const id = rule.meta.id;
    if (SKIPPED_RULES.has(id)) continue;
    const short = id.replace('@secretlint/secretlint-rule-', '');
    let reportTo: ((range: [number, number]) => void) | undefined;
    const context = {
      createTranslator: () => (messageId: string) => ({ message: messageId, data: {} }),
      report: (descriptor: { range: [number, number]; message?: unknown }) => {
        const messageId = (descriptor.message as { message?: string } | undefined)?.message;
        if (messageId && SKIPPED_MESSAGES.has(messageId)) return;
        reportTo?.(descriptor.range);
      },
      ignore: () => undefined,
    };
    let handlers: { file?: (source: unknown) => unknown };
    try {
      handlers = rule.create(context, RULE_OPTIONS[id] ?? {});
    } catch {
      continue;
    }
    if (!handlers.file) continue;
    const file = handlers.file;
    result.push({
      id,
      label: LABELS[short] ?? `${short} credential`,
      run(content, report) {
        reportTo = report;
        try {
          const pending = file({ content, filePath: 'mcp-config', ext: '', contentType: 'text' });
          // Async checks (binary key files) never apply to a config string; swallow them.
          if (pending && typeof (pending as Promise<unknown>).catch === 'function') (pending as Promise<unknown>).catch(() => undefined);
        } finally {
          reportTo = undefined;
        }
      },
    });
  }
  return result;
}

/**
 * Finds a known credential format inside `value`. `key` (the env or header name) is put in
 * front of the value as `KEY=value` because some formats (AWS secret keys) are only
 * recognisable next to their name; matches inside the key itself are discarded.
 */
export function findKnownFormat(value: string, key?: string): KnownFormatMatch | undefined {
  if (value.length < 8 || !worthScanning(value, key)) return undefined;
  prepared ??= prepare();
  const prefix = key ? `${key}=` : '';
  const content = prefix + value;
  for (const rule of prepared) {
    let match: KnownFormatMatch | undefined;
    rule.run(content, ([start, end]) => {
      if (match || end <= prefix.length) return;
      match = { label: rule.label, source: rule.id, start: Math.max(0, start - prefix.length), end: end - prefix.length };
    });
    if (match) return match;
  }
  return undefined;
}

/**
 * Cheap prefilter: secretlint costs ~0.1 ms per value, a JSON parse of a whole config about
 * as much, so only values that could hold a token reach it: a PEM block, a URL with
 * userinfo, a 16+ character run mixing letters and digits (or both cases), or a
 * credential-named key.
 */
function worthScanning(value: string, key: string | undefined): boolean {
  if (value.includes('-----BEGIN')) return true;
  if (value.includes('://') && value.includes('@')) return true;
  if (key !== undefined && /secret|key|token|pass|auth|cred/i.test(key)) return true;
  TOKEN_RUN.lastIndex = 0;
  for (let run = TOKEN_RUN.exec(value); run; run = TOKEN_RUN.exec(value)) {
    if ((/\d/.test(run[0]) && /[A-Za-z]/.test(run[0])) || (/[a-z]/.test(run[0]) && /[A-Z]/.test(run[0]))) return true;
  }
  return false;
}

// Matched only where a run starts (the lookbehind), so shorter words are read once, not from each letter.
const TOKEN_RUN = /(?<![A-Za-z0-9_\-+=.])[A-Za-z0-9_\-+=.]{16,}/g;
