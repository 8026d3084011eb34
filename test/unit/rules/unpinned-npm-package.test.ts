import { test } from 'node:test';
import { expectFindings, expectClean, settingsWith } from '../launch/harness';

const ID = 'unpinned-npm-package';

test('unpinned npm specs across npx, npm exec, bunx, pnpm dlx, pnpx and yarn dlx are reported on the spec', () => {
  expectFindings(
    ID,
    {
      a: { command: 'npx', args: ['-y', '@scope/server'] },
      b: { command: 'npm', args: ['exec', '--yes', '--', 'tool@latest'] },
      c: { command: 'bunx', args: ['--bun', 'bun-tool@>=1'] },
      d: { command: 'pnpm', args: ['dlx', 'pnpm-tool@^2.0.0'] },
      e: { command: 'pnpx', args: ['pnpx-tool@next'] },
      f: { command: 'yarn', args: ['dlx', '-p', 'yarn-tool', 'bin'] },
      g: { command: 'npx', args: ['--package=pkg-option', 'bin-name'] },
    },
    [
      {
        at: '@scope/server',
        severity: 'warning',
        message: /^npm package "@scope\/server" has no version: pin an exact version\. .*npx -y installs it without asking/,
      },
      { at: 'tool@latest', severity: 'warning', message: /follows the moving "latest" tag: pin an exact version/ },
      { at: 'bun-tool@>=1', severity: 'warning', message: /open range \(">=1"\): pin an exact version/ },
      { at: 'pnpm-tool@^2.0.0', severity: 'information', message: /version range/ },
      { at: 'pnpx-tool@next', severity: 'warning', message: /pnpx installs it without asking/ },
      { at: 'yarn-tool', severity: 'warning', message: /yarn dlx/ },
      { at: '--package=pkg-option', piece: 'pkg-option', severity: 'warning', message: /"pkg-option"/ },
    ],
  );
});

test('pinned specs are fine, with or without -y; git, URL and local specs are left to other rules', () => {
  expectClean(ID, {
    a: { command: 'npx', args: ['-y', '@scope/server@1.2.3'] },
    b: { command: 'npx', args: ['pkg@1.0.0-beta.2', '--flag', 'unpinned-looking-arg'] },
    c: { command: 'bunx', args: ['tool@2.0.0'] },
    d: { command: 'npx', args: ['-y', 'github:user/repo'] },
    e: { command: 'npx', args: ['./local'] },
    f: { command: 'node', args: ['server.js'] },
    g: { command: 'npx', args: ['-y', '<your-mcp-server>'] },
  });
});

test('cmd /c npx on Windows is read through; the bridge message mentions credentials', () => {
  expectFindings(
    ID,
    {
      remote: { command: 'cmd', args: ['/c', 'npx', '-y', 'mcp-remote', 'https://example.com/mcp'] },
    },
    [{ at: 'mcp-remote', message: /bridge that handles your remote server's credentials/ }],
    { dialects: ['vscode', 'claude-desktop'] },
  );
});

test('a command written as one string points at the package inside it', () => {
  expectFindings(ID, { a: { command: 'npx -y some-server' } }, [{ at: 'npx -y some-server', piece: 'some-server' }], { dialects: ['claude-code', 'codex'] });
});

test('trustedPackages silences a package (exact name or scope wildcard)', () => {
  const servers = { a: { command: 'npx', args: ['-y', '@acme/server'] }, b: { command: 'npx', args: ['other'] } };
  expectFindings(ID, servers, [{ at: 'other' }], { settings: settingsWith({ trustedPackages: ['@acme/*'] }), dialects: ['vscode', 'codex'] });
  expectFindings(ID, servers, [{ at: '@acme/server' }], { settings: settingsWith({ trustedPackages: ['other@1.0.0'] }), dialects: ['vscode', 'continue'] });
});

test('a single command wrapped in sh -c is read through', () => {
  expectFindings(ID, { t: { command: 'bash', args: ['-c', 'npx -y tavily-mcp'] } }, [{ at: 'npx -y tavily-mcp', piece: 'tavily-mcp' }], {
    dialects: ['vscode', 'continue'],
  });
  expectClean(ID, { t: { command: 'bash', args: ['-c', 'npx -y tavily-mcp@0.1.3'] } }, { dialects: ['vscode'] });
});
