import type { StringValue } from '../core/model';
import type { Invocation } from '../core/invocation';
import type { NpmLaunch } from './npmLaunch';
import type { PythonLaunch } from './pythonLaunch';
import { splitFlag } from './npmLaunch';
import { parseNpmSpec } from './npmSpec';
import { parsePythonSpec } from './pythonSpec';
import { lookupTable } from '../core/lookupTable';

/**
 * Package installs a server's shell string runs before starting it
 * (`npm install -g pkg && pkg`, `pip install pkg && python -m pkg`, `pipx install pkg`):
 * like a launcher, they fetch whatever the registry serves when no exact version is named.
 * Read into the launchers' shapes so the unpinned and supply-chain rules check them the same
 * way. An install with no package (`npm ci`, `pip install -r requirements.txt`) has none.
 */

const NPM_INSTALL = lookupTable<ReadonlySet<string>>({
  npm: new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isntall', 'add']),
  pnpm: new Set(['add', 'install', 'i']),
  yarn: new Set(['add']),
  bun: new Set(['add', 'install', 'i', 'a']),
});
const NPM_WITH_VALUE = new Set([
  '--registry',
  '--prefix',
  '-C',
  '--dir',
  '--cwd',
  '--cache',
  '--userconfig',
  '--globalconfig',
  '--loglevel',
  '--omit',
  '--include',
  '--tag',
  '--filter',
  '-F',
  '--workspace',
  '-w',
  '--install-strategy',
  '--config',
]);

export function npmInstallOf(invocation: Invocation): NpmLaunch | undefined {
  const verbs = NPM_INSTALL[invocation.program];
  if (!verbs) return undefined;
  let args = invocation.args;
  let i = 0;
  while (i < args.length && args[i].value.startsWith('-')) i += !args[i].value.includes('=') && NPM_WITH_VALUE.has(args[i].value) ? 2 : 1;
  if (invocation.program === 'yarn' && args[i]?.value === 'global') i++;
  if (!args[i] || !verbs.has(args[i].value)) return undefined;
  const launcher = `${invocation.program} ${args[i].value}`;
  args = args.slice(i + 1);
  const launch: NpmLaunch = { launcher, autoInstall: true, packages: [] };
  for (let k = 0; k < args.length; k++) {
    const text = args[k].value;
    if (text === '--') continue;
    if (text.startsWith('-')) {
      const [flag, inline] = splitFlag(text);
      if (inline === undefined && NPM_WITH_VALUE.has(flag)) {
        if (flag === '--registry' && args[k + 1]) launch.registry = args[k + 1];
        if (flag === '--userconfig' && args[k + 1]) launch.userconfig = args[k + 1];
        k++;
      } else if (flag === '--registry' && inline !== undefined) launch.registry = { value: inline, node: args[k].node };
      continue;
    }
    launch.packages.push({ spec: parseNpmSpec(text), text, value: args[k], via: 'positional' });
  }
  return launch.packages.length || launch.registry ? launch : undefined;
}

const PIP_WITH_VALUE = new Set([
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-e',
  '--editable',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '--python',
  '-p',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--src',
  '--upgrade-strategy',
  '--progress-bar',
  '--log',
  '--proxy',
  '--retries',
  '--timeout',
  '--exists-action',
  '--cert',
  '--client-cert',
  '--cache-dir',
  '--report',
  '--spec',
  '--suffix',
  '--pip-args',
  '--backend',
  '--with',
  '-w',
  '--index-url',
  '-i',
  '--extra-index-url',
  '--index',
  '--default-index',
  '--find-links',
  '-f',
  '--trusted-host',
  '--allow-insecure-host',
  '--only-binary',
  '--no-binary',
]);
const INDEX_OPTIONS = new Set(['--index-url', '-i', '--extra-index-url', '--index', '--default-index', '--find-links', '-f']);

export function pythonInstallOf(invocation: Invocation): PythonLaunch | undefined {
  const { program } = invocation;
  let args = invocation.args;
  let launcher: string;
  if (/^pip(?:\d(?:\.\d+)?)?$/.test(program)) launcher = program;
  else if (/^(?:python|python\d(?:\.\d+)?|py)$/.test(program) && args[0]?.value === '-m' && /^pip\d?$/.test(args[1]?.value ?? '')) {
    launcher = `${program} -m pip`;
    args = args.slice(2);
  } else if (program === 'uv' && args[0]?.value === 'pip') {
    launcher = 'uv pip';
    args = args.slice(1);
  } else if (program === 'uv' && args[0]?.value === 'tool' && args[1]?.value === 'install') {
    launcher = 'uv tool';
    args = args.slice(1);
  } else if (program === 'pipx') launcher = 'pipx';
  else return undefined;
  const verb = args.findIndex((a) => !a.value.startsWith('-'));
  if (verb < 0 || args[verb].value !== 'install') return undefined;
  launcher += ' install';
  const launch: PythonLaunch = { launcher, packages: [], indexes: [], insecureHosts: [] };
  const rest = args.slice(verb + 1);
  for (let k = 0; k < rest.length; k++) {
    const text = rest[k].value;
    if (!text.startsWith('-')) {
      launch.packages.push({ spec: parsePythonSpec(text), text, value: rest[k], role: 'main' });
      continue;
    }
    const [flag, inline] = splitFlag(text);
    if (!PIP_WITH_VALUE.has(flag)) continue;
    const holder = inline !== undefined ? rest[k] : rest[++k];
    if (!holder) break;
    const value: StringValue = { value: inline ?? holder.value, node: holder.node };
    if (INDEX_OPTIONS.has(flag)) launch.indexes.push({ option: flag, value });
    else if (flag === '--trusted-host' || flag === '--allow-insecure-host') launch.insecureHosts.push(value);
    else if (flag === '--spec' || flag === '--with' || flag === '-w')
      launch.packages.push({ spec: parsePythonSpec(value.value), text: value.value, value, role: flag === '--spec' ? 'main' : 'with' });
  }
  return launch.packages.length || launch.indexes.length || launch.insecureHosts.length ? launch : undefined;
}
