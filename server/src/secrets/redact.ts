import { detectSecret, looksLikeCredential } from './detect';
import { isCredentialFlag } from './keyNames';
import { maskSecret } from './mask';

/**
 * For messages that quote config text (a shell line, a variable reference): replaces every
 * part that is or may be a secret by its mask, so a finding never discloses what it quotes.
 * Errs on the side of masking: a masked non-secret only makes a message a little vaguer.
 */
export function isSecretLike(value: string, key?: string): boolean {
  return detectSecret(value, key) !== undefined || looksLikeCredential(value, 'strict');
}

/** `text` with each secret-looking word, `NAME=value` value, flag value and URL password/query value masked. */
export function redactSecrets(text: string): string {
  let previous = '';
  return text.replace(/[^\s"'`]+/g, (word) => {
    const flag = previous;
    previous = word;
    return redactWord(word, flag);
  });
}

function redactWord(word: string, previousWord: string): string {
  // URL userinfo password and query values.
  let out = word.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)([^@/\s]+)@/i, (_, head: string, password: string) => `${head}${maskSecret(password)}@`);
  out = out.replace(/([?&][^=&#\s]+=)([^&#\s]+)/g, (match, head: string, value: string) => (isSecretLike(value, head.slice(1, -1)) ? head + maskSecret(value) : match));
  if (out !== word) return out;
  // NAME=value and --flag=value.
  const assignment = /^([^=]+)=(.+)$/.exec(word);
  if (assignment) {
    const [, key, value] = assignment;
    return isSecretLike(value, key.replace(/^-+/, '')) ? `${key}=${maskSecret(value)}` : word;
  }
  // --token <value>
  if (/^-/.test(previousWord) && isCredentialFlag(previousWord.replace(/^-+/, '')) && looksLikeCredential(word, 'position')) return maskSecret(word);
  // A bare word: known formats anywhere; other credential-looking text unless it is a
  // package spec, path or flag (scoped packages with versions look random enough to match).
  if (detectSecret(word) !== undefined) return maskSecret(word);
  return !/[/@\\]|^-/.test(word) && looksLikeCredential(word, 'strict') ? maskSecret(word) : word;
}
