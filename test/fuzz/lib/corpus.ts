import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** A real or fixture config file and the path the engine should believe it lives at. */
export interface SampleFile {
  /** Short label for messages: the corpus file name or the fixture's relative path. */
  name: string;
  /** Where the file would live in its project (drives dialect detection). */
  lintPath: string;
  text: string;
}

export const CORPUS_DIR = process.env.MCP_HYGIENE_CORPUS ?? '/work/shared/corpus/real';
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures');
const NOT_CONFIGS = /^sarif\/|schema[^/]*\.json$/i;

/**
 * The corpus of real configs, each at its original repository path (from MANIFEST.tsv),
 * mounted under /repos/<owner>__<repo>/ so path-based dialect detection sees what the
 * client would. Empty when the corpus is not on this machine (the tests then skip).
 */
export function loadCorpus(): SampleFile[] {
  const manifest = join(CORPUS_DIR, 'MANIFEST.tsv');
  if (!existsSync(manifest)) return [];
  const rows = readFileSync(manifest, 'utf8').split('\n').slice(1).filter(Boolean);
  return rows.map((row) => {
    const [file, repo, path] = row.split('\t');
    // Read as latin1-safe UTF-8: the bytes are what an editor would show.
    const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
    return { name: file, lintPath: `/repos/${repo.replace('/', '__')}/${path}`, text };
  });
}

/**
 * Every file under test/fixtures/ at its own path: fixture folders mirror the layout a
 * client expects (e.g. fixtures/vscode/x/.vscode/mcp.json), so the absolute path is the
 * intended path. Sidecar files (expected output, notes) are skipped.
 */
export function loadFixtures(): SampleFile[] {
  if (!existsSync(FIXTURES_DIR)) return [];
  const found: SampleFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(jsonc?|toml|ya?ml)$/i.test(name) && !/\.(expected|snap)\./i.test(name)) {
        found.push({ name: relative(FIXTURES_DIR, path).split(sep).join('/'), lintPath: path, text: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(FIXTURES_DIR);
  // Test data that is not an MCP config (e.g. the SARIF JSON schema the CLI suite validates against).
  return found.filter((file) => !NOT_CONFIGS.test(file.name));
}
