import { createScanner, SyntaxKind } from 'jsonc-parser';
import { createPrng, sample } from './prng';

/**
 * Where a half-typed file can end. Each cut point (a prefix length) gets a class describing
 * the token boundary it falls on, so truncation tests cover every kind of boundary in every
 * file without trying all offsets (the fuzz run does try all).
 */
export type CutClass =
  | 'start'
  | 'in-string'
  | 'after-string'
  | 'in-key'
  | 'after-key'
  | 'after-colon'
  | 'after-comma'
  | 'after-open'
  | 'after-close'
  | 'in-comment'
  | 'after-comment'
  | 'in-number'
  | 'in-literal'
  | 'after-value'
  | 'in-whitespace'
  | 'after-newline'
  | 'in-escape'
  | 'in-surrogate-pair'
  | 'after-equals'
  | 'after-dash'
  | 'after-hash'
  | 'other';

/** Cut points of a JSON/JSONC text by jsonc-parser's scanner. */
function jsonCutClasses(text: string): Map<number, CutClass> {
  const classes = new Map<number, CutClass>();
  const scanner = createScanner(text, false);
  let previous: SyntaxKind | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    const inner = (cls: CutClass) => {
      for (let i = start + 1; i < end; i++) if (!classes.has(i)) classes.set(i, cls);
    };
    switch (kind) {
      case SyntaxKind.StringLiteral: {
        // A key is a string followed by a colon: peek by text, the scanner has no lookahead.
        const isKey = /^\s*:/.test(text.slice(end, end + 20));
        for (let i = start + 1; i < end; i++) {
          if (!classes.has(i)) classes.set(i, text[i - 1] === '\\' ? 'in-escape' : isKey ? 'in-key' : 'in-string');
        }
        classes.set(end, isKey ? 'after-key' : 'after-string');
        break;
      }
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        inner('in-comment');
        classes.set(end, 'after-comment');
        break;
      case SyntaxKind.NumericLiteral:
        inner('in-number');
        classes.set(end, 'after-value');
        break;
      case SyntaxKind.TrueKeyword:
      case SyntaxKind.FalseKeyword:
      case SyntaxKind.NullKeyword:
        inner('in-literal');
        classes.set(end, 'after-value');
        break;
      case SyntaxKind.ColonToken:
        classes.set(end, 'after-colon');
        break;
      case SyntaxKind.CommaToken:
        classes.set(end, 'after-comma');
        break;
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        classes.set(end, 'after-open');
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        classes.set(end, 'after-close');
        break;
      case SyntaxKind.LineBreakTrivia:
        classes.set(end, 'after-newline');
        break;
      case SyntaxKind.Trivia:
        inner('in-whitespace');
        classes.set(end, previous === SyntaxKind.LineBreakTrivia ? 'after-newline' : 'in-whitespace');
        break;
      default:
        inner('other');
        classes.set(end, 'other');
    }
    previous = kind;
  }
  return classes;
}

/** Character-level classes for TOML, YAML and anything else. */
function textCutClasses(text: string): Map<number, CutClass> {
  const classes = new Map<number, CutClass>();
  let quote: string | undefined;
  let comment = false;
  for (let i = 1; i <= text.length; i++) {
    const ch = text[i - 1];
    if (comment) {
      if (ch === '\n' || ch === '\r') {
        comment = false;
        classes.set(i, 'after-newline');
      } else classes.set(i, 'in-comment');
      continue;
    }
    if (quote) {
      if (ch === '\\') classes.set(i, 'in-escape');
      else if (ch === quote && text[i - 2] !== '\\') {
        quote = undefined;
        classes.set(i, /^\s*[:=]/.test(text.slice(i, i + 20)) ? 'after-key' : 'after-string');
      } else classes.set(i, 'in-string');
      continue;
    }
    switch (ch) {
      case '"':
      case "'":
        quote = ch;
        classes.set(i, 'in-string');
        break;
      case '#':
        comment = true;
        classes.set(i, 'after-hash');
        break;
      case ':':
        classes.set(i, 'after-colon');
        break;
      case '=':
        classes.set(i, 'after-equals');
        break;
      case ',':
        classes.set(i, 'after-comma');
        break;
      case '-':
        classes.set(i, 'after-dash');
        break;
      case '[':
      case '{':
        classes.set(i, 'after-open');
        break;
      case ']':
      case '}':
        classes.set(i, 'after-close');
        break;
      case '\n':
      case '\r':
        classes.set(i, 'after-newline');
        break;
      case ' ':
      case '\t':
        classes.set(i, 'in-whitespace');
        break;
      default:
        classes.set(i, /[0-9.]/.test(ch) ? 'in-number' : 'other');
    }
  }
  return classes;
}

/** Every cut point 0..length with its class; surrogate pairs split in half are their own class. */
export function cutPoints(text: string, syntax: 'json' | 'toml' | 'yaml'): Map<number, CutClass> {
  const classes = syntax === 'json' ? jsonCutClasses(text) : textCutClasses(text);
  classes.set(0, 'start');
  for (let i = 1; i < text.length; i++) {
    const high = text.charCodeAt(i - 1);
    if (high >= 0xd800 && high <= 0xdbff) classes.set(i, 'in-surrogate-pair');
    if (!classes.has(i)) classes.set(i, 'other');
  }
  classes.set(text.length, classes.get(text.length) ?? 'after-value');
  return classes;
}

/**
 * A bounded sample: up to `perClass` cut points of each class (seeded, so the same points
 * every run), plus the full length. `perClass` = Infinity gives every cut point.
 */
export function sampleCutPoints(text: string, syntax: 'json' | 'toml' | 'yaml', perClass: number, seed: number): Array<[number, CutClass]> {
  const all = cutPoints(text, syntax);
  if (!Number.isFinite(perClass)) return [...all].sort((a, b) => a[0] - b[0]);
  const byClass = new Map<CutClass, number[]>();
  for (const [offset, cls] of all) {
    const list = byClass.get(cls) ?? [];
    list.push(offset);
    byClass.set(cls, list);
  }
  const random = createPrng(seed ^ text.length);
  const chosen: Array<[number, CutClass]> = [];
  for (const [cls, offsets] of byClass)
    for (const offset of sample(
      random,
      offsets.sort((a, b) => a - b),
      perClass,
    ))
      chosen.push([offset, cls]);
  return chosen.sort((a, b) => a[0] - b[0]);
}
