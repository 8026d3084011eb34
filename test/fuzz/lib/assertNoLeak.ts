/**
 * The disclosure check, reusable by any suite (engine, LSP, CLI, hovers, logs):
 *
 *   assertNoLeak(output, secrets)
 *
 * fails when `output` contains any substring of any secret longer than `maxRun` (default 4)
 * characters. A masked prefix of at most 4 characters (maskSecret's `ghp_…`) is therefore
 * allowed, anything longer is a leak, wherever it starts in the secret. The error names
 * the secret only by its masked prefix and the position of the leaked run, never in full.
 */
export interface LeakOptions {
  /** Longest run of a secret's characters the output may contain (default 4). */
  maxRun?: number;
  /** Label for the error message (which output was checked). */
  label?: string;
}

export interface Leak {
  secretIndex: number;
  /** Offset of the leaked run inside the secret. */
  at: number;
  /** Offset of the leaked run inside the output. */
  outputOffset: number;
}

/** Every leaked run (one per secret, the first found), or [] when nothing leaks. */
export function findLeaks(output: string, secrets: readonly string[], options: LeakOptions = {}): Leak[] {
  const window = (options.maxRun ?? 4) + 1;
  const leaks: Leak[] = [];
  secrets.forEach((secret, secretIndex) => {
    if (secret.length < window) return;
    for (let at = 0; at + window <= secret.length; at++) {
      const outputOffset = output.indexOf(secret.slice(at, at + window));
      if (outputOffset >= 0) {
        leaks.push({ secretIndex, at, outputOffset });
        return;
      }
    }
  });
  return leaks;
}

export function assertNoLeak(output: string, secrets: readonly string[], options: LeakOptions = {}): void {
  const leaks = findLeaks(output, secrets, options);
  if (leaks.length === 0) return;
  const described = leaks.map(({ secretIndex, at, outputOffset }) => {
    const secret = secrets[secretIndex];
    // The context may hold other secrets: mask every run of any secret in it before printing.
    let context = output.slice(Math.max(0, outputOffset - 60), outputOffset).replace(/\s+/g, ' ');
    for (const other of secrets) for (let i = 0; i + 5 <= other.length; i++) context = context.split(other.slice(i, i + 5)).join('•••••');
    return `secret #${secretIndex} (${secret.slice(0, 4)}…, ${secret.length} chars) leaks from its character ${at} at output offset ${outputOffset}, after "…${context}"`;
  });
  throw new Error(`${options.label ?? 'output'} discloses ${leaks.length} secret(s):\n  ${described.join('\n  ')}`);
}
