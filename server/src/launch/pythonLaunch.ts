import type { StringValue } from '../core/model';
import type { Invocation } from '../core/invocation';
import { splitFlag } from './npmLaunch';
import { parsePythonSpec, type PythonSpec } from './pythonSpec';
import { isCredentialOptionValue, isCredentialShaped } from '../secrets/credentialShape';

/**
 * A Python package run by an ephemeral runner: `uvx` / `uv tool run`, `pipx run`, or the
 * packages `uv run --with` adds to a script's environment.
 */
export interface PythonLaunch {
  launcher: string;
  packages: Array<{ spec: PythonSpec; text: string; value: StringValue; role: 'main' | 'with' }>;
  /** Index options (`--index-url`, `--extra-index-url`, `--index`, `--default-index`, `-i`, `--find-links`). */
  indexes: Array<{ option: string; value: StringValue }>;
  /** `--allow-insecure-host` / `--trusted-host` values. */
  insecureHosts: StringValue[];
}

// uv tool run / uvx options that take a value (uv 0.9 `uv tool run --help`).
const UV_WITH_VALUE = new Set([
  '--from',
  '--with',
  '-w',
  '--with-editable',
  '--with-requirements',
  '--python',
  '-p',
  '--index',
  '--default-index',
  '--index-url',
  '-i',
  '--extra-index-url',
  '--find-links',
  '-f',
  '--index-strategy',
  '--keyring-provider',
  '--refresh-package',
  '--reinstall-package',
  '--upgrade-package',
  '-P',
  '--constraints',
  '-c',
  '--overrides',
  '--build-constraints',
  '-b',
  '--cache-dir',
  '--directory',
  '--project',
  '--config-file',
  '--color',
  '--exclude-newer',
  '--exclude-newer-package',
  '--resolution',
  '--prerelease',
  '--link-mode',
  '--env-file',
  '--python-platform',
  '--allow-insecure-host',
  '--trusted-host',
  '--config-setting',
  '-C',
  '--no-binary-package',
  '--no-build-package',
  '--torch-backend',
  '--fork-strategy',
  '--no-build-isolation-package',
  '--python-preference',
  '--module',
  '-m',
  '--package',
  '--extra',
  '--group',
  '--only-group',
  '--no-group',
  '--script',
  '-s',
  '--gui-script',
]);
// pipx run options that take a value.
const PIPX_WITH_VALUE = new Set(['--spec', '--index-url', '-i', '--pip-args', '--python', '--backend', '--fetch-python']);
const INDEX_OPTIONS = new Set(['--index-url', '-i', '--extra-index-url', '--index', '--default-index', '--find-links', '-f']);

export function pythonLaunchOf(invocation: Invocation): PythonLaunch | undefined {
  const { program } = invocation;
  let args = invocation.args;
  let launcher: string;
  let mode: 'tool' | 'pipx' | 'uv-run';
  if (program === 'uvx') {
    launcher = 'uvx';
    mode = 'tool';
  } else if (program === 'uv') {
    const index = args.findIndex((a) => !a.value.startsWith('-'));
    if (index < 0) return undefined;
    if (args[index].value === 'tool' && args[index + 1]?.value === 'run') {
      launcher = 'uv tool run';
      mode = 'tool';
      args = [...args.slice(0, index), ...args.slice(index + 2)];
    } else if (args[index].value === 'run') {
      launcher = 'uv run';
      mode = 'uv-run';
      args = [...args.slice(0, index), ...args.slice(index + 1)];
    } else {
      return undefined;
    }
  } else if (program === 'pipx') {
    const index = args.findIndex((a) => !a.value.startsWith('-'));
    if (index < 0 || args[index].value !== 'run') return undefined;
    launcher = 'pipx run';
    mode = 'pipx';
    args = [...args.slice(0, index), ...args.slice(index + 1)];
  } else {
    return undefined;
  }

  const launch: PythonLaunch = { launcher, packages: [], indexes: [], insecureHosts: [] };
  const withValue = mode === 'pipx' ? PIPX_WITH_VALUE : UV_WITH_VALUE;
  let from: StringValue | undefined;
  let fromGiven = false;
  let positional: StringValue | undefined;
  // An option this grammar does not know, written without `=`, right before the current word.
  let unknownOption: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const text = arg.value;
    if (text === '--') {
      positional = args[i + 1];
      break;
    }
    if (!text.startsWith('-') || text === '-') {
      // uv rejects options it does not know, so what follows one is undecidable; but the
      // value after `--api-key` / `--token` that the secret detector calls a credential is
      // that option's value, and never a package (the message would quote it).
      if (!isCredentialOptionValue(unknownOption, text)) positional = arg;
      break;
    }
    unknownOption = undefined;
    const [flag, inlineValue] = splitFlag(text);
    if (!withValue.has(flag)) {
      if (inlineValue === undefined) unknownOption = flag;
      continue;
    }
    const holder = inlineValue !== undefined ? arg : args[++i];
    if (!holder) break;
    const value: StringValue = { value: inlineValue ?? holder.value, node: holder.node };
    if (flag === '--from' || flag === '--spec') {
      fromGiven = true;
      from = isCredentialShaped(value.value) ? undefined : value;
    } else if (flag === '--with' || flag === '-w') {
      // `--with a,b` takes a comma-separated list.
      for (const part of value.value
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        if (isCredentialShaped(part)) continue;
        launch.packages.push({ spec: parsePythonSpec(part), text: part, value: { value: part, node: value.node }, role: 'with' });
      }
    } else if (INDEX_OPTIONS.has(flag)) launch.indexes.push({ option: flag, value });
    else if (flag === '--allow-insecure-host' || flag === '--trusted-host') launch.insecureHosts.push(value);
  }
  if (mode === 'uv-run') {
    // `uv run script.py` runs a local file in the project's locked environment: only
    // `--with` packages come from the index.
    return launch.packages.length || launch.indexes.length || launch.insecureHosts.length ? launch : undefined;
  }
  // With --from / --spec the positional is the command to run from that package. A word
  // shaped like a credential (secrets/credentialShape.ts) is never taken as the package.
  const main = fromGiven ? from : positional && !isCredentialShaped(positional.value) ? positional : undefined;
  if (main) launch.packages.unshift({ spec: parsePythonSpec(main.value), text: main.value, value: main, role: 'main' });
  return launch;
}
