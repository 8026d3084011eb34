import { test } from 'node:test';
import { expectFindings, expectClean } from '../launch/harness';

const ID = 'unpinned-deno-module';

test('npm:, jsr: and https:// modules without an exact version', () => {
  expectFindings(
    ID,
    {
      a: { command: 'deno', args: ['run', '-A', 'jsr:@scope/server'] },
      b: { command: 'deno', args: ['run', '--allow-net', 'npm:some-server@^1.0.0'] },
      c: { command: 'deno', args: ['run', '--config', 'deno.json', 'https://deno.land/x/mcp/server.ts'] },
      d: { command: 'deno', args: ['run', 'npm:tagged@latest'] },
    },
    [
      { at: 'jsr:@scope/server', severity: 'warning', message: /^"jsr:@scope\/server" is not pinned: pin an exact version\..*with no version/ },
      { at: 'npm:some-server@^1.0.0', severity: 'information' },
      { at: 'https://deno.land/x/mcp/server.ts', severity: 'warning', message: /no version in its URL/ },
      { at: 'npm:tagged@latest', severity: 'warning', message: /"latest" tag|at the moving "latest"|"npm:tagged" is not pinned/ },
    ],
  );
});

test('exact versions in specifiers and URLs, and local files, are fine', () => {
  expectClean(ID, {
    a: { command: 'deno', args: ['run', '-A', 'jsr:@scope/server@1.2.3'] },
    b: { command: 'deno', args: ['run', 'npm:@scope/pkg@2.0.0/sub'] },
    c: { command: 'deno', args: ['run', 'https://deno.land/x/mcp@v1.2.3/server.ts'] },
    d: { command: 'deno', args: ['run', 'https://raw.githubusercontent.com/u/r/' + 'c'.repeat(40) + '/s.ts'] },
    e: { command: 'deno', args: ['run', '-A', './uuid-server/main.ts'] },
  });
});
