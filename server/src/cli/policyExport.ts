import { resolve } from 'node:path';
import { loadPolicyFile } from '../host/settingsFile';
import { IoError, parseArgsOrUsage } from './args';
import { UsageError } from '../host/usageError';
import type { CliIO } from './io';
import { writeNamedFile } from '../host/atomicWrite';
import { exportPolicy, EXPORT_TARGETS, type ExportTarget } from '../policy/export';

export const POLICY_USAGE = `Usage: mcp-hygiene policy export --target <client> --policy <file> [--output <file>]

Compiles your organisation's MCP allow-list (the mcpHygiene.policyFile format) into the
client's own managed settings, so the client enforces it. Prints the file, or writes it
with --output; a note on stderr says where your device management delivers it.

      --target <client>   ${EXPORT_TARGETS.join(' | ')}
      --policy <file>     the policy file (JSON or JSONC)
      --output <file>     write the result here instead of standard output
  -h, --help              show this help
`;

/** `mcp-hygiene policy …`: the exit code (0 written, 2 usage or I/O problem). */
export function runPolicyCommand(argv: readonly string[], io: CliIO): number {
  const { values, positionals } = parseArgsOrUsage(argv, {
    target: { type: 'string' },
    policy: { type: 'string' },
    output: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(POLICY_USAGE);
    return 0;
  }
  if (positionals[0] !== 'export' || positionals.length > 1)
    throw new UsageError(`Unknown policy command "${positionals.join(' ')}": the only one is "policy export".`);
  const target = values.target;
  if (target === undefined) throw new UsageError(`policy export needs --target: ${EXPORT_TARGETS.join(', ')}.`);
  if (!(EXPORT_TARGETS as readonly string[]).includes(target)) throw new UsageError(`Unknown --target "${target}": use ${EXPORT_TARGETS.join(', ')}.`);
  if (!values.policy?.trim()) throw new UsageError('policy export needs --policy <file>.');
  if (values.output !== undefined && values.output.trim() === '') throw new UsageError('--output needs a file name.');

  const { policy, problems } = loadPolicyFile(resolve(io.cwd, values.policy));
  if (!policy) throw new IoError(problems[0] ?? `Cannot read the policy file ${values.policy}.`);
  const result = exportPolicy(policy, target as ExportTarget);
  if (values.output === undefined) io.stdout.write(result.text);
  else {
    try {
      writeNamedFile(resolve(io.cwd, values.output), result.text);
    } catch (error) {
      throw new IoError(`Cannot write ${values.output}: ${error instanceof Error ? error.message : String(error)}.`);
    }
  }
  for (const note of result.notes) io.stderr.write(`${note}\n`);
  return 0;
}
