// Regenerates the rule index in docs/rules/README.md from the rule metas (id, category,
// default severity, fixable, OWASP id, clients, description). test/unit/rules/rulesIndex.test.ts
// fails when the committed index is out of date.
//   node --import tsx scripts/rules-index.mjs           rewrite the index
//   node --import tsx scripts/rules-index.mjs --check   exit 1 if it is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const { RULES } = await import('../server/src/rules/index.ts');
const { renderRulesIndex, withIndex } = await import('../test/unit/rules/rulesIndex.ts');
const readmePath = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'docs', 'rules', 'README.md');
const before = readFileSync(readmePath, 'utf8');
const after = withIndex(before, renderRulesIndex(RULES));
if (process.argv.includes('--check')) {
  if (after !== before) {
    console.error('docs/rules/README.md: the rule index is out of date; run node --import tsx scripts/rules-index.mjs');
    process.exit(1);
  }
  console.log(`docs/rules/README.md: the rule index is up to date (${RULES.length} rules).`);
} else if (after !== before) {
  writeFileSync(readmePath, after);
  console.log(`docs/rules/README.md: rule index rewritten (${RULES.length} rules).`);
} else {
  console.log(`docs/rules/README.md: the rule index was already up to date (${RULES.length} rules).`);
}
