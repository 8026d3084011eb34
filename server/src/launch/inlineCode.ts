import type { StringValue } from '../core/model';
import type { Invocation } from '../core/invocation';
import { splitFlag } from './npmLaunch';
import { lookupTable } from '../core/lookupTable';

/**
 * Code given to an interpreter on its command line: `node -e`, `node -p`, `bun -e`,
 * `python -c`, `ruby -e`, `perl -e`, `php -r`, `osascript -e`. (`deno eval` and `npx -c` are
 * read by their launch parsers.) Returns the flag and the argument holding the code.
 */
export interface InlineCode {
  interpreter: string;
  flag: string;
  code: StringValue;
}

const FLAGS: Array<[RegExp, RegExp]> = [
  [/^(?:node|nodejs|bun)$/, /^(?:-e|--eval|-p|--print)$/],
  [/^(?:python|python\d(?:\.\d+)?|pypy\d?|py)$/, /^-[A-Za-z]*c$/],
  [/^(?:ruby|perl)$/, /^-[A-Za-z]*[eE]$/],
  [/^php$/, /^-r$/],
  [/^osascript$/, /^-e$/],
  [/^rscript$/, /^(?:-e|--expr)$/],
  [/^(?:lua|luajit)(?:\d(?:\.\d+)?)?$/, /^-e$/],
  [/^julia$/, /^(?:-e|--eval|-E|--print)$/],
  [/^(?:elixir|groovy)$/, /^-e$/],
];

/**
 * Environment runners that start the program after `run` in a managed environment:
 * `uv run python -c …`, `poetry run python -c …`, `pipenv run`, `pdm run`, `hatch run`,
 * `rye run`, `pixi run`, `conda run -n env`. Their options before the program take values.
 */
const RUNNERS = lookupTable<ReadonlySet<string>>({
  uv: new Set([
    '--with',
    '-w',
    '--with-editable',
    '--with-requirements',
    '--python',
    '-p',
    '--directory',
    '--project',
    '--package',
    '--extra',
    '--group',
    '--env-file',
    '--index',
    '--index-url',
    '--extra-index-url',
    '--default-index',
    '--find-links',
    '-f',
    '--config-file',
    '--cache-dir',
    '--color',
  ]),
  poetry: new Set(['-C', '--directory', '-P', '--project']),
  pipenv: new Set([]),
  pdm: new Set(['-p', '--project']),
  hatch: new Set(['-e', '--env']),
  rye: new Set([]),
  pixi: new Set(['-e', '--environment', '--manifest-path']),
  conda: new Set(['-n', '--name', '-p', '--prefix', '--cwd']),
  mamba: new Set(['-n', '--name', '-p', '--prefix', '--cwd']),
  micromamba: new Set(['-n', '--name', '-p', '--prefix', '--cwd']),
});

/** The program an environment runner starts (`uv run python -c x` -> `python -c x`), or the invocation itself. */
function throughRunner(invocation: Invocation): Invocation {
  const withValue = RUNNERS[invocation.program];
  if (!withValue) return invocation;
  const args = invocation.args;
  let i = 0;
  // Options before the subcommand (`uv --directory x run …`).
  while (i < args.length && args[i].value.startsWith('-')) i += !args[i].value.includes('=') && withValue.has(args[i].value) ? 2 : 1;
  if (args[i]?.value !== 'run') return invocation;
  for (i++; i < args.length; i++) {
    const text = args[i].value;
    if (text === '--') {
      i++;
      break;
    }
    if (!text.startsWith('-')) break;
    if (!text.includes('=') && withValue.has(text)) i++;
  }
  const program = args[i];
  if (!program) return invocation;
  const name = program.value
    .replace(/\\/g, '/')
    .split('/')
    .pop()!
    .toLowerCase()
    .replace(/\.(?:exe|cmd)$/, '');
  return { program: name, programValue: program, args: args.slice(i + 1) };
}

export function inlineCodeOf(original: Invocation): InlineCode | undefined {
  const invocation = throughRunner(original);
  const entry = FLAGS.find(([program]) => program.test(invocation.program));
  if (!entry) return undefined;
  const args = invocation.args;
  for (let i = 0; i < args.length; i++) {
    const text = args[i].value;
    if (!text.startsWith('-')) return undefined; // a script file or module: code is not inline
    if (text === '-m') return undefined; // python -m module
    const [flag, inline] = splitFlag(text);
    if (entry[1].test(flag)) {
      const code = inline !== undefined ? { value: inline, node: args[i].node } : args[i + 1];
      return code ? { interpreter: invocation.program, flag, code } : undefined;
    }
    if (/^(?:-r|--require|--import|--loader|-W|-X|--input-type)$/.test(text)) i++;
  }
  return undefined;
}
