import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, fixAll } from '../../../server/src/engine';
import { checkFixInvariants, emptyStats } from '../../fuzz/lib/fixInvariants';

/**
 * fixAll runs at most ten passes and schema-syntax-error lists at most ten problems, so a
 * strict-JSON file with more than a hundred trailing commas kept some after fix-all, and a
 * second run changed the file again (fuzz seed 20261121, Visual Studio). The last listed
 * trailing comma's fix now also removes the unlisted ones.
 */
function manyTrailingCommas(n: number): string {
  const servers = Array.from({ length: n }, (_, i) => `    "s${i}": {\n      "command": "node",\n      "args": ["server.js",],\n    },`).join('\n');
  return `{\n  "mcpServers": {\n${servers}\n  },\n}\n`;
}

for (const [path, n] of [
  ['/p/claude_desktop_config.json', 3],
  ['/p/claude_desktop_config.json', 11],
  ['/p/.vs/mcp.json', 60],
  ['/p/.lmstudio/mcp.json', 160],
] as const) {
  test(`fixAll clears ${n * 2 + 2} trailing commas in strict JSON (${path}) and is idempotent`, () => {
    const text = path.endsWith('.vs/mcp.json') ? manyTrailingCommas(n).replace('"mcpServers"', '"servers"') : manyTrailingCommas(n);
    const listed = lint(text, path).filter((f) => f.ruleId === 'schema-syntax-error');
    // Per server: `"server.js",]` and `],}`; then the last server's `},` and the map's `},`.
    assert.equal(listed.length, Math.min(10, n * 2 + 2));
    const last = listed[listed.length - 1];
    const unlisted = n * 2 + 2 - listed.length;
    assert.equal(
      last.fixes[0].title,
      unlisted ? `Remove this and the ${unlisted} unlisted trailing comma${unlisted === 1 ? '' : 's'}` : 'Remove the trailing comma',
    );
    const once = fixAll(text, path);
    assert.deepEqual(
      lint(once.text, path).filter((f) => f.ruleId === 'schema-syntax-error'),
      [],
    );
    assert.equal(fixAll(once.text, path).text, once.text);
    JSON.parse(once.text);
    if (n <= 11) {
      const stats = emptyStats();
      checkFixInvariants(`${n} servers`, text, path, stats);
      assert.deepEqual(stats.violations, []);
    }
  });
}
