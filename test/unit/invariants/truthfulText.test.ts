import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine';
import { loadCorpus, loadFixtures, type SampleFile } from '../../fuzz/lib/corpus';

/**
 * Messages and fix titles do not invent versions (issue 18): every version number they
 * quote (`1.2.3`, `v0.6.2`) is one the file itself holds. Made-up examples ("e.g.
 * pkg@1.2.3") read as advice to pin to that version; the messages now write `<version>` and
 * name the command that shows the real one.
 */
/** Rules that quote the affected and fixed versions of the bundled advisories: real versions, not examples. */
const FROM_ADVISORIES = new Set(['known-vulnerable-version', 'known-malicious-package']);
const VERSION = /(?<![\w.])v?\d+\.\d+\.\d+(?![\w.]*\d)/g;

function inventedVersions(files: readonly SampleFile[]): { texts: number; invented: string[] } {
  let texts = 0;
  const invented: string[] = [];
  for (const file of files) {
    for (const finding of analyze(file.text, file.lintPath)?.findings ?? []) {
      if (FROM_ADVISORIES.has(finding.ruleId)) continue;
      for (const [what, text] of [['message', finding.message], ...finding.fixes.map((fix) => ['fix title', fix.title])] as const) {
        texts++;
        for (const version of text.match(VERSION) ?? []) {
          if (!file.text.includes(version.replace(/^v/, ''))) invented.push(`${file.name} [${finding.ruleId}] ${what} quotes ${version}: ${text}`);
        }
      }
    }
  }
  return { texts, invented };
}

test(
  'no message or fix title on the real corpus quotes a version the file does not hold',
  { skip: loadCorpus().length === 0 && 'corpus not on this machine' },
  () => {
    const { texts, invented } = inventedVersions(loadCorpus());
    console.log(`# corpus: ${texts} messages and titles checked`);
    assert.deepEqual(invented, []);
  },
);

test('no message or fix title on the fixtures quotes a version the file does not hold', () => {
  const { texts, invented } = inventedVersions(loadFixtures());
  console.log(`# fixtures: ${texts} messages and titles checked`);
  assert.ok(texts > 0);
  assert.deepEqual(invented, []);
});

test('an unpinned npx package gets the placeholder and the command that shows the real version', () => {
  const text = '{\n  "mcpServers": {\n    "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"] }\n  }\n}\n';
  const finding = analyze(text, '/p/.cursor/mcp.json')!.findings.find((f) => f.ruleId === 'unpinned-npm-package');
  assert.ok(finding);
  assert.match(
    finding.message,
    /Write "@modelcontextprotocol\/server-filesystem@<version>" \(npm view @modelcontextprotocol\/server-filesystem version shows the newest\)\.$/,
  );
});
