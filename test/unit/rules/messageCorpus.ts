/**
 * Realistic findings of every rule, for message checks: the real corpus (each file linted at
 * its original path), the test fixtures, and the labelled quality sets.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint, type Finding } from '../../../server/src/engine';
import { buildQualitySet } from '../quality/labelled';
import { buildLauncherSet } from '../quality/launchersSet';
import { buildSecretTiersSet } from '../quality/secretTiersSet';
import { buildPathsTransportSet } from '../quality/pathsTransportSet';
import { matrixRows } from '../remediation/matrix';

const ROOT = resolve(__dirname, '..', '..', '..');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(?:jsonc?|ya?ml|toml)$/.test(name)) yield path;
  }
}

export function realisticFindings(): Finding[] {
  const found: Finding[] = [];
  const corpus = resolve(ROOT, '..', 'shared', 'corpus', 'real');
  for (const line of readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1).filter(Boolean)) {
    const [file, repo, path] = line.split('\t');
    found.push(...lint(readFileSync(join(corpus, file), 'utf8'), `/${repo}/${path}`));
  }
  for (const path of files(join(ROOT, 'test', 'fixtures', 'dialects'))) found.push(...lint(readFileSync(path, 'utf8'), path));
  for (const c of [...buildQualitySet(), ...buildLauncherSet(), ...buildSecretTiersSet(), ...buildPathsTransportSet()]) found.push(...lint(c.text, c.path));
  for (const row of matrixRows()) found.push(...lint(row.text, row.path));
  return found;
}
