import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNpmSpec } from '../../../server/src/launch/npmSpec';

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
  ];
  for (const [spec, kind, name, version] of table) {
    const parsed = parseNpmSpec(spec);
    assert.equal(parsed.kind, kind, spec);
    if (name) assert.equal(parsed.name, name, spec);
    if (version) assert.equal(parsed.version, version, spec);
  }
});
