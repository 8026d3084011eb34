import { test } from 'node:test';
import { expectFindings, expectClean } from '../launch/harness';

const ID = 'loader-env-override';

test('preloads, Node loaders and debuggers, Java agents, BASH_ENV, risky search paths', () => {
  expectFindings(
    ID,
    {
      a: { command: 'node', args: ['s.js'], env: { LD_PRELOAD: '/tmp/hook.so', NODE_OPTIONS: '--max-old-space-size=4096 --require ./preload.cjs' } },
      b: { command: 'node', args: ['s.js'], env: { DYLD_INSERT_LIBRARIES: '/usr/local/lib/x.dylib', NODE_OPTIONS: '--inspect=0.0.0.0:9229' } },
      c: { command: 'java', args: ['-jar', 's.jar'], env: { JAVA_TOOL_OPTIONS: '-javaagent:/opt/agent.jar', BASH_ENV: '/home/me/.evil' } },
      d: { command: 'server', env: { PATH: '.:/usr/bin', PYTHONPATH: '/tmp/mods' } },
    },
    [
      { at: '/tmp/hook.so', severity: 'error', message: /LD_PRELOAD/ },
      { at: '--max-old-space-size=4096 --require ./preload.cjs', severity: 'warning', message: /--require/ },
      { at: '/usr/local/lib/x.dylib', severity: 'error' },
      { at: '--inspect=0.0.0.0:9229', severity: 'warning', message: /debugger port/ },
      { at: '-javaagent:/opt/agent.jar', severity: 'warning', message: /Java agent/ },
      { at: '/home/me/.evil', severity: 'warning', message: /BASH_ENV/ },
      { at: '.:/usr/bin', severity: 'warning', message: /current directory/ },
      { at: '/tmp/mods', severity: 'warning', message: /shared writable directory/ },
    ],
  );
});

test('ordinary PATH extensions, project PYTHONPATH and harmless NODE_OPTIONS are fine', () => {
  expectClean(ID, {
    a: { command: 'node', args: ['s.js'], env: { PATH: '/opt/homebrew/bin:/usr/bin:${env:PATH}', NODE_OPTIONS: '--max-old-space-size=4096' } },
    b: { command: 'python', args: ['-m', 'x'], env: { PYTHONPATH: './tools/magpie', LD_LIBRARY_PATH: '/usr/local/cuda/lib64' } },
    c: { command: 'python', args: ['-m', 'x'], env: { PYTHONPATH: 'C:/Github/excel-mcp-server' } },
  });
});
