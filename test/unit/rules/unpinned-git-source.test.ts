import { test } from 'node:test';
import { expectFindings, expectClean } from '../launch/harness';

const ID = 'unpinned-git-source';
const SHA = '0123456789abcdef0123456789abcdef01234567';

test('git and URL installs without a commit or hash', () => {
  expectFindings(
    ID,
    {
      a: { command: 'npx', args: ['-y', 'github:user/repo'] },
      b: { command: 'npx', args: ['git+https://github.com/u/r.git#main'] },
      c: { command: 'uvx', args: ['--from', 'git+https://github.com/oraios/serena', 'serena'] },
      d: { command: 'uvx', args: ['--from', 'git+https://github.com/u/r@v1.2.0', 'cmd'] },
      e: { command: 'npx', args: ['-y', 'https://aka.ms/some/preview'] },
    },
    [
      { at: 'github:user/repo', severity: 'warning', message: /no ref/ },
      { at: 'git+https://github.com/u/r.git#main', severity: 'warning', message: /movable git ref "main"/ },
      { at: 'git+https://github.com/oraios/serena', severity: 'warning', message: /installed by uvx from "git\+https/ },
      { at: 'git+https://github.com/u/r@v1.2.0', severity: 'information', message: /tag can be moved/ },
      { at: 'https://aka.ms/some/preview', severity: 'warning', message: /from a URL with no version or hash/ },
    ],
  );
});

test('full commits, hashed archives and registry tarballs are fine', () => {
  expectClean(ID, {
    a: { command: 'npx', args: ['-y', `github:user/repo#${SHA}`] },
    b: { command: 'uvx', args: ['--from', `git+https://github.com/u/r@${SHA}`, 'cmd'] },
    c: { command: 'uvx', args: ['--from', 'https://example.com/x-1.0-py3-none-any.whl#sha256=' + 'a'.repeat(64), 'x'] },
    d: { command: 'npx', args: ['https://registry.npmjs.org/pkg/-/pkg-1.2.3.tgz'] },
  });
});
