import { PATHS, render, STDIO, type DialectId, type Srv } from './dialects';
import type { QualityCase } from './labelled';

/**
 * A labelled set for issue 15, classes 4 and 6, measured by evaluate.ts like the main set.
 *  - Class 4 ([unpinned]): a launcher run inside a container or a shell (`docker exec -i ctr
 *    npx pkg`, `kubectl exec pod -- uvx pkg`, `sh -c "npx pkg"`, `cmd /c`, `pwsh -Command`)
 *    is unpinned like any other, the finding on the inner package text. Negatives: the same
 *    launches pinned, and containers or shells that run no registry launcher.
 *  - Class 6 ([supply-chain]): a name one or two edits from a genuine MCP package is a
 *    warning. Negatives: genuine names and unrelated real packages.
 * Every case is written for several clients in turn (`rotation` shifts which).
 */
class Builder {
  readonly cases: QualityCase[] = [];
  private counter = 0;
  constructor(private readonly rotation: number) {}

  private dialect(): DialectId {
    return STDIO[(this.counter++ + this.rotation) % STDIO.length];
  }

  pos(family: QualityCase['family'], name: string, rule: string, needle: string, srv: Srv): void {
    const dialect = this.dialect();
    this.cases.push({
      name: `${family} + ${name} [${dialect}]`,
      family,
      dialect,
      path: PATHS[dialect],
      text: render(dialect, 'main', srv),
      positive: true,
      rules: [rule],
      needle: JSON.stringify(needle).slice(1, -1),
    });
  }

  neg(family: QualityCase['family'], name: string, srv: Srv): void {
    const dialect = this.dialect();
    this.cases.push({
      name: `${family} - ${name} [${dialect}]`,
      family,
      dialect,
      path: PATHS[dialect],
      text: render(dialect, 'main', srv),
      positive: false,
      rules: [],
    });
  }
}

const DIGEST = 'sha256:' + 'a3f1'.repeat(16);

/** Inner launches: the unpinned text, the rule that reports it, and a pinned spelling of the same launch. */
const INNER: Array<{ words: string[]; needle: string; rule: string; pinned: string[] }> = [
  {
    words: ['npx', '-y', '@modelcontextprotocol/server-filesystem', '/data'],
    needle: '@modelcontextprotocol/server-filesystem',
    rule: 'unpinned-npm-package',
    pinned: ['npx', '-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '/data'],
  },
  { words: ['npx', '-y', 'tavily-mcp@latest'], needle: 'tavily-mcp@latest', rule: 'unpinned-npm-package', pinned: ['npx', '-y', 'tavily-mcp@0.2.9'] },
  {
    words: ['npx', 'mcp-remote', 'https://mcp.linear.app/sse'],
    needle: 'mcp-remote',
    rule: 'unpinned-npm-package',
    pinned: ['npx', 'mcp-remote@0.1.29', 'https://mcp.linear.app/sse'],
  },
  { words: ['uvx', 'mcp-server-fetch'], needle: 'mcp-server-fetch', rule: 'unpinned-python-package', pinned: ['uvx', 'mcp-server-fetch==2025.4.7'] },
  {
    words: ['uvx', '--from', 'awslabs.aws-documentation-mcp-server', 'awslabs.aws-documentation-mcp-server'],
    needle: 'awslabs.aws-documentation-mcp-server',
    rule: 'unpinned-python-package',
    pinned: ['uvx', '--from', 'awslabs.aws-documentation-mcp-server==1.1.2', 'awslabs.aws-documentation-mcp-server'],
  },
  { words: ['pipx', 'run', 'mcp-server-git'], needle: 'mcp-server-git', rule: 'unpinned-python-package', pinned: ['pipx', 'run', 'mcp-server-git==0.6.2'] },
  { words: ['bunx', '@upstash/context7-mcp'], needle: '@upstash/context7-mcp', rule: 'unpinned-npm-package', pinned: ['bunx', '@upstash/context7-mcp@1.0.14'] },
  { words: ['pnpm', 'dlx', 'firecrawl-mcp'], needle: 'firecrawl-mcp', rule: 'unpinned-npm-package', pinned: ['pnpm', 'dlx', 'firecrawl-mcp@1.12.0'] },
];

/** Container commands before the inner launch: [outer words, inner runs as separate words]. */
const CONTAINERS: Array<{ name: string; outer: string[] }> = [
  { name: 'docker exec -i', outer: ['docker', 'exec', '-i', 'mcp-tools'] },
  { name: 'docker exec with -e/-w/-u', outer: ['docker', 'exec', '-i', '-e', 'NODE_ENV=production', '-w', '/srv', '-u', 'node', 'mcp-tools'] },
  { name: 'docker exec with --env-file and --workdir=', outer: ['docker', 'exec', '--interactive', '--env-file', '.env.mcp', '--workdir=/srv', 'tools_1'] },
  { name: 'docker container exec -it', outer: ['docker', 'container', 'exec', '-it', 'devbox'] },
  { name: 'podman exec', outer: ['podman', 'exec', '-i', '--user', '1000', 'toolbox'] },
  {
    name: 'docker run with value options',
    outer: [
      'docker',
      'run',
      '--rm',
      '-i',
      '-e',
      'API_KEY',
      '--name',
      'mcp-node',
      '-v',
      '/home/dev/data:/data:ro',
      '--env-file',
      '.env',
      '-w',
      '/data',
      '-u',
      '1000:1000',
      `node@${DIGEST}`,
    ],
  },
  { name: 'docker run --network=none', outer: ['docker', 'run', '-i', '--rm', '--network=none', '--memory', '512m', `ghcr.io/astral-sh/uv@${DIGEST}`] },
  { name: 'podman run', outer: ['podman', 'run', '--rm', '-i', '--userns=keep-id', '-v', './work:/work:Z', `docker.io/library/node@${DIGEST}`] },
  { name: 'docker run --entrypoint', outer: ['docker', 'run', '--rm', '-i', '--entrypoint', '', `python@${DIGEST}`] },
  { name: 'kubectl exec --', outer: ['kubectl', 'exec', '-i', 'mcp-pod', '--'] },
  { name: 'kubectl exec -n -c --', outer: ['kubectl', 'exec', '-i', '-n', 'tools', '-c', 'runner', 'deploy/mcp', '--'] },
  { name: 'kubectl --context exec --', outer: ['kubectl', '--context', 'staging', 'exec', '-it', 'pod/mcp-0', '--namespace=ai', '--'] },
];

/** Shells: the inner launch as one script string. */
const SHELLS: Array<{ name: string; outer: string[]; script: (inner: string) => string }> = [
  { name: 'sh -c', outer: ['sh', '-c'], script: (s) => s },
  { name: 'bash -lc', outer: ['bash', '-lc'], script: (s) => s },
  { name: 'bash -c with set-up', outer: ['bash', '-c'], script: (s) => `source ~/.nvm/nvm.sh && ${s}` },
  { name: 'zsh -lc exec', outer: ['zsh', '-lc'], script: (s) => `exec ${s}` },
  { name: 'cmd /c', outer: ['cmd', '/c'], script: (s) => s },
  { name: 'pwsh -Command', outer: ['pwsh', '-NoProfile', '-Command'], script: (s) => s },
  { name: 'powershell -c', outer: ['powershell.exe', '-c'], script: (s) => `$env:NODE_ENV='production'; ${s}` },
  { name: 'sh -c inside docker exec', outer: ['docker', 'exec', '-i', 'mcp-tools', 'sh', '-c'], script: (s) => s },
  { name: 'bash -lc inside kubectl exec', outer: ['kubectl', 'exec', '-i', 'mcp-pod', '--', 'bash', '-lc'], script: (s) => `cd /srv && ${s}` },
];

/** Containers and shells that start no registry launcher: nothing [unpinned] may be reported. */
const QUIET: string[][] = [
  ['docker', 'exec', '-i', 'mcp-tools', 'node', '/srv/index.js'],
  ['docker', 'exec', '-i', '-e', 'npx=1', 'npx', 'python', '-m', 'server'],
  ['docker', 'exec', '-i', '--name', 'npx', 'tools', 'node', 'server.js'],
  ['podman', 'exec', '-i', 'toolbox', '/usr/local/bin/mcp-server'],
  ['docker', 'run', '--rm', '-i', '-e', 'CMD=npx -y pkg', `mcp/fetch@${DIGEST}`],
  ['docker', 'run', '--rm', '-i', '--name', 'uvx', `mcp/git@${DIGEST}`, '--repository', '/repo'],
  ['docker', 'run', '--rm', '-i', '-v', '/home/dev/.npm:/root/.npm', `node@${DIGEST}`, 'node', '/app/server.js'],
  ['kubectl', 'exec', '-i', 'mcp-pod', '--', 'node', '/app/dist/index.js'],
  ['kubectl', 'exec', '-i', 'npx', '--', 'python', 'server.py'],
  ['sh', '-c', 'node /opt/mcp/server.js'],
  ['bash', '-lc', 'cd ~/mcp && source .venv/bin/activate && python -m my_server'],
  ['cmd', '/c', 'node C:\\tools\\mcp\\index.js'],
  ['pwsh', '-Command', '& "C:\\Program Files\\nodejs\\node.exe" C:\\mcp\\server.js'],
  ['sh', '-c', 'echo npx -y pkg >&2; exec /usr/local/bin/mcp-server'],
];

function launchers(b: Builder): void {
  for (const inner of INNER) {
    for (const c of CONTAINERS) {
      b.pos('unpinned', `${c.name} ${inner.words.join(' ')}`, inner.rule, inner.needle, { command: c.outer[0], args: [...c.outer.slice(1), ...inner.words] });
      b.neg('unpinned', `${c.name} ${inner.pinned.join(' ')}`, { command: c.outer[0], args: [...c.outer.slice(1), ...inner.pinned] });
    }
    for (const s of SHELLS) {
      b.pos('unpinned', `${s.name} ${inner.words.join(' ')}`, inner.rule, inner.needle, {
        command: s.outer[0],
        args: [...s.outer.slice(1), s.script(inner.words.join(' '))],
      });
      b.neg('unpinned', `${s.name} ${inner.pinned.join(' ')}`, { command: s.outer[0], args: [...s.outer.slice(1), s.script(inner.pinned.join(' '))] });
    }
    // The whole command line in one string, as some clients allow.
    const c = CONTAINERS[0];
    b.pos('unpinned', `one string: ${c.name} ${inner.words.join(' ')}`, inner.rule, inner.needle, { command: [...c.outer, ...inner.words].join(' ') });
  }
  for (const words of QUIET) b.neg('unpinned', words.join(' '), { command: words[0], args: words.slice(1) });
}

/** Class 6: near-misses of genuine packages, and the genuine names themselves. */
const SQUATS: Array<{ launch: string[]; needle: string }> = [
  { launch: ['npx', '-y', '@modelcontextprotocol/server-filesytem@2025.8.21', '/data'], needle: '@modelcontextprotocol/server-filesytem' },
  { launch: ['npx', '-y', '@modelcontextprotocol/server-githb@2025.4.8'], needle: '@modelcontextprotocol/server-githb' },
  { launch: ['npx', '-y', '@modelcontextprotocol/sever-memory@2025.8.4'], needle: '@modelcontextprotocol/sever-memory' },
  { launch: ['npx', '-y', '@modelcontextprotocol/server-puppeter@2025.5.12'], needle: '@modelcontextprotocol/server-puppeter' },
  { launch: ['npx', '-y', '@modelcontextprotocol/server-sequential-thinkng@2025.7.1'], needle: '@modelcontextprotocol/server-sequential-thinkng' },
  { launch: ['npx', '-y', '@modelcontextprotocoll/server-filesystem@2025.8.21', '/data'], needle: '@modelcontextprotocoll/server-filesystem' },
  { launch: ['npx', '-y', '@upstash/contxt7-mcp@1.0.14'], needle: '@upstash/contxt7-mcp' },
  { launch: ['npx', '-y', 'tavliy-mcp@0.2.9'], needle: 'tavliy-mcp' },
  { launch: ['npx', '-y', 'firecrawl-mpc@1.12.0'], needle: 'firecrawl-mpc' },
  { launch: ['npx', '-y', 'mcp-remotee@0.1.29', 'https://mcp.linear.app/sse'], needle: 'mcp-remotee' },
  { launch: ['npx', '-y', '@playwright/mcpp@0.0.32'], needle: '@playwright/mcpp' },
  { launch: ['uvx', 'mcp-server-fecth==2025.4.7'], needle: 'mcp-server-fecth' },
  { launch: ['uvx', 'mcp-server-gti==0.6.2'], needle: 'mcp-server-gti' },
  { launch: ['uvx', 'mcp-server-tmie==0.6.2'], needle: 'mcp-server-tmie' },
  { launch: ['uvx', 'awslabs.aws-documentaion-mcp-server==1.1.2'], needle: 'awslabs.aws-documentaion-mcp-server' },
];

const GENUINE: string[][] = [
  ['npx', '-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '/data'],
  ['npx', '-y', '@modelcontextprotocol/server-everything@2025.9.25'],
  ['npx', '-y', '@modelcontextprotocol/server-memory@2025.8.4'],
  ['npx', '-y', '@modelcontextprotocol/server-sequential-thinking@2025.7.1'],
  ['npx', '-y', '@upstash/context7-mcp@1.0.14'],
  ['npx', '-y', 'tavily-mcp@0.2.9'],
  ['npx', '-y', 'firecrawl-mcp@1.12.0'],
  ['npx', '-y', 'mcp-remote@0.1.29', 'https://mcp.linear.app/sse'],
  ['npx', '-y', '@playwright/mcp@0.0.41'],
  ['uvx', 'mcp-server-fetch==2025.4.7'],
  ['uvx', 'mcp-server-git==2026.1.14'],
  ['uvx', 'mcp-server-time==0.6.2'],
  ['uvx', 'awslabs.aws-documentation-mcp-server==1.1.2'],
];

function typosquats(b: Builder): void {
  for (const { launch, needle } of SQUATS) {
    b.pos('supply-chain', launch.join(' '), 'typosquat-package', needle, { command: launch[0], args: launch.slice(1) });
    b.pos('supply-chain', `sh -c ${launch.join(' ')}`, 'typosquat-package', needle, { command: 'sh', args: ['-c', launch.join(' ')] });
  }
  for (const launch of GENUINE) {
    b.neg('supply-chain', launch.join(' '), { command: launch[0], args: launch.slice(1) });
    b.neg('supply-chain', `docker exec ${launch.join(' ')}`, { command: 'docker', args: ['exec', '-i', 'tools', ...launch] });
  }
}

export function buildLauncherSet(rotation = 0): QualityCase[] {
  const b = new Builder(rotation);
  launchers(b);
  typosquats(b);
  return b.cases;
}
