import { memoizeByString } from './memo';
import { firstIndexWhere } from './search';

/**
 * Variable-reference syntaxes used by MCP clients. A dialect lists the ones its client
 * expands; every rule that reads values asks here instead of writing its own regex.
 */
export type VariableSyntax =
  | 'input' // ${input:id}            VS Code, Visual Studio
  | 'env-colon' // ${env:NAME}        VS Code, Cursor, Windsurf, Cline, Roo, Amazon Q
  | 'vscode-builtin' // ${workspaceFolder}, ${userHome} ...
  | 'dollar-brace' // ${NAME} and ${NAME:-default}   Claude Code, Gemini, Kiro, Copilot
  | 'dollar' // $NAME                 Gemini, Copilot agent
  | 'brace-env' // {env:NAME} {file:path}   opencode
  | 'gh-secrets'; // ${{ secrets.NAME }}   Continue

export interface VariableReference {
  syntax: VariableSyntax;
  /** Offset within the string value. */
  start: number;
  end: number;
  /** Variable name (input id for `input`). */
  name: string;
  /** `${NAME:-default}` default literal, which can itself be a secret. */
  defaultValue?: string;
}

/**
 * One pattern per syntax, written so a search never re-reads the rest of the text from every
 * `${` (a value of 16 000 unclosed `${env:` took seconds):
 * - a body that stops at `}` or whitespace is read greedily with the closing brace optional,
 *   and a match without it is dropped: every start inside that body would stop at the same
 *   character and fail too, so the search resumes after it;
 * - a body that stops only at `}` always reaches one, so these patterns search only up to
 *   the last `}` of the text (`closed`).
 */
interface Pattern {
  syntax: VariableSyntax;
  regex: RegExp;
  /** The regex ends with an optional `(\}?)` group that must have matched. */
  closeOptional?: boolean;
  /** The regex needs a `}` after the start: searched up to the last one. */
  closed?: boolean;
}

const PATTERNS: Pattern[] = [
  { syntax: 'gh-secrets', regex: /\$\{\{\s*(?:secrets|inputs|env)\.([A-Za-z0-9_.-]+)\s*\}\}/g },
  { syntax: 'input', regex: /\$\{input:([^}\s]*)(\}?)/g, closeOptional: true },
  { syntax: 'env-colon', regex: /\$\{env:([^}\s]*)(\}?)/g, closeOptional: true },
  {
    syntax: 'vscode-builtin',
    regex: /\$\{(workspaceFolder(?::[^}]+)?|workspaceFolderBasename|userHome|pathSeparator|\/|cwd|config:[^}]+|command:[^}]+|file:[^}]+)\}/g,
    closed: true,
  },
  { syntax: 'brace-env', regex: /(?<!\$)\{(?:env|file):([^}\s]*)(\}?)/g, closeOptional: true },
  { syntax: 'dollar-brace', regex: /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g, closed: true },
  { syntax: 'dollar', regex: /\$([A-Za-z_][A-Za-z0-9_]*)/g },
];

/** Every variable reference in `text`, whatever the client; earlier patterns win overlaps. */
export function findReferences(text: string): readonly Readonly<VariableReference>[] {
  return text.indexOf('$') < 0 && text.indexOf('{') < 0 ? NONE : referencesIn(text);
}

const NONE: readonly VariableReference[] = Object.freeze([]);

/** Remembered per text: a dozen rules and the secret detector ask about the same values. */
const referencesIn = memoizeByString((text: string): readonly Readonly<VariableReference>[] => {
  const found: VariableReference[] = [];
  // Spans taken by earlier patterns, sorted and disjoint (binary-searched: a value can hold
  // thousands of references).
  let taken: Array<[number, number]> = [];
  const lastClose = text.lastIndexOf('}');
  const upToLastClose = text.slice(0, lastClose + 1);
  for (const { syntax, regex, closeOptional, closed } of PATTERNS) {
    const searched = closed ? upToLastClose : text;
    const accepted: Array<[number, number]> = [];
    regex.lastIndex = 0;
    for (let match = regex.exec(searched); match; match = regex.exec(searched)) {
      if (closeOptional && (match[1] === '' || match[2] !== '}')) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (overlaps(taken, start, end)) continue;
      accepted.push([start, end]);
      const reference: VariableReference = { syntax, start, end, name: match[1] };
      if (syntax === 'dollar-brace' && match[2] !== undefined) reference.defaultValue = match[2];
      found.push(reference);
    }
    if (accepted.length) taken = mergeSorted(taken, accepted);
  }
  return found.sort((a, b) => a.start - b.start);
}, 2000);

/** Whether [start, end) overlaps a span of `spans` (sorted, disjoint). */
function overlaps(spans: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  const first = firstIndexWhere(spans.length, (i) => spans[i][1] > start); // the first span that ends after `start`
  return first < spans.length && spans[first][0] < end;
}

function mergeSorted(a: ReadonlyArray<[number, number]>, b: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i][0] <= b[j][0]) ? a[i++] : b[j++]);
  return merged;
}

/** True when the value is nothing but references (and separators such as "Bearer "). */
export function isOnlyReferences(text: string, prefixAllowed = /^(?:bearer|token|basic)\s+$/i): boolean {
  const references = findReferences(text);
  if (references.length === 0) return false;
  let rest = '';
  let cursor = 0;
  for (const reference of references) {
    rest += text.slice(cursor, reference.start);
    cursor = reference.end;
  }
  rest += text.slice(cursor);
  return rest.trim() === '' || prefixAllowed.test(rest);
}
