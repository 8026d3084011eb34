// Regenerates docs/renovate/mcp-hygiene.json (the Renovate preset) from the dialects' file globs.
//   node --import tsx scripts/renovate-preset.mjs           rewrite it
//   node --import tsx scripts/renovate-preset.mjs --check   exit 1 if it is out of date
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const { renderRenovatePreset } = await import('../test/support/renovatePreset.ts');
const path = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'docs', 'renovate', 'mcp-hygiene.json');
const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
const after = renderRenovatePreset();
if (process.argv.includes('--check')) {
  if (after !== before) {
    console.error('docs/renovate/mcp-hygiene.json is out of date; run node --import tsx scripts/renovate-preset.mjs');
    process.exit(1);
  }
  console.log('docs/renovate/mcp-hygiene.json is up to date.');
} else {
  writeFileSync(path, after);
  console.log(after === before ? 'docs/renovate/mcp-hygiene.json was already up to date.' : 'docs/renovate/mcp-hygiene.json rewritten.');
}
