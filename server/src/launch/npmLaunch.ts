import type { StringValue } from '../core/model';
import type { Invocation } from '../core/invocation';
import { parseNpmSpec, type NpmSpec } from './npmSpec';
import { isCredentialOptionValue, isCredentialShaped, isUpperCaseNpmName } from '../secrets/credentialShape';

/**
 * A package run through an npm-registry launcher: `npx`, `npm exec` / `npm x`, `bunx`
 * (`bun x`), `pnpm dlx` / `pnpx`, `yarn dlx`. One launch can name several packages
 * (`npx -p a -p b cmd`, `yarn dlx -p a -p b cmd`).
 */
export interface NpmLaunch {
  /** How it was launched, as the user would say it: `npx`, `npm exec`, `bunx`, `pnpm dlx`, `yarn dlx`. */
  launcher: string;
  /** `-y` / `--yes` was given: npm installs without asking. (bunx, pnpm dlx, yarn dlx never ask.) */
  autoInstall: boolean;
  packages: Array<{ spec: NpmSpec; text: string; value: StringValue; via: 'positional' | 'package-option' }>;
  /** `--registry` value, if any (checked by the supply-chain rules). */
  registry?: StringValue;
  /** `--userconfig` value: an .npmrc that can redirect the registry. */
  userconfig?: StringValue;
  /** `-c` / `--call` (npm) or `-c` / `--shell-mode` (pnpm dlx): the shell string it runs. */
  call?: StringValue;
}

interface LauncherGrammar {
  /** Options that consume the next argument (or the text after `=`). */
  withValue: ReadonlySet<string>;
  /** Options naming a package to install (the positional is then the binary to run). */
  packageOptions: ReadonlySet<string>;
  /** Options whose value is a shell string run by the launcher. */
  callOptions: ReadonlySet<string>;
  /** Whether the launcher prompts before installing (npm does, unless -y / CI). */
  prompts: boolean;
}

const NPM: LauncherGrammar = {
  withValue: new Set([
    '-p',
    '--package',
    '-c',
    '--call',
    '--registry',
    '--cache',
    '--userconfig',
    '--globalconfig',
    '--loglevel',
    '--node-options',
    '--shell',
    '--script-shell',
    '-w',
    '--workspace',
    '--prefix',
    '-C',
    '--before',
    '--omit',
    '--include',
    '--install-strategy',
  ]),
  packageOptions: new Set(['-p', '--package']),
  callOptions: new Set(['-c', '--call']),
  prompts: true,
};
const BUNX: LauncherGrammar = {
  withValue: new Set(['-p', '--package', '--registry', '--cwd', '--config', '-c', '--cache-dir']),
  packageOptions: new Set(['-p', '--package']),
  callOptions: new Set(),
  prompts: false,
};
const PNPM_DLX: LauncherGrammar = {
  withValue: new Set([
    '--package',
    '--registry',
    '-C',
    '--dir',
    '--reporter',
    '--loglevel',
    '--allow-build',
    '--cpu',
    '--os',
    '--libc',
    '--store-dir',
    '--cache-dir',
  ]),
  packageOptions: new Set(['--package']),
  callOptions: new Set(),
  prompts: false,
};
const YARN_DLX: LauncherGrammar = {
  withValue: new Set(['-p', '--package', '--cwd']),
  packageOptions: new Set(['-p', '--package']),
  callOptions: new Set(),
  prompts: false,
};

// pnpm / yarn / bun options before the subcommand that take a value.
const PRE_SUBCOMMAND_WITH_VALUE = new Set([
  '-C',
  '--dir',
  '--cwd',
  '--filter',
  '-F',
  '--config',
  '-c',
  '--prefix',
  '--userconfig',
  '--registry',
  '--cache',
  '-w',
  '--workspace',
  '--loglevel',
]);

/** Reads an npm-registry launch, or undefined when the invocation is something else. */
export function npmLaunchOf(invocation: Invocation): NpmLaunch | undefined {
  const program = invocation.program;
  let args = invocation.args;
  let launcher: string;
  let grammar: LauncherGrammar;
  if (program === 'npx') {
    launcher = 'npx';
    grammar = NPM;
  } else if (program === 'bunx') {
    launcher = 'bunx';
    grammar = BUNX;
  } else if (program === 'pnpx') {
    launcher = 'pnpx';
    grammar = PNPM_DLX;
  } else if (program === 'npm' || program === 'pnpm' || program === 'yarn' || program === 'bun') {
    const wanted = program === 'npm' ? ['exec', 'x'] : program === 'bun' ? ['x'] : ['dlx'];
    const index = subcommandIndex(args);
    if (index < 0 || !wanted.includes(args[index].value)) return undefined;
    launcher = program === 'bun' ? 'bunx' : `${program} ${args[index].value}`;
    grammar = program === 'npm' ? NPM : program === 'bun' ? BUNX : program === 'pnpm' ? PNPM_DLX : YARN_DLX;
    args = [...args.slice(0, index), ...args.slice(index + 1)];
  } else {
    return undefined;
  }

  const launch: NpmLaunch = { launcher, autoInstall: !grammar.prompts, packages: [] };
  let positional: StringValue | undefined;
  let packageOption = false;
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
      // npm reads an option it does not know as a boolean, so after `--api-key` the token
      // is what npx would run. A credential is never reported as a package (the message
      // would quote it): no package at all, secret-in-args reports the token.
      if (!isCredentialOptionValue(unknownOption, text)) positional = arg;
      break;
    }
    unknownOption = undefined;
    const [flag, inlineValue] = splitFlag(text);
    if (flag === '-y' || flag === '--yes') {
      if (grammar.prompts) launch.autoInstall = inlineValue === undefined || inlineValue === 'true';
      continue;
    }
    if (grammar === PNPM_DLX && (flag === '-c' || flag === '--shell-mode')) {
      // pnpm dlx -c: the rest of the line is one shell string.
      launch.call = args[i + 1];
      break;
    }
    if (!grammar.withValue.has(flag)) {
      if (inlineValue === undefined) unknownOption = flag;
      continue;
    }
    const holder = inlineValue !== undefined ? arg : args[++i];
    if (!holder) break;
    const valueText = inlineValue ?? holder.value;
    const value: StringValue = { value: valueText, node: holder.node };
    if (grammar.packageOptions.has(flag)) {
      packageOption = true;
      const spec = parseNpmSpec(valueText);
      if (!isCredential(valueText, spec)) launch.packages.push({ spec, text: valueText, value, via: 'package-option' });
    } else if (grammar.callOptions.has(flag)) launch.call = value;
    else if (flag === '--registry') launch.registry = value;
    else if (flag === '--userconfig') launch.userconfig = value;
  }
  // With -p / --package, the positional argument is the binary to run from those packages.
  if (!packageOption && positional && !launch.call) {
    const spec = parseNpmSpec(positional.value);
    if (!isCredential(positional.value, spec)) launch.packages.push({ spec, text: positional.value, value: positional, via: 'positional' });
  }
  return launch;
}

/**
 * A word in a package position that is a token, not a package (`npx ghp_…`, `npx -p <hex
 * key>`): npx would try to fetch it, but reporting it as a package would quote the secret.
 * The reasons for the shape test are in secrets/credentialShape.ts.
 */
function isCredential(text: string, spec: NpmSpec): boolean {
  return isCredentialShaped(text) || (spec.name !== undefined && spec.kind !== 'git' && isUpperCaseNpmName(spec.name));
}

/** Index of the first argument that is not an option (or an option's value) of the tool itself. */
function subcommandIndex(args: readonly StringValue[]): number {
  for (let i = 0; i < args.length; i++) {
    const text = args[i].value;
    if (!text.startsWith('-')) return i;
    if (!text.includes('=') && PRE_SUBCOMMAND_WITH_VALUE.has(text)) i++;
  }
  return -1;
}

export function splitFlag(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq > 0 && text.startsWith('-') ? [text.slice(0, eq), text.slice(eq + 1)] : [text, undefined];
}
