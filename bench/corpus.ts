import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared corpus, each file with the path it had in its repository (detection goes by path). */
export interface CorpusFile {
  file: string;
  /** `<repo>/<original path>`: where the file lived, as the engine should see it. */
  path: string;
  text: string;
}

export function corpusDir(repoRoot: string): string {
  return resolve(repoRoot, '..', 'shared', 'corpus', 'real');
}

export function loadCorpus(repoRoot: string): CorpusFile[] {
  const dir = corpusDir(repoRoot);
  const manifest = join(dir, 'MANIFEST.tsv');
  if (!existsSync(manifest)) throw new Error(`The shared corpus is missing: expected ${manifest} (the shared/ folder beside the repository).`);
  const lines = readFileSync(manifest, 'utf8').split('\n').slice(1).filter(Boolean);
  return lines.map((line) => {
    const [file, repo, path] = line.split('\t');
    return { file, path: `/${repo}/${path}`, text: readFileSync(join(dir, file), 'utf8') };
  });
}
