import type { StringValue } from '../engine/model';
import type { Invocation } from './command';
import { parseNpmSpec, type NpmSpec } from './npmSpec';

/**
 * A package run through an npm-registry launcher: `npx`, `npm exec` / `npm x`. One launch
 * can name several packages (`npx -p a -p b cmd`).
 */
export interface NpmLaunch {
  launcher: string;
  /** `-y` / `--yes` was given: npm installs without asking. */
  autoInstall: boolean;
  packages: Array<{ spec: NpmSpec; text: string; value: StringValue }>;
  /** `--registry` value, if any (checked by supply-chain rules). */
  registry?: StringValue;
}

// npx/npm-exec options that consume the next argument.
const OPTIONS_WITH_VALUE = new Set(['-p', '--package', '-c', '--call', '--registry', '--cache', '--userconfig', '--loglevel', '--node-options', '--shell', '-w', '--workspace', '--prefix', '--script-shell']);

export function npmLaunchOf(invocation: Invocation): NpmLaunch | undefined {
  let args = invocation.args;
  let launcher = invocation.program;
  if (launcher === 'npm') {
    const execIndex = args.findIndex((a) => !a.value.startsWith('-'));
    if (execIndex < 0 || !['exec', 'x'].includes(args[execIndex].value)) return undefined;
    launcher = 'npm ' + args[execIndex].value;
    args = [...args.slice(0, execIndex), ...args.slice(execIndex + 1)];
  } else if (launcher !== 'npx') {
    return undefined;
  }

  const launch: NpmLaunch = { launcher, autoInstall: false, packages: [] };
  let commandPackage: StringValue | undefined;
  let callGiven = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const text = arg.value;
    if (text === '--') {
      commandPackage = args[i + 1];
      break;
    }
    if (!text.startsWith('-')) {
      commandPackage = arg;
      break;
    }
    const [flag, inlineValue] = splitFlag(text);
    if (flag === '-y' || flag === '--yes') {
      launch.autoInstall = inlineValue === undefined || inlineValue === 'true';
      continue;
    }
    if (flag === '--no-yes' || flag === '--no') continue;
    if (OPTIONS_WITH_VALUE.has(flag)) {
      const value = inlineValue !== undefined ? arg : args[++i];
      if (!value) break;
      const valueText = inlineValue ?? value.value;
      if (flag === '-p' || flag === '--package') launch.packages.push({ spec: parseNpmSpec(valueText), text: valueText, value });
      if (flag === '-c' || flag === '--call') callGiven = true;
      if (flag === '--registry') launch.registry = { value: valueText, node: value.node };
    }
  }
  // With -p, the positional argument is the binary to run from those packages, not a package.
  if (launch.packages.length === 0 && commandPackage && !callGiven) {
    launch.packages.push({ spec: parseNpmSpec(commandPackage.value), text: commandPackage.value, value: commandPackage });
  }
  return launch;
}

function splitFlag(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq > 0 && text.startsWith('--') ? [text.slice(0, eq), text.slice(eq + 1)] : [text, undefined];
}
