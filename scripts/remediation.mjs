// Regenerates docs/remediation.md (the remediation matrix) from the code.
// test/unit/remediation/matrix.test.ts fails when the committed page is out of date.
//   node --import tsx scripts/remediation.mjs           rewrite the page
//   node --import tsx scripts/remediation.mjs --check   exit 1 if it is out of date
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const { matrixRows, renderRemediation } = await import('../test/unit/remediation/matrix.ts');
const pagePath = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'docs', 'remediation.md');
const before = existsSync(pagePath) ? readFileSync(pagePath, 'utf8') : '';
const after = renderRemediation(matrixRows());
if (process.argv.includes('--check')) {
  if (after !== before) {
    console.error('docs/remediation.md is out of date; run node --import tsx scripts/remediation.mjs');
    process.exit(1);
  }
  console.log('docs/remediation.md is up to date.');
} else {
  writeFileSync(pagePath, after);
  console.log(after === before ? 'docs/remediation.md was already up to date.' : 'docs/remediation.md rewritten.');
}
