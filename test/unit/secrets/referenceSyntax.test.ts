import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../../../server/src/dialects';
import { findReferences } from '../../../server/src/core/interpolation';
import { lint } from '../../../server/src/engine';
import { tokenOf } from './tokens';
import { CLAUDE_DESKTOP } from './helpers';

test('every secret fix writes a reference syntax its client expands', () => {
  for (const dialect of DIALECTS) {
    if (!dialect.envReference) continue;
    const reference = dialect.envReference('MCP_API_KEY');
    const found = findReferences(reference);
    assert.equal(found.length, 1, `${dialect.id}: ${reference}`);
    assert.ok(
      dialect.variables.includes(found[0].syntax),
      `${dialect.id} writes ${reference} (${found[0].syntax}) but expands only ${dialect.variables.join(', ')}`,
    );
    assert.equal(found[0].start, 0);
    assert.equal(found[0].end, reference.length);
  }
});

test('clients without interpolation and files of an unknown client get no replacement fix', () => {
  const token = tokenOf('github-classic', 5);
  const server = { command: 'npx', args: ['-y', 'x@1.0.0'], env: { GITHUB_TOKEN: token }, headers: { Authorization: `Bearer ${token}` } };
  for (const [path, text] of [
    [CLAUDE_DESKTOP, JSON.stringify({ mcpServers: { gh: server } })],
    ['/work/app/docs/example-mcp.json', JSON.stringify({ mcpServers: { gh: server } })],
  ]) {
    const findings = lint(text, path).filter((f) => f.category === 'secret');
    assert.ok(findings.length > 0, path);
    for (const finding of findings) {
      // Claude Desktop: never replaced by a reference it would pass on literally, and never
      // deleted (its servers get only a few standard variables, so the server would lose it);
      // an unknown client gets no fix at all.
      assert.deepEqual(
        finding.fixes.map((f) => f.title),
        [],
        `${path}: ${finding.ruleId}`,
      );
      for (const fix of finding.fixes) for (const edit of fix.edits) assert.deepEqual(findReferences(edit.newText), [], 'no reference written');
    }
  }
});
