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
  else where = `${dialect.displayName} expands no variables here: remove it from the file and set it in the environment the client is started from, or use the server's own login`;
  return `${where}, and rotate it if this file was ever shared or committed.`;
}
