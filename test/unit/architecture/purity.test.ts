/**
 * The engine is pure (the brief: text in, findings with fixes out; no LSP, no vscode, no I/O):
 * the folders it is made of import no file system, process, network or editor module, and
 * nothing from the adapters (cli/, handlers/, host/, registry/, the server entry points).
 * node:crypto (hashing) is computation and allowed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '..', '..', '..', 'server', 'src');
const ENGINE_FOLDERS = ['common', 'core', 'data', 'dialects', 'engine', 'fixes', 'launch', 'parse', 'permissions', 'policy', 'rules', 'secrets'];
const FORBIDDEN_MODULES =
  /^(?:node:)?(?:fs|fs\/promises|child_process|net|tls|http|https|http2|dns|dgram|os|worker_threads|cluster|readline|process)$|^vscode(?:$|-)/;
const ADAPTERS = ['cli', 'handlers', 'host', 'registry', 'server.ts', 'server-main.ts', 'cli.ts', 'cli-main.ts', 'codeCache.ts', 'startServer.ts'];

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)'([^']+)'/gm)) found.push(match[1]);
  return found;
}

test('the engine folders import no I/O, process, network or editor module, and no adapter', () => {
  const problems: string[] = [];
  let checked = 0;
  for (const folder of ENGINE_FOLDERS) {
    for (const file of sources(join(SRC, folder))) {
      checked++;
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        const where = relative(SRC, file);
        if (FORBIDDEN_MODULES.test(spec)) problems.push(`${where} imports ${spec}`);
        if (spec.startsWith('.')) {
          const target = relative(SRC, resolve(dirname(file), spec));
          if (ADAPTERS.some((adapter) => target === adapter.replace(/\.ts$/, '') || target.startsWith(adapter + '/')))
            problems.push(`${where} imports the adapter ${target}`);
        }
      }
    }
  }
  assert.ok(checked > 150, `only ${checked} files read`);
  assert.deepEqual(problems, []);
});
