import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { detectSecret, severityOf } from '../secrets/detect';
import { isSecretKeyName } from '../secrets/keyNames';

/**
 * `NAME=value`, `"NAME": "value"`, `NAME: value` inside a comment line, read in two steps so
 * each name is read once: NAME finds the next (maximal) name, VALUE must follow it. One regex
 * with `[\w.-]*` re-read the rest of a long word from each of its letters (quadratic); a
 * shorter name can never match where the maximal one did not, because a name character is
 * never a quote, a space, `:` or `=`.
 */
const NAME = /["']?([A-Za-z_][\w.-]*)/g;
const VALUE = /["']?\s*[:=]\s*["']?([^\s"',;=:]+)/y;

/**
 * A credential inside a comment: an old token "commented out", a key pasted as a note. The
 * client ignores it, but it leaks with the file exactly like a live value. Known token
 * formats anywhere in a comment are errors; `NAME=value` pairs with a credential name and
 * a random-looking value are warnings.
 */
export const rule: Rule = {
  id: 'secret-in-comment',
  meta: {
    category: 'secret',
    defaultSeverity: 'error',
    description: 'A token or password written in a comment of the config file (JSONC, TOML, YAML).',
    fixable: true,
    owasp: ['MCP01'],
    threat: 'Credential theft: a commented-out token is still in the file, its git history and its backups.',
  },
  check(context) {
    const { doc } = context;
    // Finding comments costs a scan of the file: skip it when there cannot be any
    // ("https://" is not a comment; '#' is TOML's and YAML's comment marker).
    if (doc.syntax === 'json' ? !/(?:^|[^:])\/\/|\/\*/.test(doc.text) : !doc.text.includes('#')) return;
    for (const comment of doc.comments()) {
      const text = doc.text.slice(comment.offset, comment.offset + comment.length);
      if (text.length < 12) continue;
      let found = detectSecret(text);
      if (found && found.reason !== 'format') found = undefined;
      if (!found) {
        NAME.lastIndex = 0;
        for (let name = NAME.exec(text); name && !found; name = NAME.exec(text)) {
          VALUE.lastIndex = NAME.lastIndex;
          const value = VALUE.exec(text);
          if (!value) continue;
          const at = VALUE.lastIndex - value[1].length;
          // The value may itself be the next name ("token: API_TOKEN=..."): resume from it.
          NAME.lastIndex = at;
          if (!isSecretKeyName(name[1])) continue;
          const verdict = detectSecret(value[1], name[1]);
          if (verdict) found = { ...verdict, start: at + verdict.start, end: at + verdict.end };
        }
      }
      if (!found) continue;
      context.report({
        offset: comment.offset + found.start,
        length: found.end - found.start,
        server: null,
        severity: severityOf(found.reason),
        message: `Plaintext ${shortValue(found.label, 40)} in a comment: delete it, and rotate it if the file was ever shared or committed. The client ignores comments, but the secret still leaks with the file.`,
        fixes: [
          {
            title: 'Remove the secret from the comment',
            // Never safe for fix-all: the user should notice, and rotate the credential.
            safe: false,
            edits: [{ offset: comment.offset + found.start, length: found.end - found.start, content: '<removed>' }],
          },
        ],
      });
    }
  },
};
