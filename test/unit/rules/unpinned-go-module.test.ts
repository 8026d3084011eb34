import { test } from 'node:test';
import { expectFindings, expectClean } from '../launch/harness';

const ID = 'unpinned-go-module';

test('go run at @latest or a branch warns; without a version informs', () => {
  expectFindings(
    ID,
    {
      a: { command: 'go', args: ['run', 'github.com/acme/mcp/cmd/server@latest', 'stdio'] },
      b: { command: 'go', args: ['run', '-tags', 'netgo', 'github.com/acme/other@main'] },
      c: { command: 'go', args: ['run', 'github.com/acme/third/cmd'] },
    },
    [
      { at: 'github.com/acme/mcp/cmd/server@latest', severity: 'warning', message: /follows "@latest": pin a release\./ },
      { at: 'github.com/acme/other@main', severity: 'warning' },
      { at: 'github.com/acme/third/cmd', severity: 'information', message: /go\.mod/ },
    ],
  );
});

test('versions, commits and local packages are fine', () => {
  expectClean(ID, {
    a: { command: 'go', args: ['run', 'github.com/acme/mcp@v1.2.3'] },
    b: { command: 'go', args: ['run', 'github.com/acme/mcp@0123456789ab'] },
    c: { command: 'go', args: ['run', './cmd/server'] },
    d: { command: 'go', args: ['run', 'main.go'] },
  });
});
