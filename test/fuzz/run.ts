/**
 * `npm run fuzz`: the reliability properties at fuzzing strength, outside the unit suite.
 *
 *   npm run fuzz                                  default seed, 2000 runs per property
 *   npm run fuzz -- --runs 20000 --seed 42        or FUZZ_RUNS=20000 FUZZ_SEED=42 npm run fuzz
 *   npm run fuzz -- --only crash,truncation       some sections (crash, truncation, fixes,
 *                                                 leaks, incremental, extremes)
 *   npm run fuzz -- --big-mb 50                   size of the dense "huge file" case
 *   npm run fuzz -- --only adversarial            scanner back-tracking inputs up to 1 MB
 *
 * Every section runs even when an earlier one fails; the summary lists cases, failures
 * (with fast-check's seed/path to replay them) and timings. Exit code 1 on any failure.
 */
process.env.MCP_HYGIENE_FUZZ = '1';

import fc from 'fast-check';
import { DIALECTS, lint } from '../../server/src/engine';
import { fuzzRuns, fuzzSeed } from './lib/config';
import { crashProperty, lintEverywhere, stats as crashStats } from './lib/properties';
import { loadCorpus, loadFixtures } from './lib/corpus';
import { truncateAll } from './lib/truncation';
import { checkFixInvariants, emptyStats } from './lib/fixInvariants';
import { generatedFixProperty } from './lib/generatedFixes';
import { printedConfigArb } from './lib/arbitraries';
import { assertNoLeak } from './lib/assertNoLeak';
import { dialectTargets } from './lib/dialectPaths';
import { lintChecked } from './lib/checks';
import { hugeConfig, hugeStringConfig } from './lib/extremes';
import { checkIncremental, editableJsonConfigs } from './lib/incremental';
import { createPrng } from './lib/prng';
import { timeAdversarial } from './lib/adversarial';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const only = option('only')?.split(',');
const runs = fuzzRuns(2000);
const seed = fuzzSeed();
const bigMb = Number(option('big-mb') ?? process.env.FUZZ_BIG_MB ?? 50);

interface SectionResult {
  name: string;
  ms: number;
  ok: boolean;
  detail: string;
}
const results: SectionResult[] = [];

function section(name: string, body: () => string): void {
  if (only && !only.includes(name)) return;
  const started = performance.now();
  process.stdout.write(`\n== ${name} (seed ${seed}, runs ${runs})\n`);
  try {
    const detail = body();
    results.push({ name, ms: performance.now() - started, ok: true, detail });
    process.stdout.write(`   ok: ${detail}\n`);
  } catch (error) {
    const detail = (error as Error)?.message ?? String(error);
    results.push({ name, ms: performance.now() - started, ok: false, detail });
    process.stdout.write(`   FAILED: ${detail.slice(0, 4000)}\n`);
  }
}

const corpus = loadCorpus();
const fixtures = loadFixtures();

section('crash', () => {
  fc.assert(crashProperty(), { seed, numRuns: runs });
  // Corpus and fixtures under every glob of every dialect, too.
  for (const file of [...corpus, ...fixtures]) lintEverywhere(file.text, true);
  return `${crashStats.cases} texts, ${crashStats.lints} lints across ${DIALECTS.length} dialects, 0 crashes`;
});

section('truncation', () => {
  const stats = truncateAll([...corpus, ...fixtures], Number.POSITIVE_INFINITY, seed);
  return `${stats.files} files cut at every one of ${stats.cuts} positions (${stats.classes.size} classes), 0 crashes`;
});

section('fixes', () => {
  const stats = emptyStats();
  for (const file of [...corpus, ...fixtures]) checkFixInvariants(file.name, file.text, file.lintPath, stats);
  const real = { ...stats };
  if (stats.violations.length) throw new Error(stats.violations.join('\n'));
  const generated = emptyStats();
  fc.assert(generatedFixProperty(generated), { seed, numRuns: Math.max(50, Math.round(runs / 5)), includeErrorInReport: true });
  return `corpus+fixtures: ${real.files} files, ${real.findings} findings, ${real.fixes} fixes (${real.safeFixes} safe); generated: ${generated.files} configs, ${generated.findings} findings, ${generated.fixes} fixes (${generated.safeFixes} safe); exceptions used: ${[...stats.exceptionsUsed, ...generated.exceptionsUsed].map(([k, n]) => `${k} x${n}`).join(', ') || 'none'}`;
});

section('leaks', () => {
  const targets = dialectTargets(DIALECTS);
  let findings = 0;
  let cases = 0;
  fc.assert(
    fc.property(printedConfigArb, (config) => {
      if (config.secrets.length === 0) return;
      cases++;
      const syntax = config.format === 'jsonc' ? 'json' : config.format;
      for (const target of targets.filter((t) => t.dialect.syntax === syntax)) {
        const found = lintChecked(config.text, target.paths[0]);
        findings += found.length;
        assertNoLeak(found.map((f) => [f.message, ...f.fixes.map((x) => x.title)].join('\n')).join('\n'), config.secrets, { label: target.dialect.id });
      }
    }),
    { seed, numRuns: runs, includeErrorInReport: true },
  );
  return `${cases} configs with secrets, ${findings} findings checked under every dialect of their syntax, 0 leaks`;
});

section('incremental', () => {
  // Chained edits inside server entries: incremental re-lint == full lint, on every editable config.
  const files = editableJsonConfigs([...corpus, ...fixtures]);
  const steps = Math.max(12, Math.round(runs / 20));
  const { edits, confined } = checkIncremental(files, createPrng(seed), steps);
  return `${files.length} JSON configs, ${edits} chained edits (${confined} re-linted incrementally), 0 differences from a full lint`;
});

section('extremes', () => {
  const lines: string[] = [];
  const time = (label: string, text: string, path: string) => {
    const started = performance.now();
    const findings = lint(text, path).length;
    lines.push(`${label} at ${path}: ${Math.round(performance.now() - started)} ms, ${findings} findings`);
  };
  const big = hugeConfig(bigMb * 1_000_000);
  time(`${bigMb} MB dense config (${Math.round(big.length / 1e6)} M chars)`, big, '/p/.vscode/mcp.json');
  time(`${bigMb} MB dense config`, big, '/p/claude_desktop_config.json');
  const five = hugeConfig(5_000_000);
  time('5 MB dense config (maxFileSize default)', five, '/p/claude_desktop_config.json');
  for (const path of ['/p/.codex/config.toml', '/p/.continue/mcpServers/x.yaml']) time('1 MB JSON text', hugeConfig(1_000_000), path);
  time('10 MB string', hugeStringConfig(10_000_000), '/p/.mcp.json');
  return lines.join('; ');
});

section('adversarial', () => {
  // Every scanner's back-tracking unit, repeated up to 1 MB, in every string position and
  // syntax (test/fuzz/lib/adversarial.ts). Linear scanners lint 1 MB well under a second on a
  // quiet machine; the bound is generous because the build machine is shared.
  const boundMs = Number(process.env.FUZZ_ADVERSARIAL_MS ?? 5000);
  const timings = timeAdversarial(lint, [100_000, 1_000_000], boundMs);
  const slowest = timings.slice(0, 8).map((t) => `${t.label}: ${Math.round(t.ms)} ms`);
  process.stdout.write(`   slowest:\n     ${slowest.join('\n     ')}\n`);
  const over = timings.filter((t) => t.ms > boundMs);
  if (over.length)
    throw new Error(`${over.length} of ${timings.length} lints over ${boundMs} ms:\n${over.map((t) => `${t.label}: ${Math.round(t.ms)} ms`).join('\n')}`);
  return `${timings.length} lints (cases × positions × syntaxes × 100 kB, 1 MB), all under ${boundMs} ms; slowest ${slowest[0]}`;
});

const failed = results.filter((r) => !r.ok);
process.stdout.write('\n== summary\n');
for (const r of results)
  process.stdout.write(
    `${r.ok ? 'ok    ' : 'FAILED'} ${r.name.padEnd(11)} ${(r.ms / 1000).toFixed(1).padStart(7)} s  ${r.detail.split('\n')[0].slice(0, 300)}\n`,
  );
process.exitCode = failed.length ? 1 : 0;
