/**
 * A lint keeps no document alive once it is done. The memos that remember answers per string
 * (key names, secret verdicts, npm specs, messages...) live for the whole process, and V8
 * makes a piece of 13+ characters cut from a text a view into that whole text: a remembered
 * piece used to keep its document alive until the memo was next cleared (hundreds of files
 * in a scan, every keystroke's version of an open file in the language server).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze, lint } from '../../../server/src/engine';
import { DEFAULT_SETTINGS } from '../../../server/src/common/settings';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** A Cursor config laid out with a lot of indentation (~160 KB), whose server and token differ per file. */
function bigConfig(n: number): string {
  const indent = ' '.repeat(20_000);
  return `{\n${indent}"mcpServers": {\n${indent}"tools-${n}": {\n${indent}"command": "npx",\n${indent}"args": ["-y", "@acme/mcp-tools-server-${n}@latest"],\n${indent}"env": { "ACME_API_TOKEN": "acme_live_${n}Q7fK2pLx9RzT4vWm8NcY3bH6" }\n${indent}}\n${indent}}\n}\n`;
}

test('linting 150 different 160 KB configs leaves none of them in memory', () => {
  lint(bigConfig(-1), '/repo/.cursor/mcp.json'); // load and warm everything first
  const before = heapAfterCollection();
  let findings = 0;
  for (let n = 0; n < 150; n++) findings += lint(bigConfig(n), `/repo${n}/.cursor/mcp.json`).length;
  const grown = (heapAfterCollection() - before) / 2 ** 20;
  assert.ok(findings >= 300, `each file has its unpinned package and its token reported (${findings} findings)`);
  // The texts themselves add up to ~23 MB; what stays is the memos' own small entries.
  assert.ok(grown < 8, `the heap grew by ${grown.toFixed(1)} MB`);
});

test('re-linting 300 keystrokes, each from the previous analysis, keeps only the latest version', () => {
  // Each version is linted incrementally from the one before (as the language server does):
  // nothing the new analysis holds (findings, their fixes' closures, rule contexts) may
  // reach back to the previous analysis, or every keystroke's version stays in memory.
  const path = '/repo/.vscode/mcp.json';
  const version = (n: number) =>
    JSON.stringify({
      servers: Object.fromEntries(
        Array.from({ length: 40 }, (_, i) => [
          `server-${i}`,
          {
            command: 'npx',
            args: ['-y', i === 0 ? `@acme/mcp-tools@1.0.${n}` : `@acme/mcp-tools-${i}`],
            env: { ACME_API_TOKEN: `acme_live_${i}Q7fK2pLx9RzT4vWm8NcY3bH6` },
          },
        ]),
      ),
    });
  let previous = analyze(version(0), path)!;
  for (let n = 1; n <= 20; n++) previous = analyze(version(n), path, DEFAULT_SETTINGS, { previous })!;
  const before = heapAfterCollection();
  for (let n = 21; n <= 320; n++) previous = analyze(version(n), path, DEFAULT_SETTINGS, { previous })!;
  const grown = (heapAfterCollection() - before) / 2 ** 20;
  assert.ok(
    previous.findings.some((f) => f.ruleId === 'unpinned-npm-package'),
    'the other servers are still reported',
  );
  // One version's analysis is ~0.2 MB: 300 kept would be ~60 MB.
  assert.ok(grown < 8, `the heap grew by ${grown.toFixed(1)} MB over 300 versions`);
});
