/**
 * The engine's output, pinned: every finding (rule, severity, range, server, message, fixes
 * with their edits, deferred ones computed) on the real corpus, the fixtures, the labelled
 * sets and generated files of 10 to 1 000 servers must stay byte-identical while the engine's
 * internals change (issue 14: the redesign must not change a single finding).
 *
 * A change of behaviour that is meant is recorded with
 *   MCP_HYGIENE_WRITE_GOLDEN=1 node scripts/test.mjs --no-typecheck test/unit/engine/differential.test.ts
 * and the golden file's diff then shows which inputs changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { lint, type Finding } from '../../../server/src/engine';
import { realisticInputs, type RealisticInput } from '../rules/messageCorpus';
import { generateConfig } from '../../../bench/generate';

const ROOT = resolve(__dirname, '..', '..', '..');
const GOLDEN = join(__dirname, 'differential.golden.json');

function inputs(): RealisticInput[] {
  // Fixtures are linted at a path that does not depend on where the repository is checked out.
  const all = realisticInputs((file) => `/repo/${relative(ROOT, file).split('\\').join('/')}`);
  for (const servers of [1, 10, 100, 1000]) {
    for (const seed of [1, 2]) all.push({ path: `/generated/${servers}-${seed}/.vscode/mcp.json`, text: generateConfig(servers, seed) });
  }
  return all;
}

/** Everything a user sees of a finding, with deferred fix edits computed. */
function canonical(findings: Finding[]): string {
  return JSON.stringify(
    findings.map((f) => ({
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      range: f.range,
      server: f.server,
      message: f.message,
      fixes: f.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, preferred: fix.preferred ?? false, edits: fix.edits })),
    })),
  );
}

test('findings are byte-identical to the recorded ones on the corpus, fixtures, labelled sets and generated files', () => {
  const actual: Record<string, string> = {};
  const counts = new Map<string, number>();
  let findings = 0;
  for (const input of inputs()) {
    const n = (counts.get(input.path) ?? 0) + 1;
    counts.set(input.path, n);
    const result = lint(input.text, input.path, undefined, input.options);
    findings += result.length;
    actual[`${input.path}#${n}`] = `${result.length}:${createHash('sha256').update(canonical(result)).digest('hex').slice(0, 16)}`;
  }
  if (process.env.MCP_HYGIENE_WRITE_GOLDEN) {
    writeFileSync(GOLDEN, JSON.stringify(actual, null, 1) + '\n');
    return;
  }
  const expected = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
  const changed = Object.keys({ ...expected, ...actual }).filter((key) => expected[key] !== actual[key]);
  assert.ok(findings > 5000, `expected a realistic volume of findings, got ${findings}`);
  assert.deepEqual(changed.slice(0, 20), [], `${changed.length} of ${Object.keys(actual).length} inputs changed their findings (count:hash)`);
});
