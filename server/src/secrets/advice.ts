import type { RuleContext } from '../rules/types';

/**
 * The "what to do" sentence of secret messages, in the words of the file's client: a
 * reference syntax it expands, or (clients without interpolation) where else to keep it.
 */
export function moveAdvice(context: RuleContext): string {
  const { dialect } = context;
  let where: string;
  if (dialect.id === 'generic') where = 'Move it out of the file into a variable reference your client expands';
  else if (dialect.variables.includes('input')) where = 'Move it to an ${input:...} prompt or an ${env:...} variable';
  else if (dialect.envReference) where = `Move it to an environment variable referenced as ${dialect.envReference('NAME')}`;
  else if (dialect.schema?.passthroughListKey) where = `Name it in this server's ${dialect.schema.passthroughListKey} instead, so ${dialect.displayName} passes it from its own environment`;
  // No way to keep the value in the file's client and out of the file: the server itself has to
  // fetch it. "Set it in the client's environment" is not advice: MCP SDK clients pass servers
  // only a few standard variables (see dialects/claudeDesktop.ts).
  else where = `${dialect.displayName} expands no variables here: start the server through a wrapper that reads it from your keychain or an env file outside the repository, or use the server's own login`;
  return `${where}, and rotate it if this file was ever shared or committed.`;
}
