/**
 * Seeds and run counts for the property tests. The normal suite uses the fixed defaults
 * (bounded, deterministic); `npm run fuzz` raises the counts. Override either with env:
 *   FUZZ_SEED=123 FUZZ_RUNS=5000 npm run fuzz
 * or with arguments: `npm run fuzz -- --seed 123 --runs 5000`.
 */
export const DEFAULT_SEED = 20261121;

function argValue(name: string): string | undefined {
  const argv = process.argv;
  const i = argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < argv.length) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

function intSetting(envName: string, argName: string): number | undefined {
  const raw = argValue(argName) ?? process.env[envName];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${envName} / --${argName} must be an integer, got ${raw}`);
  return value;
}

/** The seed every property and every PRNG in the reliability suite starts from. */
export function fuzzSeed(): number {
  return intSetting('FUZZ_SEED', 'seed') ?? DEFAULT_SEED;
}

/** Runs per property: `normal` in the unit suite unless FUZZ_RUNS / --runs says otherwise. */
export function fuzzRuns(normal: number): number {
  return intSetting('FUZZ_RUNS', 'runs') ?? normal;
}

/** True inside `npm run fuzz`: exhaustive modes (every cut point, every glob...). */
export function isFuzzRun(): boolean {
  return process.env.MCP_HYGIENE_FUZZ === '1';
}
