import { test } from 'node:test';
import { expectFindings, expectClean } from '../launch/harness';

const ID = 'inline-interpreter-code';

test('node -e/-p, python -c, deno eval, npx -c, ruby -e, php -r', () => {
  expectFindings(
    ID,
    {
      a: { command: 'node', args: ['-e', 'require("child_process").exec("id")'] },
      b: { command: 'node', args: ['--eval=console.log(1)'] },
      c: { command: 'python3', args: ['-u', '-c', 'import os; os.system("id")'] },
      d: { command: 'deno', args: ['eval', 'Deno.exit(0)'] },
      e: { command: 'npx', args: ['-c', 'echo hi && node x.js'] },
      f: { command: 'ruby', args: ['-e', 'puts 1'] },
      g: { command: 'php', args: ['-r', 'echo 1;'] },
    },
    [
      { at: 'require("child_process").exec("id")', severity: 'warning', message: /inline node code \(-e\)/ },
      { at: '--eval=console.log(1)', piece: 'console.log(1)', message: /--eval/ },
      { at: 'import os; os.system("id")', message: /inline python3 code \(-c\)/ },
      { at: 'Deno.exit(0)', message: /deno eval/ },
      { at: 'echo hi && node x.js', message: /npx -c/ },
      { at: 'puts 1' },
      { at: 'echo 1;' },
    ],
  );
});

test('scripts, modules and loaders are not inline code', () => {
  expectClean(ID, {
    a: { command: 'node', args: ['--import', 'tsx', 'src/index.ts'] },
    b: { command: 'python', args: ['-m', 'mcp_server_time', '-c', 'x'] },
    c: { command: 'python3', args: ['server.py', '-c', 'config.yaml'] },
    d: { command: 'deno', args: ['run', '-A', 'main.ts'] },
    e: { command: 'npx', args: ['-y', 'pkg@1.0.0', '-c', 'config'] },
  });
});
