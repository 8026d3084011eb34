import { dialectForPath } from '../../../server/src/engine';
import { syntaxForPath } from '../../../server/src/parse';
import type { SampleFile } from './corpus';
import { sampleCutPoints, type CutClass } from './cutPoints';
import { lintChecked } from './checks';

export interface TruncationStats {
  files: number;
  cuts: number;
  classes: Map<CutClass, number>;
}

/** Lints every sampled prefix of every file at the file's own path. */
export function truncateAll(files: readonly SampleFile[], perClass: number, seed: number): TruncationStats {
  const stats: TruncationStats = { files: 0, cuts: 0, classes: new Map() };
  for (const file of files) {
    const syntax = dialectForPath(file.lintPath)?.syntax ?? syntaxForPath(file.lintPath);
    stats.files++;
    // Every cut point of a large file costs O(n²): past 20 kB, sample 200 per class instead.
    const limit = file.text.length > 20_000 ? Math.min(perClass, 200) : perClass;
    for (const [cut, cls] of sampleCutPoints(file.text, syntax, limit, seed)) {
      try {
        lintChecked(file.text.slice(0, cut), file.lintPath);
      } catch (error) {
        (error as Error).message = `${file.name} cut at ${cut} (${cls}): ${(error as Error).message}`;
        throw error;
      }
      stats.cuts++;
      stats.classes.set(cls, (stats.classes.get(cls) ?? 0) + 1);
    }
  }
  return stats;
}
