import type { Rule } from '../core/rule';
import { clientName } from '../dialects/schemaCheck';

const MAX = 10;

/** Comments in a JSON file whose client parses strict JSON: the whole file fails to load. */
export const rule: Rule = {
  id: 'schema-comments-not-allowed',
  meta: {
    category: 'schema',
    defaultSeverity: 'error',
    description: 'The file has comments but its client reads strict JSON, so the file fails to load.',
    fixable: true,
    owasp: [],
    threat: 'Silent misconfiguration: no server of the file runs (including ones the user relies on for safety).',
  },
  check(context) {
    const { dialect, doc } = context;
    if (dialect.commentsAllowed || doc.syntax !== 'json' || !dialect.schema) return;
    const comments = doc.comments();
    const client = clientName(dialect);
    comments.slice(0, MAX).forEach((comment, index) => {
      // Remove the comment with the rest of its line when it stands alone on that line.
      let start = comment.offset;
      let end = comment.offset + comment.length;
      const lineStart = doc.text.lastIndexOf('\n', start - 1) + 1;
      if (doc.text.slice(lineStart, start).trim() === '') {
        const newline = doc.text.indexOf('\n', end);
        if (doc.text.slice(end, newline < 0 ? doc.text.length : newline).trim() === '') {
          start = lineStart;
          end = newline < 0 ? doc.text.length : newline + 1;
        }
      }
      context.report({
        offset: comment.offset,
        length: comment.length,
        server: null,
        message: `Comment in a strict JSON file: remove it. ${client} rejects comments, so the file fails to load and none of its servers run.${index === MAX - 1 && comments.length > MAX ? ` (${comments.length - MAX} more comments are not listed.)` : ''}`,
        fixes: [{ title: 'Remove the comment', safe: false, edits: [{ offset: start, length: end - start, content: '' }] }],
      });
    });
  },
};
