import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyTextEdits, LineIndex } from '../../../server/src/engine';
import { launchedPackages, pinEdit } from '../../../server/src/launch/packages';

function first(text: string, path = '/repo/.vscode/mcp.json') {
  const analysis = analyze(text, path)!;
  return { analysis, pkgs: launchedPackages(analysis.config.servers[0]) };
}

test('every launcher lands in one package list with its ecosystem and kind', () => {
  const cases: Array<[object, string, string, string]> = [
    [{ command: 'npx', args: ['-y', 'a@1.0.0'] }, 'npm', 'a', 'exact'],
    [{ command: 'uvx', args: ['b'] }, 'PyPI', 'b', 'none'],
    [{ command: 'docker', args: ['run', '-i', 'c/d:1'] }, 'Docker', 'c/d', 'range'],
    [{ command: 'docker', args: ['run', 'c/d@sha256:' + 'a'.repeat(64)] }, 'Docker', 'c/d', 'digest'],
    [{ command: 'go', args: ['run', 'github.com/e/f@latest'] }, 'Go', 'github.com/e/f', 'tag'],
    [{ command: 'deno', args: ['run', 'jsr:@g/h@1.0.0'] }, 'jsr', '@g/h', 'exact'],
    [{ command: 'cmd', args: ['/c', 'npx', 'i'] }, 'npm', 'i', 'none'],
  ];
  for (const [server, ecosystem, name, kind] of cases) {
    const [pkg] = first(JSON.stringify({ servers: { s: server } })).pkgs;
    assert.deepEqual([pkg.ecosystem, pkg.name, pkg.kind], [ecosystem, name, kind], JSON.stringify(server));
  }
});

test("pinEdit writes the pinned spec in each launcher's syntax (the hook for a registry-backed fix)", () => {
  const cases: Array<[object, string, string]> = [
    [{ command: 'npx', args: ['-y', '@s/p@latest'] }, '1.2.3', '"@s/p@1.2.3"'],
    [{ command: 'npx', args: ['--package=p', 'bin'] }, '1.2.3', '"--package=p@1.2.3"'],
    [{ command: 'uvx', args: ['q[cli]>=1'] }, '2.0', '"q[cli]==2.0"'],
    [{ command: 'go', args: ['run', 'github.com/e/f@latest'] }, '1.0.0', '"github.com/e/f@v1.0.0"'],
    [{ command: 'deno', args: ['run', 'npm:p'] }, '1.0.0', '"npm:p@1.0.0"'],
    [{ command: 'npx -y p' }, '3.0.0', '"npx -y p@3.0.0"'],
  ];
  for (const [server, version, expected] of cases) {
    const text = JSON.stringify({ servers: { s: server } });
    const { analysis, pkgs } = first(text);
    const edit = pinEdit(analysis.doc, pkgs[0], version)!;
    assert.ok(edit, JSON.stringify(server));
    const lines = new LineIndex(text);
    const fixed = applyTextEdits(text, [{ range: lines.rangeAt(edit.offset, edit.length), newText: edit.content }]);
    assert.ok(fixed.includes(expected), `${fixed} has ${expected}`);
  }
  const git = first(JSON.stringify({ servers: { s: { command: 'npx', args: ['github:u/r'] } } }));
  assert.equal(pinEdit(git.analysis.doc, git.pkgs[0], '1.0.0'), undefined);
});
