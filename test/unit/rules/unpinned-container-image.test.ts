import { test } from 'node:test';
import { expectFindings, expectClean } from '../launch/harness';

const ID = 'unpinned-container-image';

test('no tag / latest warn, other tags inform, on the image argument after options with values', () => {
  expectFindings(
    ID,
    {
      a: { command: 'docker', args: ['run', '-i', '--rm', '-e', 'GITHUB_TOKEN', 'ghcr.io/github/github-mcp-server'] },
      b: { command: 'podman', args: ['run', '-i', '--network', 'host', '-v', '/a:/b', 'mcp/fetch:latest', '--flag'] },
      c: { command: 'docker', args: ['run', '--rm', '-i', 'acme/server:1.4'] },
      d: { command: 'docker', args: ['container', 'run', '-it', '--name=x', 'node'] },
    },
    [
      { at: 'ghcr.io/github/github-mcp-server', severity: 'warning', message: /no tag \(= latest\)/ },
      { at: 'mcp/fetch:latest', severity: 'warning', message: /"mcp\/fetch:latest"/ },
      { at: 'acme/server:1.4', severity: 'information', message: /re-pushed/ },
      { at: 'node', severity: 'warning' },
    ],
  );
});

test('digests, local single-name builds, variables and non-run subcommands are fine', () => {
  expectClean(ID, {
    a: { command: 'docker', args: ['run', '-i', 'mcp/git@sha256:' + 'a'.repeat(64)] },
    b: { command: 'docker', args: ['run', '-i', 'acme/x:1.2@sha256:' + 'b'.repeat(64)] },
    c: { command: 'docker', args: ['run', '-i', 'mcp-filesystem:latest'] },
    d: { command: 'docker', args: ['run', '-i', '${IMAGE}'] },
    e: { command: 'docker', args: ['exec', '-i', 'container', 'npx', 'x'] },
  });
});
