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

const PATTERNS: Array<[VariableSyntax, RegExp]> = [
  ['gh-secrets', /\$\{\{\s*(?:secrets|inputs|env)\.([A-Za-z0-9_.-]+)\s*\}\}/g],
  ['input', /\$\{input:([^}\s]+)\}/g],
  ['env-colon', /\$\{env:([^}\s]+)\}/g],
  ['vscode-builtin', /\$\{(workspaceFolder(?::[^}]+)?|workspaceFolderBasename|userHome|pathSeparator|\/|cwd|config:[^}]+|command:[^}]+|file:[^}]+)\}/g],
  ['brace-env', /(?<!\$)\{(?:env|file):([^}\s]+)\}/g],
  ['dollar-brace', /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g],
  ['dollar', /\$([A-Za-z_][A-Za-z0-9_]*)/g],
];

/** Every variable reference in `text`, whatever the client; earlier patterns win overlaps. */
export function findReferences(text: string): VariableReference[] {
  if (text.indexOf('$') < 0 && text.indexOf('{') < 0) return [];
  const found: VariableReference[] = [];
  const taken: Array<[number, number]> = [];
  for (const [syntax, pattern] of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      const reference: VariableReference = { syntax, start, end, name: match[1] };
      if (syntax === 'dollar-brace' && match[2] !== undefined) reference.defaultValue = match[2];
      found.push(reference);
    }
  }
  return found.sort((a, b) => a.start - b.start);
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
