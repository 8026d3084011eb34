import type { RuleContext } from '../core/rule';

/** Where the secret sits in the server entry: what a client can deliver differs by place. */
export type SecretPlace = 'env' | 'header' | 'url' | 'other';

/**
 * The "what to do" sentence of secret messages, in the words of the file's client: a
 * reference syntax it expands, a name it forwards from its environment, or (clients with
 * neither) where else to keep it. The same mechanisms as the fixes (fixes/secretReference.ts;
 * docs/remediation.md lists them per client and place).
 */
export function moveAdvice(context: RuleContext, place: SecretPlace = 'other'): string {
  const { dialect } = context;
  const schema = dialect.schema;
  const name = dialect.displayName;
  let where: string;
  if (dialect.id === 'generic') where = 'Move it out of the file into a variable reference your client expands';
  else if (dialect.variables.includes('input')) where = 'Move it to an ${input:...} prompt or an ${env:...} variable';
  else if (dialect.envReference)
    where = dialect.referenceSource
      ? `Move it out as ${dialect.envReference('NAME')} (${dialect.referenceSource})`
      : `Move it to an environment variable referenced as ${dialect.envReference('NAME')}`;
  else if (place === 'env' && schema?.passthroughListKey)
    where = `Name it in this server's ${schema.passthroughListKey} instead, so ${name} passes it from its own environment`;
  else if (place === 'env' && schema?.inheritsEnvironment)
    where = `Remove it from env and set it where ${name} runs (${name} passes its own environment to servers)`;
  else if (place === 'header' && schema?.headerIndirection)
    where = `Name the variable holding it in ${schema.headerIndirection.bearerKey} (Authorization) or ${schema.headerIndirection.envHeadersKey} instead`;
  else if (place === 'url' && schema?.headerIndirection)
    where = `Send it in a header instead if the service accepts one, filled from a variable with ${schema.headerIndirection.bearerKey} or ${schema.headerIndirection.envHeadersKey}`;
  // A remote server: no launcher to wrap, so the way out is the service's own sign-in.
  else if (place === 'header' || place === 'url')
    where = `${name} expands no variables here: use the server's OAuth sign-in if it offers one, or configure this server in a client that reads the value from a variable`;
  // No way to keep the value in the file's client and out of the file: the server itself has to
  // fetch it. "Set it in the client's environment" is not advice: MCP SDK clients pass servers
  // only a few standard variables (see dialects/claudeDesktop.ts).
  else
    where = `${name} expands no variables here: start the server through a wrapper that reads it from your keychain or an env file outside the repository, or use the server's own login`;
  return `${where}, and rotate it if this file was ever shared or committed.`;
}
