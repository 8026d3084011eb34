import fc from 'fast-check';
import { DIALECTS } from '../../../server/src/engine';
import { dialectTargets, UNCLAIMED_PATHS } from './dialectPaths';
import { lintChecked } from './checks';
import { anyTextArb } from './arbitraries';

/** Counts the property bodies run, for the report. */
export const stats = { cases: 0, lints: 0 };

/**
 * Lints `text` as every dialect's file (by a path from its globs), forced by id, and at
 * paths no dialect claims. Registry read at call time: new dialects are covered as they land.
 */
export function lintEverywhere(text: string, allGlobs = false): void {
  stats.cases++;
  for (const { dialect, paths } of dialectTargets(DIALECTS)) {
    for (const path of allGlobs ? paths : paths.slice(0, 1)) {
      lintChecked(text, path);
      stats.lints++;
    }
    lintChecked(text, paths[0], { dialect: dialect.id });
    stats.lints++;
  }
  for (const path of UNCLAIMED_PATHS) {
    lintChecked(text, path);
    stats.lints++;
  }
}

/** The crash property: arbitrary text never throws and yields in-document ranges. */
export function crashProperty(): fc.IPropertyWithHooks<[string]> {
  return fc.property(anyTextArb, (text) => {
    lintEverywhere(text);
  });
}
