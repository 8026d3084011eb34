import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../server/src/rules';
import { plantedConfig } from '../fuzz/lib/planted';
import { assertNoLeak } from '../fuzz/lib/assertNoLeak';
import { withClient } from './harness';

/**
 * Issue 9's "no disclosure" promise, end to end through the language server: a config with
 * a unique secret in every position a rule reads (env, headers, args, URL userinfo and
 * query, connection strings, OAuth), in JSONC, JSON, TOML and YAML, opened in the server.
 * Nothing the server sends back to the editor may carry more than a 4-character prefix of
 * any of them: diagnostic messages, hovers anywhere in the file, code action titles
 * (quick fixes, suppressions, pin actions, fix-all) and the server's log. Edits are not
 * checked: a fix that rewrites a line legitimately writes the file's own text back.
 */
const planted = plantedConfig(20261202);

const DOCUMENTS: Array<{ uri: string; text: string; languageId: string }> = [
  { uri: 'file:///w/app/.vscode/mcp.json', text: planted.texts.jsonc, languageId: 'jsonc' },
  { uri: 'file:///w/home/Library/Application%20Support/Claude/claude_desktop_config.json', text: planted.texts.json, languageId: 'json' },
  { uri: 'file:///w/app/.codex/config.toml', text: planted.texts.toml, languageId: 'toml' },
  { uri: 'file:///w/app/.continue/mcpServers/planted.yaml', text: planted.texts.yamlList, languageId: 'yaml' },
];

/** A position at the start of each line's first token and in the middle of each line's text. */
function probePositions(text: string): Array<{ line: number; character: number }> {
  const positions: Array<{ line: number; character: number }> = [];
  text.split('\n').forEach((line, index) => {
    const first = line.search(/\S/);
    if (first < 0) return;
    positions.push({ line: index, character: first + 1 });
    positions.push({ line: index, character: Math.floor((first + line.length) / 2) });
  });
  return positions;
}

test('no secret reaches the editor: diagnostics, hovers, code action titles and the log, in JSONC, JSON, TOML and YAML', async () => {
  await withClient({ pull: true, rules: RULES, settings: { network: true } }, async (client) => {
    let diagnosticsSeen = 0;
    let hoversSeen = 0;
    let actionsSeen = 0;
    for (const document of DOCUMENTS) {
      await client.open(document.uri, document.text, document.languageId);
      const items = await client.pullItems(document.uri);
      assert.ok(items.length > 10, `${document.uri}: the planted secrets are found (${items.length} diagnostics)`);
      diagnosticsSeen += items.length;
      assertNoLeak(items.map((d) => d.message).join('\n'), planted.secrets, { label: `${document.uri} diagnostics` });

      const hovers: string[] = [];
      for (const position of probePositions(document.text)) {
        const hover = await client.hover(document.uri, position);
        if (hover) hovers.push(JSON.stringify(hover.contents));
      }
      assert.ok(hovers.length > 0, `${document.uri}: some hover was shown`);
      hoversSeen += hovers.length;
      assertNoLeak(hovers.join('\n'), planted.secrets, { label: `${document.uri} hovers` });

      const actions = [...(await client.codeActions(document.uri, items)), ...(await client.codeActions(document.uri, [], ['source.fixAll']))];
      actionsSeen += actions.length;
      const titles = actions.flatMap((action) => [action.title, action.command?.title ?? '']);
      assertNoLeak(titles.join('\n'), planted.secrets, { label: `${document.uri} code action titles` });
    }
    assertNoLeak(
      client.logs
        .all()
        .map((l) => l.message)
        .join('\n'),
      planted.secrets,
      { label: 'server log' },
    );
    assert.ok(
      diagnosticsSeen > 40 && hoversSeen > 20 && actionsSeen > 20,
      `checked ${diagnosticsSeen} diagnostics, ${hoversSeen} hovers, ${actionsSeen} actions`,
    );
  });
});
