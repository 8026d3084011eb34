import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine';
import { invocationOf } from '../../../server/src/core/invocation';
import { dockerRunOf, isFlagOn, parseDockerMount, parseImageReference, dockerOptions } from '../../../server/src/launch/docker';

function runOf(command: string, args: string[]) {
  const text = JSON.stringify({ servers: { s: { command, args } } }, null, 2);
  const analysis = analyze(text, '/repo/.vscode/mcp.json');
  const server = analysis!.config.servers[0];
  return { run: dockerRunOf(invocationOf(server)!), text };
}

const summarize = (command: string, args: string[]) => {
  const { run } = runOf(command, args);
  if (!run) return undefined;
  return {
    options: run.options.map((o) => (o.value ? `${o.name}=${o.value.value}` : o.name)),
    image: run.image?.reference,
    imageArgs: run.imageArgs.map((a) => a.value),
  };
};

const CASES: Array<[string, string, string[], ReturnType<typeof summarize>]> = [
  ['plain', 'docker', ['run', '-i', '--rm', 'mcp/github'], { options: ['--interactive', '--rm'], image: 'mcp/github', imageArgs: [] }],
  [
    'combined short flags',
    'docker',
    ['run', '-it', '--rm', 'alpine', 'sh'],
    { options: ['--interactive', '--tty', '--rm'], image: 'alpine', imageArgs: ['sh'] },
  ],
  [
    'values both ways',
    'docker',
    ['run', '-e', 'A=1', '--env=B=2', '-v', '/a:/b', '--network', 'host', 'img:1'],
    {
      options: ['--env=A=1', '--env=B=2', '--volume=/a:/b', '--network=host'],
      image: 'img:1',
      imageArgs: [],
    },
  ],
  [
    'attached short value',
    'docker',
    ['run', '-eTOKEN=x', '-itv', '/a:/b', 'img'],
    {
      options: ['--env=TOKEN=x', '--interactive', '--tty', '--volume=/a:/b'],
      image: 'img',
      imageArgs: [],
    },
  ],
  [
    'aliases',
    'podman',
    ['run', '--net', 'host', '-u', '0', '-w', '/w', 'img', '--flag', 'x'],
    {
      options: ['--network=host', '--user=0', '--workdir=/w'],
      image: 'img',
      imageArgs: ['--flag', 'x'],
    },
  ],
  ['container run and globals', 'docker', ['--context', 'remote', 'container', 'run', '--rm', 'img'], { options: ['--rm'], image: 'img', imageArgs: [] }],
  ['double dash ends options', 'docker', ['run', '--rm', '--', '-weird-image'], { options: ['--rm'], image: '-weird-image', imageArgs: [] }],
  ['boolean with =false', 'docker', ['run', '--privileged=false', 'img'], { options: ['--privileged=false'], image: 'img', imageArgs: [] }],
  ['no image', 'docker', ['run', '-i', '--name'], { options: ['--interactive', '--name'], image: undefined, imageArgs: [] }],
  ['nerdctl', 'nerdctl', ['run', '--pid=host', 'img'], { options: ['--pid=host'], image: 'img', imageArgs: [] }],
  ['not run', 'docker', ['exec', '-i', 'box', 'cmd'], undefined],
  ['not docker', 'npx', ['run', 'x'], undefined],
];

for (const [name, command, args, expected] of CASES) {
  test(`dockerRunOf: ${name}`, () => assert.deepEqual(summarize(command, args), expected));
}

test('dockerRunOf reads a one-string command and a cmd /c wrapper', () => {
  assert.equal(summarize('docker run -i --rm mcp/time', [])?.image, 'mcp/time');
  assert.deepEqual(summarize('cmd', ['/c', 'docker', 'run', '--privileged', 'img']), { options: ['--privileged'], image: 'img', imageArgs: [] });
});

test('options point at their own nodes; inline values share the flag node', () => {
  const { run, text } = runOf('docker', ['run', '-v', '/:/host', '--cap-add=ALL', 'img']);
  const [volume, cap] = run!.options;
  assert.equal(text.slice(volume.flag.node.offset, volume.flag.node.offset + volume.flag.node.length), '"-v"');
  assert.equal(text.slice(volume.value!.node.offset, volume.value!.node.offset + volume.value!.node.length), '"/:/host"');
  assert.equal(volume.index, 1);
  assert.equal(volume.valueIndex, 2);
  assert.equal(cap.inline, true);
  assert.equal(cap.value!.node, cap.flag.node);
  assert.equal(cap.value!.value, 'ALL');
  assert.equal(run!.image!.index, 4);
  assert.equal(dockerOptions(run!, '--volume').length, 1);
});

test('isFlagOn', () => {
  const { run } = runOf('docker', ['run', '--privileged', '--init=false', '--rm=true', 'img']);
  assert.deepEqual(run!.options.map(isFlagOn), [true, false, true]);
});

const IMAGES: Array<[string, ReturnType<typeof parseImageReference>]> = [
  ['alpine', { reference: 'alpine', repository: 'alpine' }],
  ['mcp/github:latest', { reference: 'mcp/github:latest', repository: 'mcp/github', tag: 'latest' }],
  [
    'ghcr.io/github/github-mcp-server:v0.5.0',
    { reference: 'ghcr.io/github/github-mcp-server:v0.5.0', registry: 'ghcr.io', repository: 'github/github-mcp-server', tag: 'v0.5.0' },
  ],
  ['localhost:5000/x@sha256:abc', { reference: 'localhost:5000/x@sha256:abc', registry: 'localhost:5000', repository: 'x', digest: 'sha256:abc' }],
  ['a/b:1.0@sha256:def', { reference: 'a/b:1.0@sha256:def', repository: 'a/b', tag: '1.0', digest: 'sha256:def' }],
];
for (const [reference, expected] of IMAGES) {
  test(`parseImageReference ${reference}`, () => assert.deepEqual(parseImageReference(reference), expected));
}

test('parseDockerMount reads -v and --mount', () => {
  const { run } = runOf('docker', [
    'run',
    '-v',
    '/:/host:ro',
    '-v',
    'data:/data',
    '-v',
    'C:\\Users\\me:/w',
    '--mount',
    'type=bind,src=/var/run/docker.sock,dst=/var/run/docker.sock',
    '--mount',
    'type=volume,src=v,dst=/v',
    'img',
  ]);
  assert.deepEqual(run!.options.map(parseDockerMount), [
    { source: '/', target: '/host', readOnly: true, named: false },
    { source: 'data', target: '/data', readOnly: false, named: true },
    { source: 'C:\\Users\\me', target: '/w', readOnly: false, named: false },
    { source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: false, named: false },
    { source: 'v', target: '/v', readOnly: false, named: true },
  ]);
});
