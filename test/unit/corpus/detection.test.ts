import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { EXCEPTIONS, FOLDER_DIALECT, corpusTable, formatCorpusTable, runCorpus } from './corpusReport';

const repoRoot = resolve(__dirname, '..', '..', '..');

test('every real corpus file, linted at its original path, is detected as its folder names (or a listed exception)', () => {
  // Fails with a clear message when ../shared/corpus/real is missing.
  const rows = runCorpus(repoRoot);
  assert.ok(rows.length >= 195, `the corpus has ${rows.length} files`);
  console.log(formatCorpusTable(corpusTable(rows)));
  for (const row of rows) {
    assert.equal(row.error, undefined, `${row.file} threw: ${row.error}`);
    assert.ok(row.folder in FOLDER_DIALECT, `folder ${row.folder} is mapped to a dialect in corpusReport.ts`);
    assert.equal(
      row.detected,
      row.expected,
      `${row.file} (at ${row.path}) is detected as ${row.expected}${row.exception ? ` (exception: ${row.exception})` : ''}`,
    );
  }
  for (const file of Object.keys(EXCEPTIONS))
    assert.ok(
      rows.some((r) => r.file === file),
      `exception ${file} is still in the corpus`,
    );
});

test('files a client claims by path produce findings for their parse problems instead of throwing', () => {
  const rows = runCorpus(repoRoot).filter((r) => r.unparsed);
  assert.ok(rows.length > 0, 'the corpus keeps some broken files on purpose');
  for (const row of rows) assert.ok(row.findings > 0, `${row.file}: a broken file gets at least one finding`);
});
