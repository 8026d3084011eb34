import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as semver from 'semver';
import advisoriesFile from '../../../server/src/data/advisories.json';
import deprecatedFile from '../../../server/src/data/deprecated-servers.json';
import knownFile from '../../../server/src/data/known-servers.json';
import { parsePep440, satisfiesPep440 } from '../../../server/src/common/pep440';
import { typosquatOf } from '../../../server/src/launch/typosquat';

const root = resolve(__dirname, '..', '..', '..');

test('every advisory range and fixed version parses, and the fixed version is outside the range', () => {
  for (const a of advisoriesFile.advisories) {
    assert.ok(a.url.startsWith('https://'), `${a.id} has a source url`);
    assert.ok(a.severity === 'error' || a.severity === 'warning', a.id);
    if (a.ecosystem === 'PyPI') {
      for (const comparator of a.affected
        .split(/\|\||\s+/)
        .map((c) => c.replace(/^[<>=!~]+/, ''))
        .filter((c) => c && c !== '*')) {
        assert.ok(parsePep440(comparator), `${a.id}: ${comparator} is a PEP 440 version`);
      }
      if (a.fixed) assert.equal(satisfiesPep440(a.fixed, a.affected), false, `${a.id}: fixed ${a.fixed} is outside ${a.affected}`);
    } else if (a.ecosystem === 'npm' || a.ecosystem === 'Go') {
      assert.ok(semver.validRange(a.affected, { includePrerelease: true }), `${a.id}: ${a.affected} is a semver range`);
      if (a.fixed)
        assert.equal(semver.satisfies(a.fixed, a.affected, { includePrerelease: true }), false, `${a.id}: fixed ${a.fixed} is outside ${a.affected}`);
    }
  }
  assert.ok(advisoriesFile.advisories.some((a) => a.malicious));
});

test('known and deprecated servers are not typosquats of each other', () => {
  for (const s of [...knownFile.servers, ...deprecatedFile.servers]) {
    if (s.ecosystem === 'npm' || s.ecosystem === 'PyPI' || s.ecosystem === 'Docker') assert.equal(typosquatOf(s.ecosystem, s.package), undefined, s.package);
  }
});

test(
  'the shipped data is what scripts/refresh-data.mjs generates from the shared research data',
  { skip: !existsSync(join(root, '..', 'shared', 'data', 'advisories.json')) && !existsSync('/work/shared/data/advisories.json') },
  () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'refresh-data.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  },
);
