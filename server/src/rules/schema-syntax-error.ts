import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { Rule } from '../core/rule';
import { normalizePath } from '../core/dialect';
import { clientName } from '../dialects/schemaCheck';

const MAX = 10;

/**
 * Parse errors in a file a client claims by its path (and, for strict-JSON clients,
 * trailing commas, which their parser rejects). One finding per problem, at most ten.
 * Parse errors are not repeated in an editor that shows them itself: VS Code's JSON language
 * features validate json and jsonc documents (microsoft/vscode
 * extensions/json-language-features/server/src/jsonServer.ts). Trailing commas stay: VS Code
 * flags them generically (a warning in jsonc), ours says the strict client then loads nothing
 * and comes with the fix that fix-all on save applies.
 */
export const rule: Rule = {
  id: 'schema-syntax-error',
  meta: {
    category: 'schema',
    defaultSeverity: 'error',
    description: "The file does not parse in its client's syntax, so the client loads none of it.",
    fixable: true,
    owasp: [],
    threat: 'Silent misconfiguration: every server of the file is missing, or the client falls back to other, unreviewed config.',
  },
  check(context) {
    const { dialect, doc } = context;
    if (dialect.matchPath(normalizePath(context.filePath)) <= 0) return;
    const client = clientName(dialect);
    const language = doc.syntax === 'json' ? (dialect.commentsAllowed ? 'JSONC' : 'JSON') : doc.syntax.toUpperCase();
    const problems = context.editorShowsSyntaxErrors ? [] : [...doc.problems];
    const trailing = doc.syntax === 'json' && !dialect.commentsAllowed ? trailingCommas(doc.text) : [];
    const total = problems.length + trailing.length;
    let reported = 0;
    for (const problem of problems) {
      if (reported >= MAX) break;
      reported++;
      context.report({
        offset: problem.offset,
        length: problem.length,
        server: null,
        message: `${language} syntax error (${problem.message.replace(/\.$/, '')}): fix it so ${client} can load this file.${more(reported, total)}`,
        fixes: [],
      });
    }
    for (const [index, offset] of trailing.entries()) {
      if (reported >= MAX) break;
      reported++;
      // The last one listed also removes the unlisted ones, so fix-all (bounded passes of
      // ten) clears any number of them and a second run has nothing left to do.
      const unlisted = reported === MAX ? trailing.slice(index + 1) : [];
      const title = unlisted.length
        ? `Remove this and the ${unlisted.length} unlisted trailing comma${unlisted.length === 1 ? '' : 's'}`
        : 'Remove the trailing comma';
      context.report({
        offset,
        length: 1,
        server: null,
        message: `Trailing comma: remove it. ${client} parses this file as strict JSON, which rejects it, so the file does not load.${more(reported, total)}`,
        fixes: [{ title, safe: true, preferred: true, edits: [offset, ...unlisted].map((at) => ({ offset: at, length: 1, content: '' })) }],
      });
    }
  },
};

function more(reported: number, total: number): string {
  return reported === MAX && total > MAX ? ` (${total - MAX} more problems are not listed.)` : '';
}

/** Offsets of commas followed (after whitespace and comments) by `}` or `]`. */
/**
 * A comma followed only by what jsonc-parser's scanner skips (spaces, tabs, line breaks,
 * comments) and then `}` or `]`. It also matches inside strings, so a match only means the
 * scan below has to look; no match means there is no trailing comma, and the scan of the
 * whole file is skipped (most files).
 */
const MAYBE_TRAILING_COMMA = /,(?:[ \t\r\n]|\/\/[^\r\n]*|\/\*[\s\S]*?\*\/)*[}\]]/;

function trailingCommas(text: string): number[] {
  if (!MAYBE_TRAILING_COMMA.test(text)) return [];
  const found: number[] = [];
  const scanner = createScanner(text, false);
  let comma = -1;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia || kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia)
      continue;
    if ((kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) && comma >= 0) found.push(comma);
    comma = kind === SyntaxKind.CommaToken ? scanner.getTokenOffset() : -1;
  }
  return found;
}
