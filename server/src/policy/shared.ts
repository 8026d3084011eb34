import type { Policy } from '../common/policy';

/** One entry of the `allowedMcpServers` lists Claude Code, Copilot and VS Code share. */
export type AllowEntry = { serverUrl: string } | { serverCommand: string[] } | { serverName: string };

/**
 * JSON as the clients' documentation writes these files: two-space indentation, and an
 * array or object that fits in 100 columns on one line (`{ "serverUrl": "https://…/*" }`).
 */
export function jsonText(value: unknown): string {
  return printJson(value, '') + '\n';
}

function printJson(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const items = Array.isArray(value)
    ? value.map((v) => printJson(v, indent + '  '))
    : Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${printJson(v, indent + '  ')}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return open + close;
  const inline = Array.isArray(value) ? `[${items.join(', ')}]` : `{ ${items.join(', ')} }`;
  if (indent.length + inline.length <= 100 && !inline.includes('\n') && indent !== '') return inline;
  return `${open}\n${items.map((item) => `${indent}  ${item}`).join(',\n')}\n${indent}${close}`;
}

/**
 * URL patterns for a policy host: `mcp.acme.example` -> `https://mcp.acme.example/*`;
 * `*.acme.example` (the policy's "the domain and its subdomains") -> the bare domain and
 * `https://*.acme.example/*`. Only https: a plain-http remote is a finding of its own.
 */
export function hostUrlPatterns(host: string): string[] {
  const h = host.trim().toLowerCase();
  if (h.startsWith('*.')) return [`https://${h.slice(2)}/*`, `https://${h}/*`];
  return [`https://${h}/*`];
}

/**
 * The policy as `serverUrl` / `serverCommand` / `serverName` entries (the shape Claude Code,
 * Copilot and VS Code share), with a note for every part the client cannot enforce. Names
 * match exactly in all three (no wildcards); `names` adds a client's own limit on them.
 */
export function allowListEntries(
  policy: Policy,
  client: string,
  options: { names?: { allowed(name: string): boolean; rule: string }; namesUnusedWithUrlsAndCommands?: boolean } = {},
): { entries: AllowEntry[]; notes: string[] } {
  const entries: AllowEntry[] = [];
  for (const host of policy.hosts) for (const serverUrl of hostUrlPatterns(host)) entries.push({ serverUrl });
  for (const serverCommand of policy.commands) entries.push({ serverCommand: [...serverCommand] });
  const notes: string[] = [];
  if (options.namesUnusedWithUrlsAndCommands && policy.hosts.length && policy.commands.length && policy.servers.length) {
    notes.push(`${client} checks every server by its URL or command once both kinds of entry exist: the server names of the policy are not exported.`);
    return { entries, notes: [...notes, ...packageNotes(policy, client)] };
  }
  const names = policy.servers.filter((name) => !name.includes('*') && (options.names?.allowed(name) ?? true));
  for (const serverName of names) entries.push({ serverName });
  const skippedNames = policy.servers.filter((name) => !names.includes(name));
  if (skippedNames.length)
    notes.push(`${client} matches server names exactly (no wildcards${options.names ? `; ${options.names.rule}` : ''}): ${quoted(skippedNames)} not exported.`);
  notes.push(...packageNotes(policy, client));
  if (names.length && (policy.hosts.length === 0 || policy.commands.length === 0)) {
    const which = policy.hosts.length === 0 && policy.commands.length === 0 ? 'any' : policy.hosts.length === 0 ? 'a remote' : 'a local';
    notes.push(
      `${client} allows ${which} server by its name alone, which users choose: add ${policy.hosts.length === 0 ? '"hosts"' : '"commands"'} to the policy to enforce what actually runs.`,
    );
  }
  return { entries, notes };
}

function packageNotes(policy: Policy, client: string): string[] {
  const byPackage = [...policy.packages, ...policy.images, ...policy.publishers];
  return byPackage.length
    ? [
        `${client} matches a local server only by its exact command line: the packages, images and publishers ${quoted(byPackage)} are not exported; list the approved command lines under "commands" in the policy.`,
      ]
    : [];
}

function quoted(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}
