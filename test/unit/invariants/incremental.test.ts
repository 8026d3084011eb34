import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine';
import { confinedServerIndex } from '../../../server/src/engine/incremental';
import { changedRegion } from '../../../server/src/core/textDiff';
import { RULES } from '../../../server/src/rules';
import type { Rule } from '../../../server/src/core/rule';
import { loadCorpus, loadFixtures, type SampleFile } from '../../fuzz/lib/corpus';
import { createPrng } from '../../fuzz/lib/prng';
import { checkIncremental, editableJsonConfigs, normalise } from '../../fuzz/lib/incremental';
import { generateConfig } from '../../../bench/generate';

/**
 * The language server re-lints an edit inside one server entry incrementally
 * (engine/incremental.ts): per-server rules run on that server only and the other servers'
 * findings move over. This suite is the proof that it changes nothing: on real and
 * generated configs, chains of edits inside random server entries give exactly the
 * findings (ranges, messages, severities, fixes and their edits) of a full lint
 * (test/fuzz/lib/incremental.ts; `npm run fuzz -- --only incremental` runs it longer).
 */

function jsonFiles(): SampleFile[] {
  const generated = [10, 30].map((n, i) => ({ name: `generated ${n} servers`, lintPath: `/p/gen${i}/.vscode/mcp.json`, text: generateConfig(n, 7 + i) }));
  return [...generated, ...editableJsonConfigs([...loadCorpus(), ...loadFixtures()])];
}

test('incremental re-lints give the findings of a full lint, over chains of edits inside server entries', () => {
  const files = jsonFiles();
  assert.ok(files.length >= 20, `only ${files.length} JSON configs to edit`);
  const { edits, confined } = checkIncremental(files, createPrng(20261202), 12);
  // The point is to exercise the incremental path, not the full-lint fallback.
  assert.ok(edits > 500, `${edits} edits`);
  assert.ok(confined / edits > 0.8, `${confined} of ${edits} edits were linted incrementally`);
});

test('per-server rules are most of the catalogue (otherwise incremental linting saves little)', () => {
  const perServer = RULES.filter((rule) => rule.meta.scope === 'server').length;
  assert.ok(perServer >= 40, `${perServer} of ${RULES.length} rules are per server`);
});

test('an edit outside every server entry, a syntax error or a new server takes a full lint', () => {
  const path = '/p/.vscode/mcp.json';
  const text =
    '{\n  "inputs": [],\n  "servers": {\n    "a": { "command": "npx", "args": ["-y", "pkg"] },\n    "b": { "command": "uvx", "args": ["tool"] }\n  }\n}\n';
  const previous = analyze(text, path)!;
  const cases = {
    outside: text.replace('"inputs": []', '"inputs": [ ]'),
    'syntax error': text.replace('"pkg"]', '"pkg"'),
    'new server': text.replace('"b":', '"c": { "command": "node" },\n    "b":'),
  };
  for (const [label, changed] of Object.entries(cases)) {
    const now = analyze(changed, path)!;
    const region = changedRegion(text, changed)!;
    assert.equal(confinedServerIndex(previous, now.doc, now.config, region), undefined, label);
    assert.deepEqual(normalise(analyze(changed, path, undefined, { previous })!.findings), normalise(now.findings), label);
  }
  const inside = text.replace('"pkg"', '"pkg@1.0.0"');
  const now = analyze(inside, path)!;
  assert.equal(confinedServerIndex(previous, now.doc, now.config, changedRegion(text, inside)!), 0);
});

test('a rule that breaks the per-server promise shows up as a difference (what this suite guards against)', () => {
  // Marked per server, but each finding depends on the other servers (how many use npx).
  const crossServer: Rule = {
    id: 'cross-server-probe',
    meta: { category: 'other', scope: 'server', defaultSeverity: 'information', description: 'test', fixable: false, owasp: [], threat: 'test' },
    check(context) {
      const npx = context.config.servers.filter((s) => s.command?.value === 'npx').length;
      for (const server of context.config.servers) context.report({ node: server.nameNode, server, message: `${npx} npx servers` });
    },
  };
  const path = '/p/.vscode/mcp.json';
  const text = '{"servers": {"a": {"command": "npx"}, "b": {"command": "npx"}}}';
  const previous = analyze(text, path, undefined, { rules: [crossServer] })!;
  const edited = text.replace('"npx"}', '"uvx"}');
  const full = analyze(edited, path, undefined, { rules: [crossServer] })!;
  const incremental = analyze(edited, path, undefined, { rules: [crossServer], previous })!;
  assert.deepEqual(
    full.findings.map((f) => f.message),
    ['1 npx servers', '1 npx servers'],
  );
  // The edited server sees only itself, the other keeps its stale count.
  assert.deepEqual(
    incremental.findings.map((f) => f.message),
    ['0 npx servers', '2 npx servers'],
  );
});
