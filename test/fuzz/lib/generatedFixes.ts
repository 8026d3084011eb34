import fc from 'fast-check';
import { DIALECTS } from '../../../server/src/engine';
import { printedConfigArb } from './arbitraries';
import { dialectTargets } from './dialectPaths';
import { checkFixInvariants, type FixInvariantStats } from './fixInvariants';

/**
 * Generated configs, printed in a syntax some dialect reads, checked at that dialect's path
 * (chosen per case from the registry at run time).
 */
export function generatedFixProperty(stats: FixInvariantStats): fc.IPropertyWithHooks<[{ text: string; format: string }, number]> {
  const targets = dialectTargets(DIALECTS);
  return fc.property(printedConfigArb, fc.nat(), (config, pick) => {
    const syntax = config.format === 'jsonc' ? 'json' : config.format;
    const candidates = targets.filter((t) => t.dialect.syntax === syntax);
    if (candidates.length === 0) return;
    const target = candidates[pick % candidates.length];
    const path = target.paths[pick % target.paths.length];
    const before = stats.violations.length;
    checkFixInvariants(`generated ${config.format} as ${target.dialect.id}`, config.text, path, stats);
    if (stats.violations.length > before) {
      throw new Error(`fix invariants broken at ${path}:\n${stats.violations.slice(before).join('\n')}\n--- input ---\n${config.text}`);
    }
  });
}
