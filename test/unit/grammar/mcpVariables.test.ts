import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

// Snapshot tests of syntaxes/mcp-variables.injection.json: fixture lines are tokenised with
// vscode-textmate (the engine VS Code uses) + vscode-oniguruma (its wasm ships in the npm
// package: no network). The host grammars in hosts/ are small stand-ins that use the same
// string and comment scope names as the grammars VS Code ships for JSON/JSONC and the
// common TOML/YAML extensions; the injection only depends on those scopes.
// Regenerate after a deliberate change: UPDATE_SNAPSHOTS=1 node scripts/test.mjs --only unit
const root = join(__dirname, '..', '..', '..');
const here = __dirname;
const SNAPSHOT = join(here, 'mcpVariables.snapshot.json');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const HOSTS: Record<string, { scope: string; file: string }> = {
  json: { scope: 'source.json', file: 'json.tmLanguage.json' },
  jsonc: { scope: 'source.json.comments', file: 'jsonc.tmLanguage.json' },
  toml: { scope: 'source.toml', file: 'toml.tmLanguage.json' },
  yaml: { scope: 'source.yaml', file: 'yaml.tmLanguage.json' },
};

async function loadGrammars(): Promise<Record<string, IGrammar>> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const contribution = manifest.contributes.grammars.find((g: { path: string }) => g.path.includes('mcp-variables.injection.json'));
  const injectionScope: string = contribution.scopeName;
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      if (scope === injectionScope) return parseRawGrammar(readFileSync(join(root, contribution.path), 'utf8'), 'x.json');
      const host = Object.values(HOSTS).find((h) => h.scope === scope);
      return host ? parseRawGrammar(readFileSync(join(here, 'hosts', host.file), 'utf8'), 'x.json') : null;
    },
    // What VS Code does with the manifest's injectTo.
    getInjections: (scope) => (contribution.injectTo.includes(scope) ? [injectionScope] : undefined),
  });
  const grammars: Record<string, IGrammar> = {};
  for (const [name, host] of Object.entries(HOSTS)) grammars[name] = (await registry.loadGrammar(host.scope))!;
  return grammars;
}

/** Tokens carrying an MCP scope: text and the MCP scopes (host scopes are the stand-ins'). */
function tokenize(grammar: IGrammar, line: string): Array<[string, string]> {
  const { tokens } = grammar.tokenizeLine(line, INITIAL);
  return tokens
    .map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.filter((s) => s.endsWith('.mcp')).join(' ')] as [string, string])
    .filter(([, scopes]) => scopes !== '');
}

test('the grammar is contributed for JSON, JSONC, TOML and YAML and injected into strings only', () => {
  const contribution = manifest.contributes.grammars.find((g: { path: string }) => g.path === './syntaxes/mcp-variables.injection.json');
  assert.ok(contribution, 'package.json contributes.grammars lists the injection grammar');
  assert.deepEqual([...contribution.injectTo].sort(), ['source.json', 'source.json.comments', 'source.toml', 'source.yaml']);
  const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', 'mcp-variables.injection.json'), 'utf8'));
  assert.equal(grammar.scopeName, contribution.scopeName);
  assert.match(grammar.injectionSelector, /string/);
});

test('fixture lines tokenise as in the committed snapshot', async () => {
  const grammars = await loadGrammars();
  const lines = readFileSync(join(here, 'fixtures.txt'), 'utf8').split('\n').filter(Boolean);
  const actual = lines.map((entry) => {
    const [kind, ...rest] = entry.split('|');
    const line = rest.join('|');
    return { kind, line, tokens: tokenize(grammars[kind], line) };
  });
  if (process.env.UPDATE_SNAPSHOTS || !existsSync(SNAPSHOT)) writeFileSync(SNAPSHOT, JSON.stringify(actual, null, 1) + '\n');
  const expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
  assert.deepEqual(actual, expected);
});

test('spot checks: each syntax is recognised, comments and plain text are not', async () => {
  const g = await loadGrammars();
  const vars = (kind: string, line: string) =>
    tokenize(g[kind], line)
      .filter(([, s]) => /(^| )variable\./.test(s))
      .map(([t]) => t);
  assert.deepEqual(vars('json', '"${input:tok}"'), ['tok']);
  assert.deepEqual(vars('json', '"${env:HOME}"'), ['HOME']);
  assert.deepEqual(vars('json', '"${workspaceFolder}"'), ['workspaceFolder']);
  assert.deepEqual(vars('json', '"${VAR}"'), ['VAR']);
  assert.deepEqual(vars('json', '"${VAR:-x}"'), ['VAR']);
  assert.deepEqual(vars('json', '"{env:X}"'), ['X']);
  assert.deepEqual(vars('json', '"${{ secrets.X }}"'), ['X']);
  assert.deepEqual(vars('json', '"$VAR"'), ['VAR']);
  assert.deepEqual(vars('jsonc', '// ${env:X} "$Y"'), []);
  assert.deepEqual(vars('json', '"costs $5 {braces}"'), []);
  assert.deepEqual(vars('toml', '# ${X}'), []);
  assert.deepEqual(vars('yaml', 'key: $HOST'), ['HOST']);
});
