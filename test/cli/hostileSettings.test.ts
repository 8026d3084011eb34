/**
 * Settings a hostile repository can commit (`.mcp-hygiene.json`, a policy file) get clear
 * one-line messages and bounded values, never a stack overflow, a glob compiler's internal
 * error or an out-of-memory abort (docs/reliability.md, "Hostile workspaces").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicyFile } from '../../server/src/host/settingsFile';
import { internalErrorMessage } from '../../server/src/cli/main';
import { scanHooks } from '../../server/src/cli/scan';
import { MAX_FILE_SIZE_LIMIT, MAX_GLOB_COUNT, MAX_GLOB_LENGTH, parseSettings } from '../../server/src/common/settings';
import { ABSOLUTE_MAX_READ_BYTES } from '../../server/src/host/readRegularFile';
import { REPO_ROOT, runCli, tempDir, writeTree } from './helpers';

const UNPINNED = `{ "mcpServers": { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem"] } } }\n`;
const deep = (levels: number) => '{"rules":' + '['.repeat(levels) + ']'.repeat(levels) + '}';

test('a 100 000-deep --config is one clear error line (exit 2), not a stack overflow', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { 'deep.json': deep(100_000), '.mcp.json': UNPINNED });
    const run = runCli(['scan', '--config', 'deep.json'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'mcp-hygiene: The settings file deep.json is not valid: nested deeper than 256 levels at offset 264.\nRun "mcp-hygiene --help" for usage.\n',
    );
  } finally {
    cleanup();
  }
});

test('a 100 000-deep or oversized policy file gives one warning and no policy', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, {
      'deep.json': '{"servers":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}',
      'big.json': `{"servers": ["${'x'.repeat(2 * 1024 * 1024)}"]}`,
    });
    const deepPolicy = loadPolicyFile(join(dir, 'deep.json'));
    assert.equal(deepPolicy.policy, undefined);
    assert.deepEqual(deepPolicy.problems, [
      `The policy file ${join(dir, 'deep.json')} is not valid JSON (nested deeper than 256 levels at offset 266). No policy is applied.`,
    ]);
    const bigPolicy = loadPolicyFile(join(dir, 'big.json'));
    assert.equal(bigPolicy.policy, undefined);
    assert.match(bigPolicy.problems[0], /^Cannot read the policy file .*big\.json: too large \(\d+ bytes; the limit is 1048576\)\. No policy is applied\.$/);
  } finally {
    cleanup();
  }
});

test('a 70 000-character ignoredPaths entry is a warning naming the setting; the scan runs without it', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { '.mcp-hygiene.json': JSON.stringify({ ignoredPaths: ['a'.repeat(70_000)] }), '.mcp.json': UNPINNED });
    const run = runCli(['scan'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    assert.equal(
      run.stderr,
      `warning: Invalid setting mcpHygiene.ignoredPaths.0: Too big: expected string to have <=${MAX_GLOB_LENGTH} characters. Using the default for mcpHygiene.ignoredPaths.\n`,
    );
    assert.match(run.stdout, /unpinned/);
  } finally {
    cleanup();
  }
});

test('too many or too long glob patterns in settings and --exclude are refused with the limit', () => {
  const many = parseSettings({ ignoredPaths: Array.from({ length: MAX_GLOB_COUNT + 1 }, (_, i) => `dir${i}/**`) });
  assert.deepEqual(many.problems, [
    `Invalid setting mcpHygiene.ignoredPaths: Too big: expected array to have <=${MAX_GLOB_COUNT} items. Using the default for mcpHygiene.ignoredPaths.`,
  ]);
  const suppression = parseSettings({ suppressions: [{ file: '*'.repeat(MAX_GLOB_LENGTH + 1), rule: '*' }] });
  assert.match(suppression.problems[0], /^Invalid setting mcpHygiene\.suppressions\.0\.file: Too big/);
  assert.deepEqual(parseSettings({ ignoredPaths: ['x'.repeat(MAX_GLOB_LENGTH)] }).problems, [], 'the limit itself is allowed');
  const { dir, cleanup } = tempDir();
  try {
    const run = runCli(['scan', '--exclude', 'a'.repeat(70_000)], { cwd: dir });
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      `mcp-hygiene: An --exclude pattern is 70000 characters long; the limit is ${MAX_GLOB_LENGTH}.\nRun "mcp-hygiene --help" for usage.\n`,
    );
  } finally {
    cleanup();
  }
});

test('maxFileSize above 64 MiB falls back to the default with a warning: a huge file is skipped, not read', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { '.mcp-hygiene.json': '{ "maxFileSize": 1000000000 }', '.mcp.json': UNPINNED.replace('}\n', '}' + ' '.repeat(6_000_000) + '\n') });
    const run = runCli(['scan', '-f', 'json'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stderr,
      `warning: Invalid setting mcpHygiene.maxFileSize: Too big: expected number to be <=${MAX_FILE_SIZE_LIMIT}. Using the default for mcpHygiene.maxFileSize.\n`,
    );
    assert.match(JSON.parse(run.stdout).skipped[0].reason, /^too large \(6000\d+ bytes; maxFileSize is 5000000\)$/);
  } finally {
    cleanup();
  }
});

test('the settings bounds, the host read ceiling and package.json agree', () => {
  assert.equal(MAX_FILE_SIZE_LIMIT, ABSOLUTE_MAX_READ_BYTES);
  const properties = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).contributes.configuration.properties;
  assert.equal(properties['mcpHygiene.maxFileSize'].maximum, MAX_FILE_SIZE_LIMIT);
  assert.equal(properties['mcpHygiene.ignoredPaths'].maxItems, MAX_GLOB_COUNT);
  assert.equal(properties['mcpHygiene.ignoredPaths'].items.maxLength, MAX_GLOB_LENGTH);
  assert.equal(properties['mcpHygiene.suppressions'].maxItems, MAX_GLOB_COUNT);
  assert.equal(properties['mcpHygiene.suppressions'].items.properties.file.maxLength, MAX_GLOB_LENGTH);
});

test('an internal error is one line without a stack trace; MCP_HYGIENE_DEBUG=1 adds the stack', () => {
  const { dir, cleanup } = tempDir();
  scanHooks.onLint = () => {
    throw new RangeError('Maximum call stack size exceeded');
  };
  try {
    writeTree(dir, { '.mcp.json': UNPINNED });
    const run = runCli(['scan'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'mcp-hygiene: internal error: RangeError: Maximum call stack size exceeded. Please report it; set MCP_HYGIENE_DEBUG=1 for the stack trace.\n',
    );
    const debug = runCli(['scan'], { cwd: dir, env: { MCP_HYGIENE_DEBUG: '1' } });
    assert.equal(debug.code, 2);
    assert.match(debug.stderr, /^mcp-hygiene: internal error: RangeError: Maximum call stack size exceeded\n\s+at /);
  } finally {
    delete scanHooks.onLint;
    cleanup();
  }
  // A multi-line or huge message still prints as one bounded line.
  const line = internalErrorMessage(new Error(`first line\n${'x'.repeat(10_000)}`), {});
  assert.equal(line, 'mcp-hygiene: internal error: Error: first line. Please report it; set MCP_HYGIENE_DEBUG=1 for the stack trace.\n');
  assert.equal(internalErrorMessage(new Error('y'.repeat(10_000)), { MCP_HYGIENE_DEBUG: '0' }).split('\n').length, 2);
});
