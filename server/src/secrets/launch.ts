import type { ServerEntry } from '../core/model';
import { invocationOf } from '../core/invocation';

/** Launchers that fetch and run someone else's code: package runners and container engines. */
const THIRD_PARTY_LAUNCHERS = new Set([
  'npx',
  'bunx',
  'pnpx',
  'pnpm',
  'yarn',
  'npm',
  'bun',
  'uvx',
  'uv',
  'pipx',
  'docker',
  'podman',
  'nerdctl',
  'finch',
  'deno',
  'dnx',
  'gh',
]);

/**
 * True when the server's code comes from a third party (a package runner or a container
 * image) or runs remotely, rather than a script of the project's own.
 */
export function isThirdPartyServer(server: ServerEntry): boolean {
  const invocation = invocationOf(server);
  if (!invocation) return server.url !== undefined;
  return THIRD_PARTY_LAUNCHERS.has(invocation.program);
}

/**
 * Host variables that hand over a live credential channel rather than a token: an agent
 * socket, a ticket cache, temporary session credentials.
 */
export const SENSITIVE_HOST_VARIABLES: Record<string, string> = {
  SSH_AUTH_SOCK: 'your SSH agent: it can authenticate as you to every host and git remote your keys open',
  GPG_AGENT_INFO: 'your GPG agent: it can sign and decrypt as you',
  KRB5CCNAME: 'your Kerberos ticket cache: it can use your tickets',
  AWS_SESSION_TOKEN: 'the temporary AWS session credentials of your shell (with whatever role you assumed)',
};
