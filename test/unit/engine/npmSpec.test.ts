import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNpmSpec, parseWithNpa } from '../../../server/src/launch/npmSpec';

test('npm specs are classified the way npm resolves them', () => {
  const table: Array<[string, string, string?, string?]> = [
    ['pkg', 'none', 'pkg'],
    ['pkg@1.2.3', 'exact', 'pkg', '1.2.3'],
    ['pkg@1.2.3-beta.1', 'exact', 'pkg', '1.2.3-beta.1'],
    ['@scope/pkg', 'none', '@scope/pkg'],
    ['@scope/pkg@2.0.0', 'exact', '@scope/pkg', '2.0.0'],
    ['@scope/pkg@latest', 'tag', '@scope/pkg', 'latest'],
    ['pkg@next', 'tag', 'pkg', 'next'],
    ['pkg@^1.2.3', 'range', 'pkg', '^1.2.3'],
    ['pkg@~1.2', 'range', 'pkg', '~1.2'],
    ['pkg@1.x', 'range', 'pkg', '1.x'],
    ['pkg@1', 'range', 'pkg', '1'],
    ['pkg@>=1.0.0', 'open-range', 'pkg', '>=1.0.0'],
    ['pkg@*', 'open-range', 'pkg', '*'],
    ['pkg@', 'none', 'pkg'],
    ['github:user/repo', 'git'],
    ['user/repo', 'git'],
    ['git+https://github.com/user/repo.git#abc', 'git'],
    ['https://example.com/pkg.tgz', 'url'],
    ['./local-server', 'local'],
    ['/opt/server', 'local'],
    ['C:\\tools\\server', 'local'],
    ['npm:real-pkg@1.0.0', 'exact', 'real-pkg', '1.0.0'],
    // What the hand parser misread (issue 16), now read by npm's own npm-package-arg:
    ['@s/p@github:u/r#0123456789abcdef0123456789abcdef01234567', 'git'],
    ['pkg@npm:other@1.2.3', 'exact', 'other', '1.2.3'],
    ['pkg@npm:other@latest', 'tag', 'other', 'latest'],
    ['pkg@file:../x', 'local'],
    ['x.tgz', 'local'],
    ['pkg@^1.2.3-rc.1', 'range', 'pkg', '^1.2.3-rc.1'],
    ['pkg@=1.2.3', 'exact', 'pkg', '=1.2.3'],
    ['pkg@x', 'open-range', 'pkg', 'x'],
    ['gitlab:user/repo#v1.0.0', 'git'],
    // npm reads a plain https URL as a tarball even when it ends in .git (git needs git+https:).
    ['https://example.com/repo.git#main', 'url'],
    ['pkg@bad tag name', 'local'],
    // npm rejects a homoglyph name, but it is still a package name to the typosquat rule.
    ['l\u043edash@1.2.3', 'exact', 'l\u043edash', '1.2.3'],
  ];
  for (const [spec, kind, name, version] of table) {
    const parsed = parseNpmSpec(spec);
    assert.equal(parsed.kind, kind, spec);
    if (name) assert.equal(parsed.name, name, spec);
    if (version) assert.equal(parsed.version, version, spec);
  }
});

test('git refs: a commit, a tag or branch, a semver range, none', () => {
  assert.equal(parseNpmSpec('@s/p@github:u/r#0123456789abcdef0123456789abcdef01234567').gitRef, '0123456789abcdef0123456789abcdef01234567');
  assert.equal(parseNpmSpec('user/repo#main').gitRef, 'main');
  assert.equal(parseNpmSpec('github:user/repo#semver:^1.2.0').gitRef, 'semver:^1.2.0');
  assert.equal(parseNpmSpec('github:user/repo').gitRef, undefined);
});

test('the fast path for common specs reads them exactly as npm-package-arg does', () => {
  const names = [
    'pkg',
    'a',
    'mcp-server-x',
    'a.b_c-d',
    'a..b',
    'pkg.tgz',
    'pkg.tar',
    'pkg.tar.gz',
    'node_modules',
    'favicon.ico',
    '@s/p',
    '@scope-x/pkg.js',
    '@s/p.tgz',
    'Upper',
    '_hidden',
    '.dot',
    '9lives',
  ];
  const versions = [
    undefined,
    '',
    '1.2.3',
    '0.0.0',
    '01.2.3',
    '1.2.3-beta.1',
    '1.2',
    'latest',
    'next',
    'beta-2',
    'canary',
    'v1',
    'v1.2.3',
    'x',
    'X',
    'xyz',
    'y',
    'z9',
    'legacy',
    '^1',
    '~1.2',
    '>=1',
    '*',
    'a.b',
    'Latest',
    'npm:other@1.0.0',
    'github:u/r',
    'file:../x',
    'has space',
  ];
  let checked = 0;
  for (const name of names) {
    for (const version of versions) {
      const spec = version === undefined ? name : `${name}@${version}`;
      assert.deepEqual(parseNpmSpec(spec), parseWithNpa(spec), spec);
      checked++;
    }
  }
  assert.equal(checked, names.length * versions.length);
});
