import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import type { TreeNode } from '../core/tree';
import { entries } from '../core/tree';
import { detectSecret, isPlaceholder } from '../secrets/detect';
import { findReferences } from '../core/interpolation';
import { reportSecret, variableFor } from '../secrets/report';
import { moveAdvice } from '../secrets/advice';
import type { SecretSite } from '../secrets/sites';

/** Blocks that hold a server's OAuth client (Gemini `oauth`, Cline `oauthClient`, Cursor `auth`, Zed `oauth`). */
const OAUTH_BLOCKS = /^(?:oauth2?|oauth_?client|oauthClient|auth|authentication|oauthConfig)$/i;
const CLIENT_SECRET = /^client[_-]?secret$/i;

/**
 * An OAuth client secret written inline in a server's OAuth block. With the client id next
 * to it, anyone who reads the file can act as the OAuth application: phish users with a
 * legitimate-looking consent screen or exchange stolen codes.
 */
export const rule: Rule = {
  id: 'secret-oauth-client-secret',
  meta: {
    category: 'secret',
    scope: 'server',
    defaultSeverity: 'error',
    description: "An inline OAuth client secret (clientSecret / client_secret / CLIENT_SECRET) in a server's OAuth block.",
    fixable: true,
    owasp: ['MCP01'],
    threat: 'Credential theft: the client secret lets anyone impersonate the OAuth application the server uses.',
    plaintextSecret: true,
  },
  checkServer(context, server) {
    const blocks: TreeNode[] = [server.node];
    for (const { key, valueNode } of entries(server.node)) if (OAUTH_BLOCKS.test(key) && valueNode.type === 'object') blocks.push(valueNode);
    if (server.oauth?.type === 'object' && !blocks.includes(server.oauth)) blocks.push(server.oauth);
    for (const block of blocks) {
      for (const { key, valueNode } of entries(block)) {
        if (!CLIENT_SECRET.test(key) || valueNode.type !== 'string') continue;
        const value = valueNode.value as string;
        const site: SecretSite = { where: 'env', server, key, position: `"${key}"`, value, offset: 0, node: valueNode, credential: true };
        const verdict =
          detectSecret(value, key, { credential: true }) ??
          (isLiteralSecret(value) ? { start: 0, end: value.length, label: 'client secret', reason: 'key' as const } : undefined);
        if (!verdict) continue;
        reportSecret(context, {
          site,
          start: verdict.start,
          end: verdict.end,
          severity: 'error',
          message: `Plaintext OAuth client secret in "${shortValue(key, 30)}": use a public client (PKCE) or move it out of the file. Server "${server.name}": with the client id it lets anyone act as this OAuth application. ${moveAdvice(context)}`,
          variable: variableFor(site, 'CLIENT_SECRET'),
        });
      }
    }
  },
};

/** Any non-template literal of a few characters is a client secret in this position. */
function isLiteralSecret(value: string): boolean {
  const text = value.trim();
  return text.length >= 8 && !/\s/.test(text) && findReferences(text).length === 0 && !isPlaceholder(text);
}
