import type { Fix, TextEdit } from './types';

/**
 * A fix whose edits are computed on first read and then remembered. `edits` is an own,
 * enumerable getter, so JSON and spreads still see it. Written as an object literal: V8
 * builds one from a boilerplate, several times faster than `Object.defineProperty` on a
 * fresh object, and the language server builds one per deferred fix on every keystroke.
 */
export function deferredFix(title: string, safe: boolean, preferred: boolean | undefined, compute: () => TextEdit[]): Fix {
  let edits: TextEdit[] | undefined;
  if (preferred) {
    return {
      title,
      safe,
      preferred: true,
      deferred: true,
      get edits() {
        return (edits ??= compute());
      },
    };
  }
  return {
    title,
    safe,
    deferred: true,
    get edits() {
      return (edits ??= compute());
    },
  };
}
