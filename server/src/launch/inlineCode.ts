import type { StringValue } from '../engine/model';
import type { Invocation } from './command';
import { splitFlag } from './npmLaunch';

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
];

export function inlineCodeOf(invocation: Invocation): InlineCode | undefined {
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
