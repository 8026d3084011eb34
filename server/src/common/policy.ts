import * as z from './zod';

/**
 * An organisation's MCP server allow-list (`mcpHygiene.policyFile`, a JSON file the server
 * and the CLI read; the engine only sees the parsed object). Every list is optional;
 * entries ending in `*` match by prefix, comparisons ignore case.
 *
 * ```json
 * {
 *   "servers": ["github", "playwright"],
 *   "packages": ["@modelcontextprotocol/server-filesystem", "mcp-server-git"],
 *   "images": ["ghcr.io/github/github-mcp-server"],
 *   "hosts": ["mcp.acme.example", "*.acme.example"],
 *   "publishers": ["@acme", "ghcr.io/acme"],
 *   "commands": [["npx", "-y", "@acme/mcp-tickets@2.4.1"]]
 * }
 * ```
 * A server is allowed when its name, one of its main packages or images, its URL host, its
 * packages' publisher (npm scope / image namespace), or its exact command line is listed.
 * `commands` exist because some clients enforce an allow-list only by exact command (Claude
 * Code's and Copilot's `serverCommand`): `policy export` writes them as they are.
 */
export const policySchema = z.object({
  /** Server entry names (the key in the config). */
  servers: z._default(z.array(z.string()), []),
  /** npm / PyPI / Go / jsr package names. */
  packages: z._default(z.array(z.string()), []),
  /** Container image repositories (without tag or digest). */
  images: z._default(z.array(z.string()), []),
  /** Remote server host names (`*.example.com` for subdomains). */
  hosts: z._default(z.array(z.string()), []),
  /** npm scopes (`@acme`) and image namespaces (`ghcr.io/acme`). */
  publishers: z._default(z.array(z.string()), []),
  /** Exact stdio command lines: the program, then every argument in order. */
  commands: z._default(z.array(z.array(z.string()).check(z.minLength(1))), []),
});

export type Policy = z.infer<typeof policySchema>;

/** Parses a policy file's JSON value; problems are human-readable, never fatal. */
export function parsePolicy(raw: unknown): { policy: Policy | undefined; problems: string[] } {
  const result = policySchema.safeParse(raw);
  if (result.success) return { policy: result.data, problems: [] };
  const issue = result.error.issues[0];
  return {
    policy: undefined,
    problems: [`The policy file is not valid: ${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'}. No policy is applied.`],
  };
}

/** Whether a server's command line is exactly one of the policy's (every argument, in order). */
export function commandListed(policy: Policy, commandLine: readonly string[]): boolean {
  return policy.commands.some((listed) => listed.length === commandLine.length && listed.every((word, i) => word === commandLine[i]));
}

/** Case-insensitive match with a trailing `*` (prefix) and a leading `*.` (subdomains). */
export function matchesPattern(pattern: string, value: string): boolean {
  const p = pattern.trim().toLowerCase();
  const v = value.toLowerCase();
  if (p === '*') return true;
  if (p.startsWith('*.')) return v === p.slice(2) || v.endsWith(p.slice(1));
  if (p.endsWith('*')) return v.startsWith(p.slice(0, -1));
  return v === p;
}

/** `@acme/pkg` -> `@acme`; `ghcr.io/acme/img` -> publisher `ghcr.io/acme` matches by path prefix. */
export function publisherMatches(publisher: string, packageOrImage: string): boolean {
  const p = publisher.trim().toLowerCase().replace(/\/+$/, '');
  const v = packageOrImage.toLowerCase();
  if (p === '') return false;
  return v.startsWith(p + '/');
}
