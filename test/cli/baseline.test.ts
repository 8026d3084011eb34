import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINGERPRINT_KEY } from '../../server/src/cli/fingerprints';
import { FAKE_GITHUB_TOKEN, runCli, tempDir, writeTree } from './helpers';

const CONFIG = (extraLinesAbove = '', token = FAKE_GITHUB_TOKEN, extraServer = '') => `{
${extraLinesAbove}  "servers": {${extraServer}
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${token}" }
    },
    "docs": { "type": "http", "url": "http://docs.example.com/mcp" }
  }
}
`;

function fingerprints(dir: string): Map<string, string> {
  const log = JSON.parse(runCli(['scan', '-f', 'sarif'], { cwd: dir }).stdout);
  const byRule = new Map<string, string>();
  for (const result of log.runs[0].results) byRule.set(`${result.ruleId}:${result.properties.server}`, result.partialFingerprints[FINGERPRINT_KEY]);
  return byRule;
}

test('fingerprints stay equal when lines are inserted above a finding or unrelated servers are added', () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, '.vscode', 'mcp.json');
    writeTree(dir, { '.vscode/mcp.json': CONFIG() });
    const before = fingerprints(dir);
    assert.ok(before.size >= 3, [...before.keys()].join());
    writeFileSync(file, CONFIG('  // a comment\n  // and another\n\n'));
    assert.deepEqual(fingerprints(dir), before);
    writeFileSync(file, CONFIG('', FAKE_GITHUB_TOKEN, '\n    "clean": { "type": "http", "url": "https://ok.example.com/mcp" },'));
    assert.deepEqual(fingerprints(dir), before);
    // Line numbers are not an input, but the file path is.
    writeTree(dir, { 'other/.vscode/mcp.json': CONFIG() });
    const log = JSON.parse(runCli(['scan', 'other', '-f', 'sarif'], { cwd: dir }).stdout);
    const other = new Set(log.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints[FINGERPRINT_KEY]));
    for (const fp of before.values()) assert.ok(!other.has(fp));
  } finally {
    cleanup();
  }
});

test('a secret value is never a fingerprint input: changing it keeps the fingerprint', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { '.vscode/mcp.json': CONFIG() });
    const before = fingerprints(dir).get('secret-in-env:github');
    assert.ok(before);
    writeTree(dir, { '.vscode/mcp.json': CONFIG('', 'ghp_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2') });
    assert.equal(fingerprints(dir).get('secret-in-env:github'), before);
  } finally {
    cleanup();
  }
});

test('URL credentials and query values are not fingerprint inputs either', () => {
  const { dir, cleanup } = tempDir();
  try {
    const config = (password: string, token: string) =>
      `{ "servers": { "api": { "type": "http", "url": "http://admin:${password}@api.example.com/mcp?key=${token}&v=1" } } }\n`;
    const http = (d: string) => [...fingerprints(d)].filter(([key]) => key.startsWith('insecure-http-remote:')).map(([, fp]) => fp);
    writeTree(dir, { '.vscode/mcp.json': config('hunter2', 'abc123') });
    const before = http(dir);
    assert.equal(before.length, 1);
    writeTree(dir, { '.vscode/mcp.json': config('letmein', 'zzz999') });
    assert.deepEqual(http(dir), before);
    writeTree(dir, { '.vscode/mcp.json': config('letmein', 'zzz999').replace('api.example.com', 'other.example.com') });
    assert.notDeepEqual(http(dir), before, 'the host still counts');
  } finally {
    cleanup();
  }
});

test('--write-baseline accepts the current findings; --baseline then reports only new ones', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { '.vscode/mcp.json': CONFIG() });
    const count = JSON.parse(runCli(['scan', '-f', 'json'], { cwd: dir }).stdout).findings.length;
    assert.ok(count >= 3);
    const write = runCli(['scan', '--write-baseline', 'mcp-baseline.json'], { cwd: dir });
    assert.equal(write.code, 0, 'everything found is accepted');
    assert.match(write.stderr, new RegExp(`Wrote the baseline mcp-baseline\\.json \\(${count} findings accepted\\)`));
    const baseline = JSON.parse(readFileSync(join(dir, 'mcp-baseline.json'), 'utf8'));
    assert.equal(baseline.version, 1);
    assert.equal(baseline.tool, 'mcp-hygiene');
    assert.equal(baseline.findings.length, count);
    for (const entry of baseline.findings) assert.deepEqual(Object.keys(entry), ['file', 'ruleId', 'server', 'fingerprint']);
    const sorted = [...baseline.findings].sort((a, b) =>
      a.file + a.ruleId + a.server + a.fingerprint < b.file + b.ruleId + b.server + b.fingerprint ? -1 : 1,
    );
    assert.deepEqual(baseline.findings, sorted, 'sorted for clean diffs');
    assert.ok(readFileSync(join(dir, 'mcp-baseline.json'), 'utf8').endsWith('}\n'));

    const same = runCli(['scan', '--baseline', 'mcp-baseline.json', '-f', 'json'], { cwd: dir });
    assert.equal(same.code, 0);
    assert.deepEqual(JSON.parse(same.stdout).findings, []);
    assert.match(runCli(['scan', '--baseline', 'mcp-baseline.json'], { cwd: dir }).stdout, new RegExp(`${count} accepted by the baseline`));

    // Moving lines does not resurrect accepted findings; a new problem is reported alone.
    writeTree(dir, {
      '.vscode/mcp.json': CONFIG('  // moved down\n', FAKE_GITHUB_TOKEN, '\n    "new": { "type": "http", "url": "http://new.example.com/mcp" },'),
    });
    const next = runCli(['scan', '--baseline', 'mcp-baseline.json', '-f', 'json'], { cwd: dir });
    assert.equal(next.code, 1);
    const fresh = JSON.parse(next.stdout).findings;
    assert.ok(fresh.length > 0);
    assert.deepEqual([...new Set(fresh.map((f: { server: string }) => f.server))], ['new'], 'only the new server is reported');
    assert.ok(fresh.some((f: { ruleId: string }) => f.ruleId === 'insecure-http-remote'));

    // Rewriting the baseline is stable byte for byte when nothing changed.
    runCli(['scan', '--write-baseline', 'again.json'], { cwd: dir });
    runCli(['scan', '--write-baseline', 'again2.json'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'again.json'), 'utf8'), readFileSync(join(dir, 'again2.json'), 'utf8'));
  } finally {
    cleanup();
  }
});

test('a baseline of another format or version is an error (exit 2)', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { '.mcp.json': '{ "mcpServers": {} }', 'old.json': JSON.stringify({ version: 99, findings: [] }), 'list.json': '[]' });
    for (const file of ['old.json', 'list.json']) {
      const run = runCli(['scan', '--baseline', file], { cwd: dir });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /not a version 1 mcp-hygiene baseline/);
    }
  } finally {
    cleanup();
  }
});
