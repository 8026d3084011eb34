import { test } from 'node:test';
import fc from 'fast-check';
import { fuzzRuns, fuzzSeed } from '../../fuzz/lib/config';
import { crashProperty, lintEverywhere, stats } from '../../fuzz/lib/properties';
import { DIALECTS } from '../../../server/src/engine';
import { dialectTargets } from '../../fuzz/lib/dialectPaths';

test('every registered dialect gets a concrete path from its globs', () => {
  for (const { dialect, paths } of dialectTargets(DIALECTS)) {
    if (paths.length === 0) throw new Error(`no path for ${dialect.id}`);
  }
});

test('arbitrary MCP-like, mutated and random text never crashes lint under any dialect path; ranges stay in the document', () => {
  fc.assert(crashProperty(), { seed: fuzzSeed(), numRuns: fuzzRuns(80) });
  console.log(`# arbitrary text: ${stats.cases} cases, ${stats.lints} lints`);
});

test('every glob of every dialect survives a handful of awkward inputs', () => {
  for (const text of [
    '',
    ' ',
    '{',
    '}',
    '[',
    '"',
    '{"servers":',
    '{"mcpServers":{"a":{"command":"npx","args":["-y","x"]}}}',
    'mcp_servers = 1',
    '[mcp_servers.a]\ncommand = "npx"',
    'mcpServers:\n  - name: a\n    command: npx',
  ]) {
    lintEverywhere(text, true);
  }
});
