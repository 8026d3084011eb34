import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { isLoopbackHost } from '../core/urls';
import { getProperty } from '../core/tree';
import { remoteEndpointsOf } from '../launch/remote';

const AUTH_HEADER = /authorization|api[-_]?key|token|auth|secret|cookie|session|signature|credential|-key$/i;
const AUTH_QUERY = /^(?:key|api[-_]?key|apikey|token|access[-_]?token|auth|secret|sig|signature|code|password|[a-z]*(?:key|token|secret))$/i;
/** Entry keys through which clients send credentials without a `headers` map. */
const AUTH_KEYS = [
  'oauth',
  'auth',
  'authentication',
  'authProviderType',
  'bearer_token_env_var',
  'bearer_token',
  'env_http_headers',
  'http_headers',
  'headersHelper',
  'oauth_resource',
  'scopes',
  'oauthScopes',
];

/**
 * Hosts whose MCP endpoint signs in with OAuth at connect time (the client discovers it) or
 * is public, read-only documentation by design: no credentials in the file is expected.
 */
const KNOWN_OAUTH_OR_PUBLIC =
  /(?:^|\.)(?:githubcopilot\.com|mcp\.notion\.(?:com|so)|mcp\.supabase\.com|mcp\.vercel\.com|mcp\.sentry\.dev|mcp\.atlassian\.com|mcp\.linear\.app|mcp\.stripe\.com|mcp\.asana\.com|mcp\.paypal\.com|mcp\.squareup\.com|mcp\.intercom\.com|mcp\.neon\.tech|mcp\.webflow\.com|mcp\.wix\.com|mcp\.canva\.com|mcp\.figma\.com|mcp\.zapier\.com|mcp\.hubspot\.com|mcp\.monday\.com|mcp\.box\.com|mcp\.cloudflare\.com|mcp\.expo\.dev|mcp\.polar\.sh|mcp\.deepwiki\.com|learn\.microsoft\.com|gitmcp\.io|context7\.com|mcp\.context7\.com|mcp\.firecrawl\.dev|mcp\.grep\.app|mcp\.prisma\.io|mcp\.netlify\.com|mcp\.render\.com|mcp\.railway\.com|mcp\.jam\.dev|mcp\.svelte\.dev|mcp\.nuxt\.com|nuxt\.com|ui\.nuxt\.com|sosumi\.ai|mcp\.inkeep\.com|mcp\.playwright\.dev|mcp\.huggingface\.co|huggingface\.co|mcp\.apify\.com|mcp\.exa\.ai|mcp\.tavily\.com|mcp\.globalping\.dev|mcp\.semgrep\.ai|api\.openai\.com|mcp\.openai\.com|mcp\.anthropic\.com|googleapis\.com)$/;

/**
 * A remote server configured with no credentials at all (no auth header, no OAuth settings,
 * no key in the URL) is either one the client authorises with OAuth discovery at connect
 * time, or an endpoint anyone on the internet can call, and whose tools can act on
 * whatever it is connected to. Reported for information so the reviewer can tell which.
 */
export const rule: Rule = {
  id: 'remote-without-auth',
  meta: {
    category: 'transport',
    scope: 'server',
    defaultSeverity: 'information',
    description: 'A remote (non-loopback) server has no credentials configured: no auth header, OAuth settings or key in the URL.',
    fixable: false,
    owasp: ['MCP07'],
    threat: 'Over-broad access and spoofing: an unauthenticated endpoint can be called by anyone, and nothing ties it to an account you control.',
  },
  checkServer(context, server) {
    if (!server.url) return;
    const endpoint = remoteEndpointsOf(server).find((e) => e.via === 'url');
    if (!endpoint) return;
    const { parsed } = endpoint;
    if (parsed.scheme !== 'http' && parsed.scheme !== 'https' && parsed.scheme !== 'ws' && parsed.scheme !== 'wss') return;
    if (!parsed.host || isLoopbackHost(parsed.host) || /[${<]|your|example|placeholder/.test(parsed.host)) return;
    if (context.settings.trustedHosts.includes(parsed.host) || KNOWN_OAUTH_OR_PUBLIC.test(parsed.host)) return;
    if (server.headers.some((h) => AUTH_HEADER.test(h.key))) return;
    if (server.oauth || AUTH_KEYS.some((key) => getProperty(server.node, key))) return;
    if (parsed.userinfo || parsed.query.some((q) => AUTH_QUERY.test(q.key))) return;
    // A key in the path (https://host/<long random segment>/mcp) is a credential too.
    if (parsed.path.split('/').some((segment) => segment.length >= 24 && /[0-9]/.test(segment) && /[a-z]/i.test(segment))) return;
    context.report({
      node: server.url.node,
      server,
      message: `No credentials for ${shortValue(parsed.host, 50)}: check that the server requires authentication. Server "${server.name}": that is expected if the client signs in with OAuth when it connects; otherwise anyone can call this endpoint, and you cannot tell it from an impostor.`,
    });
  },
};
