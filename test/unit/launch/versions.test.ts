import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePep440, comparePep440Text, satisfiesPep440 } from '../../../server/src/common/pep440';
import { advisoryTarget, matchingAdvisories, firstSafeVersion } from '../../../server/src/launch/advisoryMatch';
import type { LaunchedPackage } from '../../../server/src/launch/packages';
import type { TreeNode } from '../../../server/src/core/tree';

test('PEP 440 parsing normalises spellings', () => {
  assert.deepEqual(parsePep440('1.0'), { epoch: 0, release: [1, 0] });
  assert.deepEqual(parsePep440('v2!1.0.0-ALPHA.1.post2.dev3+Local.1'), { epoch: 2, release: [1, 0, 0], pre: ['a', 1], post: 2, dev: 3, local: 'local.1' });
  assert.deepEqual(parsePep440('1.0c1')?.pre, ['rc', 1]);
  assert.deepEqual(parsePep440('1.0-1')?.post, 1);
  assert.equal(parsePep440('1.0.x'), undefined);
  assert.equal(parsePep440('latest'), undefined);
});

test('PEP 440 ordering: dev < pre < final < post, trailing zeros ignored, epochs first', () => {
  const ordered = [
    '1.0.dev0',
    '1.0a1.dev1',
    '1.0a1',
    '1.0a2',
    '1.0b1',
    '1.0rc1',
    '1.0',
    '1.0+local',
    '1.0.post1.dev0',
    '1.0.post1',
    '1.1',
    '2025.9.25',
    '1!0.1',
  ];
  for (let i = 0; i + 1 < ordered.length; i++) assert.ok(comparePep440Text(ordered[i], ordered[i + 1])! < 0, `${ordered[i]} < ${ordered[i + 1]}`);
  assert.equal(comparePep440Text('1.0', '1.0.0'), 0);
  assert.equal(comparePep440Text('2.0.0b14', '2.0.0B14'), 0);
  assert.ok(comparePep440Text('1.10', '1.9')! > 0, 'numeric, not lexical');
  // Local labels (PEP 440 "Local version identifiers"): segment by segment, digits as integers,
  // numeric after alphanumeric, a longer label after its own prefix, -/_ read as '.'.
  const locals = [
    '1.0',
    '1.0+abc',
    '1.0+abc.4',
    '1.0+abc.5',
    '1.0+abc.5.a',
    '1.0+ubuntu.2',
    '1.0+5',
    '1.0+9',
    '1.0+10',
    '1.0+10.1',
    '1.0+99999999999999999999',
  ];
  for (let i = 0; i + 1 < locals.length; i++) assert.ok(comparePep440Text(locals[i], locals[i + 1])! < 0, `${locals[i]} < ${locals[i + 1]}`);
  assert.equal(comparePep440Text('1.0+abc-5', '1.0+ABC_5'), 0);
  assert.equal(comparePep440Text('1.0+007', '1.0+7'), 0);
});

test('advisory ranges over PEP 440 versions', () => {
  const table: Array<[string, string, boolean]> = [
    ['2025.9.1', '<2025.9.25', true],
    ['2025.9.25', '<2025.9.25', false],
    ['2025.9.25rc1', '<2025.9.25', true],
    ['0.2.13', '>=0.2.13 <1.3.47', true],
    ['1.3.47', '>=0.2.13 <1.3.47', false],
    ['1.0', '1.0 || 2.0', true],
    ['2', '1.0 || 2.0', true],
    ['3.0', '1.0 || 2.0', false],
    ['0.1.11', '<=0.1.11', true],
    ['9.9', '*', true],
    ['2.0.0b15', '>=2.0.0b14 <2.0.0b17', true],
    ['2.0.0', '>=2.0.0b14 <2.0.0b17', false],
    ['1.2.5', '~=1.2.0', true],
    ['1.3', '~=1.2.0', false],
    ['not-a-version', '*', false],
  ];
  for (const [version, range, expected] of table) assert.equal(satisfiesPep440(version, range), expected, `${version} in ${range}`);
});

const node: TreeNode = { type: 'string', offset: 0, length: 0 };
function pkg(ecosystem: LaunchedPackage['ecosystem'], name: string, version: string | undefined, kind: LaunchedPackage['kind']): LaunchedPackage {
  return { ecosystem, launcher: 'x', name, version, kind, value: { value: name, node }, text: name, role: 'main' };
}

test('advisory matching: exact, ranges as subsets, unpinned only for all-version advisories, pre-releases', () => {
  const ids = (p: LaunchedPackage) =>
    matchingAdvisories(advisoryTarget(p)!, false)
      .map((a) => a.id)
      .sort();
  assert.deepEqual(ids(pkg('npm', 'mcp-remote', '0.1.15', 'exact')), ['GHSA-6xpm-ggf7-wc3p']);
  assert.deepEqual(ids(pkg('npm', 'mcp-remote', '0.0.4', 'exact')), [], 'below the affected range');
  assert.deepEqual(ids(pkg('npm', 'mcp-remote', '0.1.x', 'range')), [], 'the range allows fixed versions');
  assert.deepEqual(ids(pkg('npm', 'mcp-remote', '>=0.1.0 <0.1.10', 'range')), ['GHSA-6xpm-ggf7-wc3p']);
  assert.deepEqual(ids(pkg('npm', 'mcp-remote', undefined, 'none')), []);
  assert.deepEqual(ids(pkg('npm', '@executeautomation/database-server', undefined, 'none')), ['GHSA-65hm-pwj5-73pw']);
  assert.deepEqual(ids(pkg('npm', '@azure/mcp', '2.0.0-beta.16', 'exact')), ['GHSA-hhfx-wfvq-7g9c']);
  assert.deepEqual(ids(pkg('npm', '@azure/mcp', '2.0.0-beta.17', 'exact')), []);
  assert.deepEqual(ids(pkg('npm', '@modelcontextprotocol/server-filesystem', '2025.3.28', 'exact')), ['GHSA-hc55-p739-j48w', 'GHSA-q66q-fx2p-7w4m']);
  assert.deepEqual(ids(pkg('npm', '@modelcontextprotocol/server-filesystem', '0.6.3', 'exact')), []);
  assert.deepEqual(ids(pkg('PyPI', 'AWSLabs_AWS-API-MCP-Server', '1.3.8', 'exact')), ['GHSA-29w2-fq35-v728', 'GHSA-2cpp-j2fc-qhp7']);
  assert.deepEqual(ids(pkg('Go', 'github.com/github/github-mcp-server/cmd/github-mcp-server', 'v1.1.1', 'exact')), ['GHSA-pjp5-fpmr-3349']);
  assert.deepEqual(ids(pkg('Docker', 'ghcr.io/github/github-mcp-server', '1.1.1', 'range')), ['GHSA-pjp5-fpmr-3349']);
  assert.equal(advisoryTarget(pkg('Docker', 'mcp/fetch', '1.0', 'range')), undefined);
});

test('the first safe version clears every advisory of the package, or is undefined without a fix', () => {
  const target = advisoryTarget(pkg('npm', 'mcp-server-kubernetes', '2.4.0', 'exact'))!;
  assert.equal(firstSafeVersion(target, matchingAdvisories(target, false)), '3.7.0');
  const sdk = advisoryTarget(pkg('npm', '@modelcontextprotocol/sdk', '1.20.0', 'exact'))!;
  assert.equal(firstSafeVersion(sdk, matchingAdvisories(sdk, false)), '1.26.0');
  const noFix = advisoryTarget(pkg('npm', 'adb-mcp', '0.1.0', 'exact'))!;
  assert.equal(firstSafeVersion(noFix, matchingAdvisories(noFix, false)), undefined);
  const py = advisoryTarget(pkg('PyPI', 'fastmcp', '2.12.0', 'exact'))!;
  assert.equal(firstSafeVersion(py, matchingAdvisories(py, false)), '3.2.0');
});
