import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StringValue } from '../../../server/src/core/model';
import type { TreeNode } from '../../../server/src/core/tree';
import type { Invocation } from '../../../server/src/core/invocation';
import { parseNpmSpec } from '../../../server/src/launch/npmSpec';
import { npmLaunchOf } from '../../../server/src/launch/npmLaunch';
import { parsePythonSpec, isCommitSha } from '../../../server/src/launch/pythonSpec';
import { pythonLaunchOf } from '../../../server/src/launch/pythonLaunch';
import { denoLaunchOf, parseDenoModule } from '../../../server/src/launch/denoLaunch';
import { goLaunchOf, parseGoTarget } from '../../../server/src/launch/goLaunch';
import { inlineCodeOf } from '../../../server/src/launch/inlineCode';

const node: TreeNode = { type: 'string', offset: 0, length: 0 };
const sv = (value: string): StringValue => ({ value, node });
function inv(line: string): Invocation {
  const [program, ...args] = line.split(' ');
  return { program, programValue: sv(program), args: args.map(sv) };
}

test('npm specs: exact, tags, ranges, git, URL, local, aliases', () => {
  const table: Array<[string, string, string?, string?]> = [
    ['pkg', 'none', 'pkg'],
    ['pkg@1.2.3', 'exact', 'pkg', '1.2.3'],
    ['pkg@v1.2.3', 'exact'],
    ['pkg@=1.2.3', 'exact'],
    ['@s/p@latest', 'tag', '@s/p', 'latest'],
    ['pkg@beta', 'tag'],
    ['pkg@^1.2.3', 'range'],
    ['pkg@~1.2', 'range'],
    ['pkg@1.x', 'range'],
    ['pkg@1', 'range'],
    ['pkg@>=1.1.0', 'open-range'],
    ['pkg@*', 'open-range'],
    ['pkg@>=1 <2', 'range'],
    ['github:u/r#abc', 'git'],
    ['u/r', 'git'],
    ['git+ssh://git@github.com/u/r.git', 'git'],
    ['https://x.example/p.tgz', 'url'],
    ['./x', 'local'],
    ['file:../x', 'local'],
    ['npm:real@2.0.0', 'exact', 'real', '2.0.0'],
  ];
  for (const [spec, kind, name, version] of table) {
    const parsed = parseNpmSpec(spec);
    assert.equal(parsed.kind, kind, spec);
    if (name) assert.equal(parsed.name, name, spec);
    if (version) assert.equal(parsed.version, version, spec);
  }
  assert.equal(parseNpmSpec('github:u/r#' + 'a'.repeat(40)).gitRef, 'a'.repeat(40));
});

test('npm launchers: which argument is the package, -y, -p, --call, --registry', () => {
  const table: Array<[string, string | undefined, string[], boolean?]> = [
    ['npx -y pkg --flag', 'npx', ['pkg'], true],
    ['npx pkg', 'npx', ['pkg'], false],
    ['npx --yes=false pkg', 'npx', ['pkg'], false],
    ['npx -p a@1.0.0 -p b bin', 'npx', ['a@1.0.0', 'b']],
    ['npx --package=a bin', 'npx', ['a']],
    ['npx --registry https://r.example pkg', 'npx', ['pkg']],
    ['npm exec -y -- pkg@1.0.0 arg', 'npm exec', ['pkg@1.0.0'], true],
    ['npm x pkg', 'npm x', ['pkg']],
    ['npm --prefix /x exec pkg', 'npm exec', ['pkg']],
    ['npm run start', undefined, []],
    ['bunx --bun pkg', 'bunx', ['pkg'], true],
    ['bun x pkg', 'bunx', ['pkg']],
    ['pnpm dlx pkg', 'pnpm dlx', ['pkg'], true],
    ['pnpm --dir /x dlx --package a --package b bin', 'pnpm dlx', ['a', 'b']],
    ['pnpx pkg@1.0.0', 'pnpx', ['pkg@1.0.0']],
    ['yarn dlx -p a bin', 'yarn dlx', ['a']],
    ['yarn dlx pkg', 'yarn dlx', ['pkg']],
    ['yarn install', undefined, []],
  ];
  for (const [line, launcher, packages, auto] of table) {
    const launch = npmLaunchOf(inv(line));
    assert.equal(launch?.launcher, launcher, line);
    if (!launch) continue;
    assert.deepEqual(
      launch.packages.map((p) => p.text),
      packages,
      line,
    );
    if (auto !== undefined) assert.equal(launch.autoInstall, auto, line);
  }
  assert.equal(npmLaunchOf(inv('npx --registry https://r.example pkg'))?.registry?.value, 'https://r.example');
  assert.equal(npmLaunchOf(inv('npx --registry=https://r.example pkg'))?.registry?.value, 'https://r.example');
  const call = npmLaunchOf(inv('npx -c echo'));
  assert.equal(call?.call?.value, 'echo');
  assert.deepEqual(call?.packages, []);
});

test('Python specs: ==, ===, @, extras, markers, ranges, git refs, URLs, local', () => {
  const table: Array<[string, string, string?, string?]> = [
    ['pkg', 'none', 'pkg'],
    ['pkg==1.2.3', 'exact', 'pkg', '1.2.3'],
    ['pkg===1.0', 'exact'],
    ['pkg@1.2.3', 'exact', 'pkg', '1.2.3'],
    ['pkg@latest', 'tag'],
    ['pkg[cli]==1.0', 'exact', 'pkg', '1.0'],
    ['pkg==1.*', 'range'],
    ['pkg>=1', 'open-range'],
    ['pkg>1,!=1.5', 'open-range'],
    ['pkg~=1.2', 'range'],
    ['pkg>=1,<2', 'range'],
    ['pkg==1.0; python_version>"3"', 'exact'],
    ['awslabs.core-mcp-server@latest', 'tag', 'awslabs.core-mcp-server'],
    ['git+https://github.com/u/r', 'git'],
    ['git+https://github.com/u/r@main#egg=r', 'git'],
    ['git+ssh://git@github.com/u/r.git@v1', 'git'],
    ['https://x.example/x-1.0-py3-none-any.whl', 'url'],
    ['./dir', 'local'],
    ['dist/x-1.0.whl', 'local'],
    ['pkg @ git+https://g.example/u/r@abc', 'git', 'pkg'],
  ];
  for (const [spec, kind, name, version] of table) {
    const parsed = parsePythonSpec(spec);
    assert.equal(parsed.kind, kind, spec);
    if (name) assert.equal(parsed.name, name, spec);
    if (version) assert.equal(parsed.version, version, spec);
  }
  assert.equal(parsePythonSpec('git+https://github.com/u/r@main#egg=r').gitRef, 'main');
  assert.equal(parsePythonSpec('git+ssh://git@github.com/u/r.git').gitRef, undefined, 'the user@ of ssh is not a ref');
  assert.equal(parsePythonSpec('AwsLabs_Core.MCP').normalized, 'awslabs-core-mcp');
  assert.ok(isCommitSha('0123456789abcdef0123456789abcdef01234567'));
  assert.ok(!isCommitSha('0123456'));
});

test('Python launchers: uvx, --from, --with lists, uv tool run, pipx --spec, uv run --with, indexes', () => {
  const table: Array<[string, string | undefined, string[]]> = [
    ['uvx pkg --arg', 'uvx', ['pkg']],
    ['uvx --from pkg==1.0 cmd', 'uvx', ['pkg==1.0']],
    ['uvx --with a,b==2 main', 'uvx', ['main', 'a', 'b==2']],
    ['uvx -p 3.12 pkg', 'uvx', ['pkg']],
    ['uvx --python=3.12 pkg', 'uvx', ['pkg']],
    ['uv tool run pkg', 'uv tool run', ['pkg']],
    ['uv --directory /x run server.py', undefined, []],
    ['uv run --with mcp mcp run x.py', 'uv run', ['mcp']],
    ['pipx run pkg', 'pipx run', ['pkg']],
    ['pipx run --spec git+https://g.example/u/r app', 'pipx run', ['git+https://g.example/u/r']],
    ['pipx install pkg', undefined, []],
  ];
  for (const [line, launcher, packages] of table) {
    const launch = pythonLaunchOf(inv(line));
    assert.equal(launch?.launcher, launcher, line);
    if (launch)
      assert.deepEqual(
        launch.packages.map((p) => p.text),
        packages,
        line,
      );
  }
  const indexed = pythonLaunchOf(inv('uvx --index-url https://i.example --extra-index-url=https://e.example --allow-insecure-host h pkg'));
  assert.deepEqual(
    indexed?.indexes.map((i) => [i.option, i.value.value]),
    [
      ['--index-url', 'https://i.example'],
      ['--extra-index-url', 'https://e.example'],
    ],
  );
  assert.deepEqual(
    indexed?.insecureHosts.map((h) => h.value),
    ['h'],
  );
});

test('Deno: run/serve/x, options with values, module classification', () => {
  assert.equal(denoLaunchOf(inv('deno run -A --config deno.json jsr:@s/p@1.0.0 arg'))?.module?.value.value, 'jsr:@s/p@1.0.0');
  assert.equal(denoLaunchOf(inv('deno main.ts'))?.module?.module.kind, 'local');
  assert.equal(denoLaunchOf(inv('deno eval code'))?.evalCode?.value, 'code');
  assert.equal(denoLaunchOf(inv('deno task start')), undefined);
  const table: Array<[string, string, string?]> = [
    ['npm:pkg', 'none', 'pkg'],
    ['npm:pkg@1.2.3', 'exact', 'pkg'],
    ['npm:@s/p@^1/sub/path', 'range', '@s/p'],
    ['jsr:@std/path@1.0.8', 'exact', '@std/path'],
    ['https://deno.land/x/m@v1.2.3/mod.ts', 'exact'],
    ['https://deno.land/std@0.200.0/http/server.ts', 'exact'],
    ['https://esm.sh/pkg@^2', 'range'],
    ['https://esm.sh/@s/pkg', 'none'],
    ['https://jsr.io/@s/p/1.2.3/mod.ts', 'exact'],
    ['https://deno.land/x/m/mod.ts', 'none'],
    ['https://esm.sh/pkg@canary', 'tag'],
    ['./main.ts', 'local'],
  ];
  for (const [spec, kind, name] of table) {
    const module = parseDenoModule(spec);
    assert.equal(module.kind, kind, spec);
    if (name) assert.equal(module.name, name, spec);
  }
});

test('go run: build flags with values, versions, commits, branches, local packages', () => {
  assert.equal(goLaunchOf(inv('go run -tags netgo -ldflags=-s github.com/a/b@v1.0.0'))?.value.value, 'github.com/a/b@v1.0.0');
  assert.equal(goLaunchOf(inv('go build ./...')), undefined);
  const table: Array<[string, string, string?]> = [
    ['github.com/a/b@v1.2.3', 'exact', 'v1.2.3'],
    ['github.com/a/b@v0.0.0-20240101000000-abcdefabcdef', 'exact'],
    ['github.com/a/b@latest', 'tag'],
    ['github.com/a/b@main', 'tag'],
    ['github.com/a/b@0123456789ab', 'commit'],
    ['github.com/a/b/cmd/x', 'none'],
    ['./cmd/x', 'local'],
    ['main.go', 'local'],
    ['golang.org/x/tools/gopls@v0.16.0+incompatible', 'exact'],
  ];
  for (const [target, kind, version] of table) {
    const parsed = parseGoTarget(target);
    assert.equal(parsed.kind, kind, target);
    if (version) assert.equal(parsed.version, version, target);
  }
});

test('inline interpreter code: which flag takes code and which arguments are files', () => {
  const table: Array<[string, string | undefined]> = [
    ['node -e 1', '1'],
    ['node --eval=2', '2'],
    ['node -p 3', '3'],
    ['nodejs --print 4', '4'],
    ['bun -e 5', '5'],
    ['python -c 6', '6'],
    ['python3.12 -Sc 7', '7'],
    ['py -c 8', '8'],
    ['ruby -e 9', '9'],
    ['perl -E 10', '10'],
    ['php -r 11', '11'],
    ['node server.js -e x', undefined],
    ['python -m mod -c x', undefined],
    ['node --require x -e 12', '12'],
    ['python script.py', undefined],
  ];
  for (const [line, code] of table) assert.equal(inlineCodeOf(inv(line))?.code.value, code, line);
});

test('a Windows program path with spaces stays one word', async () => {
  const { splitCommand } = await import('../../../server/src/core/invocation');
  assert.deepEqual(splitCommand('C:\\Program Files\\nodejs\\npx.cmd -y pkg'), ['C:\\Program Files\\nodejs\\npx.cmd', '-y', 'pkg']);
  assert.deepEqual(splitCommand('C:\\Program Files\\nodejs\\node.exe'), ['C:\\Program Files\\nodejs\\node.exe']);
  assert.deepEqual(splitCommand('npx -y  pkg'), ['npx', '-y', 'pkg']);
  assert.deepEqual(splitCommand('/usr/bin/env node x.js'), ['/usr/bin/env', 'node', 'x.js']);
});
