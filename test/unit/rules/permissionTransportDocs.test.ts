/**
 * The Bad and Good examples on the permission and transport rule pages are real configs:
 * every Bad example must make its rule report, and every Good example must not. A block
 * names its file in a first comment line (`// .vscode/mcp.json`, `# ~/.codex/config.toml`);
 * a block may hold several files, each introduced by such a line. Blocks without a file
 * name are skipped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULES } from '../../../server/src/engine';
import { lintRule } from './_permissionTransport';

const docs = resolve(__dirname, '..', '..', '..', 'docs', 'rules');
const FILE_LINE = /^(?:\/\/|#)\s*(~\/|\.)?([\w./ -]*?(?:\.json|\.jsonc|\.toml|\.yaml|\.yml))(?=$|[\s:(])/;

function examples(markdown: string, section: string): Array<{ path: string; text: string }> {
  const part = markdown.split(/^## /m).find((s) => s.startsWith(section));
  const block = part && /```\w*\n([\s\S]*?)```/.exec(part)?.[1];
  if (!block) return [];
  const files: Array<{ path: string; text: string }> = [];
  for (const line of block.split('\n')) {
    const named = FILE_LINE.exec(line);
    if (named) {
      const home = named[1] === '~/';
      const name = (named[1] === '.' ? '.' : '') + named[2];
      files.push({ path: (home ? '/home/dev/' : '/home/dev/project/') + name, text: '' });
      continue;
    }
    if (files.length) files[files.length - 1].text += line + '\n';
  }
  return files.filter((f) => f.text.trim());
}

for (const rule of RULES.filter((r) => r.meta.category === 'permission' || r.meta.category === 'transport')) {
  test(`docs examples: ${rule.id}`, () => {
    const markdown = readFileSync(join(docs, rule.id + '.md'), 'utf8');
    const bad = examples(markdown, 'Bad');
    const good = examples(markdown, 'Good');
    assert.ok(bad.length > 0, `${rule.id}: the Bad example names no file`);
    for (const { path, text } of bad) assert.ok(lintRule(rule.id, path, text).length > 0, `${rule.id}: Bad example ${path} is not reported:\n${text}`);
    for (const { path, text } of good)
      assert.deepEqual(
        lintRule(rule.id, path, text).map((f) => f.message),
        [],
        `${rule.id}: Good example ${path} is reported`,
      );
  });
}
