import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { allCommands } from '../launch/effective';
import { lookupTable } from '../core/lookupTable';

const SUBCOMMANDS = new Set(['run', 'serve', 'x']);
const WITH_VALUE = new Set(['-c', '--config', '--import-map', '--lock', '--cert', '--location', '--seed', '--log-level', '--ext', '-L']);
/** Permission flags that, without an allow-list, switch the sandbox off for that resource. */
const BROAD = lookupTable<string>({
  '-A': 'every permission',
  '--allow-all': 'every permission',
  '--allow-run': 'running any program (which escapes every other permission)',
  '--allow-ffi': 'loading native libraries (which escapes every other permission)',
  '--allow-write': 'writing anywhere on disk',
  '-W': 'writing anywhere on disk',
});

/**
 * Deno's permission sandbox is the reason to run a server with Deno; `-A` / `--allow-all`,
 * and a bare `--allow-run`, `--allow-ffi` or `--allow-write`, hand all of it back.
 */
export const rule: Rule = {
  id: 'deno-all-permissions',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A Deno server runs with -A/--allow-all, or with --allow-run, --allow-ffi or --allow-write without a list.',
    fixable: false,
    owasp: ['MCP02'],
    threat: 'Sandbox escape and over-broad access: the server (and an agent steering it) can read, write, connect and run anything.',
  },
  checkServer(context, server) {
    for (const invocation of allCommands(server)) {
      if (!invocation || invocation.program !== 'deno') continue;
      const args = invocation.args;
      let i = 0;
      if (i < args.length && SUBCOMMANDS.has(args[i].value)) i++;
      for (; i < args.length; i++) {
        const text = args[i].value;
        if (!text.startsWith('-')) break; // the script: later flags are the script's own
        if (WITH_VALUE.has(text)) {
          i++;
          continue;
        }
        const what = BROAD[text];
        if (!what) continue;
        context.report({
          node: args[i].node,
          server,
          message: `Deno runs with ${shortValue(text, 30)}: list exactly what it needs (e.g. --allow-net=api.example.com). Server "${server.name}" is allowed ${what}: Deno's sandbox no longer limits it (--allow-read=./data style flags do).`,
        });
      }
    }
  },
};
