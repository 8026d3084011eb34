import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { RULES, ruleDocsUrl } from '../../server/src/engine';
import { FINGERPRINT_KEY } from '../../server/src/cli/fingerprints';
import { FAKE_GITHUB_TOKEN, REPO_ROOT, SARIF_SCHEMA, layOutCorpus, runCli, tempDir, writeTree } from './helpers';

// The OASIS schema declares draft-07 ("$schema": "http://json-schema.org/draft-07/schema#"),
// which is Ajv 8's default dialect; ajv-formats checks the uri / date-time formats it uses.
function sarifValidator() {
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8'));
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a SARIF log, checked by the schema
function assertValidSarif(text: string): any {
  const validate = sarifValidator();
  const valid = validate(JSON.parse(text));
  assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  return JSON.parse(text);
}

test('SARIF for examples/ validates against the official SARIF 2.1.0 schema', () => {
  const run = runCli(['scan', 'examples', '-f', 'sarif'], { cwd: REPO_ROOT });
  assert.equal(run.code, 1, run.stderr);
  const log = assertValidSarif(run.stdout);
  const sarifRun = log.runs[0];
  assert.equal(sarifRun.tool.driver.name, 'mcp-hygiene');
  assert.ok(sarifRun.results.length > 0);
});

test('driver rules carry id, name, descriptions, helpUri, default level and category/tags; results point at them', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, {
      '.vscode/mcp.json': `{\n  "servers": {\n    "gh": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": { "GITHUB_TOKEN": "${FAKE_GITHUB_TOKEN}" } }\n  }\n}\n`,
      'odd dir/.mcp.json': '{ "mcpServers": { "x": { "url": "http://10.1.2.3/mcp" } } }',
      'not-mcp.json': '[]',
    });
    const run = runCli(['scan', '.', 'not-mcp.json', '-f', 'sarif'], { cwd: dir });
    const log = assertValidSarif(run.stdout);
    const sarifRun = log.runs[0];
    const rules = sarifRun.tool.driver.rules;
    assert.deepEqual(
      rules.map((r: { id: string }) => r.id),
      RULES.map((r) => r.id),
    );
    for (const [i, rule] of RULES.entries()) {
      const described = rules[i];
      assert.equal(described.helpUri, ruleDocsUrl(rule.id));
      assert.equal(described.shortDescription.text, rule.meta.description);
      assert.ok(described.fullDescription.text.length > 0);
      assert.match(described.name, /^[A-Z][A-Za-z0-9]*$/);
      assert.equal(
        described.defaultConfiguration.level,
        rule.meta.defaultSeverity === 'error' ? 'error' : rule.meta.defaultSeverity === 'warning' ? 'warning' : 'note',
      );
      assert.equal(described.properties.category, rule.meta.category);
      assert.ok(described.properties.tags.includes(rule.meta.category));
    }
    assert.equal(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, new URL(`file://${dir}/`).href);
    for (const result of sarifRun.results) {
      assert.equal(rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      const location = result.locations[0].physicalLocation;
      assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(location.region.startLine >= 1 && location.region.startColumn >= 1);
      assert.match(result.partialFingerprints[FINGERPRINT_KEY], /^[0-9a-f]{64}$/);
    }
    const uris = sarifRun.results.map(
      (r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri,
    );
    assert.ok(uris.includes('odd%20dir/.mcp.json'), 'relative, percent-encoded URIs');
    assert.ok(uris.includes('.vscode/mcp.json'));
    const secret = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'secret-in-env');
    // "ghp_..." starts on line 3 (1-based), after `"GITHUB_TOKEN": ` on that line.
    const line = `    "gh": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": { "GITHUB_TOKEN": "`;
    assert.deepEqual(secret.locations[0].physicalLocation.region, {
      startLine: 3,
      startColumn: line.length,
      endLine: 3,
      endColumn: line.length + FAKE_GITHUB_TOKEN.length + 2,
    });
    const notifications = sarifRun.invocations[0].toolExecutionNotifications;
    assert.equal(notifications.length, 1);
    assert.match(notifications[0].message.text, /^Skipped not-mcp\.json: not an MCP config/);
    assert.ok(!run.stdout.includes(FAKE_GITHUB_TOKEN.slice(8)));
  } finally {
    cleanup();
  }
});

test('SARIF over the whole corpus (laid out at its repository paths) validates', () => {
  const { dir, cleanup } = tempDir();
  try {
    layOutCorpus(dir);
    const run = runCli(['scan', '.', '**/*', '-f', 'sarif', '--fail-on', 'none'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const log = assertValidSarif(run.stdout);
    assert.ok(log.runs[0].results.length > 0);
  } finally {
    cleanup();
  }
});

test('an empty scan is still a valid SARIF log', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { 'README.md': '# nothing' });
    const run = runCli(['scan', '-f', 'sarif'], { cwd: dir });
    assert.equal(run.code, 0);
    const log = assertValidSarif(run.stdout);
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(readFileSync(join(dir, 'README.md'), 'utf8'), '# nothing');
  } finally {
    cleanup();
  }
});
