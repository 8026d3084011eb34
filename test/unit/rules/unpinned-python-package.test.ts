import { test } from 'node:test';
import { expectFindings, expectClean, settingsWith } from '../launch/harness';

const ID = 'unpinned-python-package';

test('uvx, uv tool run, pipx run and uv run --with without an exact version', () => {
  expectFindings(
    ID,
    {
      a: { command: 'uvx', args: ['mcp-server-fetch'] },
      b: { command: 'uvx', args: ['awslabs.aws-documentation-mcp-server@latest'] },
      c: { command: 'uv', args: ['tool', 'run', '--from', 'pkg-a>=1.0', 'cmd-a'] },
      d: { command: 'pipx', args: ['run', '--spec', 'pkg-b~=1.2', 'cmd-b'] },
      e: { command: 'uv', args: ['run', '--with', 'mcp', 'mcp', 'run', 'server.py'] },
      f: { command: 'uvx', args: ['--with', 'extra-dep', 'main-pkg==1.0.0'] },
    },
    [
      {
        at: 'mcp-server-fetch',
        severity: 'warning',
        message:
          /^PyPI package "mcp-server-fetch" has no version: pin one version\. .*uvx installs the newest release.*"mcp-server-fetch==<version>".*pip index versions mcp-server-fetch lists them/,
      },
      { at: 'awslabs.aws-documentation-mcp-server@latest', severity: 'warning', message: /re-resolves/ },
      { at: 'pkg-a>=1.0', severity: 'warning', message: /open range/ },
      { at: 'pkg-b~=1.2', severity: 'information', message: /range/ },
      { at: 'mcp', severity: 'warning', message: /PyPI package "mcp" \(added with --with\)/ },
      { at: 'extra-dep', severity: 'warning', message: /--with/ },
    ],
  );
});

test("exact pins in every spelling, local paths and git sources are not this rule's business", () => {
  expectClean(ID, {
    a: { command: 'uvx', args: ['mcp-server-time==2025.9.25', '--local-timezone=UTC'] },
    b: { command: 'uvx', args: ['mcp-server-git@2026.1.14'] },
    c: { command: 'uvx', args: ['--from', 'awslabs-ecs-mcp-server===0.1.2', 'ecs-mcp-server'] },
    d: { command: 'uvx', args: ['--from', 'git+https://github.com/oraios/serena', 'serena'] },
    e: { command: 'uv', args: ['run', 'server.py'] },
    f: { command: 'uvx', args: ['--python', '3.12', 'pkg[cli]==1.0'] },
  });
});

test('trustedPackages matches PEP 503-normalised names', () => {
  expectClean(
    ID,
    { a: { command: 'uvx', args: ['AwsLabs_Core-MCP-Server'] } },
    { settings: settingsWith({ trustedPackages: ['awslabs.core-mcp-server'] }), dialects: ['vscode', 'continue'] },
  );
});
