// Prints the corpus detection table (files per client folder, detected, exceptions,
// misdetected, unparsed) for closing notes. Needs the shared corpus at ../shared.
//   node --import tsx scripts/corpus-report.mjs [--list]
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const { runCorpus, corpusTable, formatCorpusTable } = await import('../test/unit/corpus/corpusReport.ts');
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rows = runCorpus(repoRoot);
console.log(formatCorpusTable(corpusTable(rows)));
for (const row of rows) {
  if (row.error || row.detected !== row.expected) console.log(`MISDETECTED ${row.file}: expected ${row.expected}, got ${row.detected}${row.error ? ' (threw: ' + row.error.split('\n')[0] + ')' : ''}`);
  else if (process.argv.includes('--list') && row.exception) console.log(`exception ${row.file} -> ${row.detected}: ${row.exception}`);
}
