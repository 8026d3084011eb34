import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, applyFix, fixAll, type Finding } from '../../../server/src/engine';
import { checkFixInvariants, emptyStats } from '../../fuzz/lib/fixInvariants';
import { makeSecret, secretBody } from '../../fuzz/lib/arbitraries';
import { assertNoLeak } from '../../fuzz/lib/assertNoLeak';
import { fuzzSeed } from '../../fuzz/lib/config';

/**
 * The secret fixes keep the fix invariants (output parses, bytes outside the edits unchanged,
 * the finding gone, nothing new, not offered again):
 *  - `${input:}` writes `inputs` where the dialect's schema says (settings.json: `mcp.inputs`,
 *    also when the file has a root `servers` key; devcontainer.json:
 *    `customizations.vscode.mcp.inputs`) — regression from fuzz seed 7;
 *  - clients that expand no variable get "Remove the plaintext KEY from the file (…)", which
 *    deletes the whole env entry and says where the value goes, in the client's terms.
 */
const seed = fuzzSeed();
const TOKEN = makeSecret(0, seed + 11);
const PASSWORD = makeSecret(7, seed + 12);
const DSN = `postgres://admin:${PASSWORD}@db.internal.example:5432/app`;
const secrets = [secretBody(TOKEN), PASSWORD];

function check(name: string, text: string, path: string): void {
  const stats = emptyStats();
  checkFixInvariants(name, text, path, stats);
  assert.deepEqual(stats.violations, [], name);
  assert.ok(stats.fixes > 0, `${name}: no fix offered`);
}

const removal = (findings: readonly Finding[]) => findings.flatMap((f) => f.fixes.filter((x) => x.title.startsWith('Remove the plaintext ')));

test('${input:} in a VS Code settings.json goes to mcp.inputs, also with a root "servers" key', () => {
  const path = '/home/u/.config/Code/User/settings.json';
  for (const withRootServers of [false, true]) {
    const value: Record<string, unknown> = withRootServers ? { servers: { github: { env: { DATABASE_URL: DSN } } } } : {};
    value['editor.fontSize'] = 13;
    value.mcp = { servers: { github: { command: 'npx', args: ['-y', 'x@1.0.0'], env: { DATABASE_URL: DSN, GITHUB_TOKEN: TOKEN } } } };
    const text = JSON.stringify(value, null, 2);
    check(`settings.json, root servers: ${withRootServers}`, text, path);
    const finding = lint(text, path).find((f) => f.ruleId === 'secret-connection-string')!;
    const out = applyFix(text, finding.fixes.find((f) => f.title.includes('${input:'))!);
    const parsed = JSON.parse(out);
    assert.equal(parsed.inputs, undefined, 'no root inputs');
    assert.equal(parsed.mcp.inputs[0].id, 'database-password');
    assert.deepEqual(lint(out, path).filter((f) => f.ruleId === 'schema-undefined-input'), []);
  }
});

test('${input:} in a devcontainer.json goes to customizations.vscode.mcp.inputs', () => {
  const path = '/p/.devcontainer/devcontainer.json';
  const text = `{\n  // dev container\n  "name": "x",\n  "customizations": {\n    "vscode": {\n      "mcp": {\n        "servers": {\n          "github": { "command": "npx", "args": ["-y", "x@1.0.0"], "env": { "GITHUB_TOKEN": "${TOKEN}" } }\n        }\n      }\n    }\n  }\n}\n`;
  check('devcontainer', text, path);
  const finding = lint(text, path).find((f) => f.ruleId === 'secret-in-env')!;
  const out = applyFix(text, finding.fixes.find((f) => f.title.includes('${input:'))!);
  assert.match(out, /"mcp": \{\s*"inputs": \[/);
  assert.deepEqual(lint(out, path).filter((f) => f.ruleId === 'schema-undefined-input'), []);
});

const NO_INTERPOLATION: Array<{ path: string; root: string; where: RegExp }> = [
  { path: '/Users/me/Library/Application Support/Claude/claude_desktop_config.json', root: 'mcpServers', where: /\(set it in the environment Claude Desktop starts from\)$/ },
  { path: '/p/.zed/settings.json', root: 'context_servers', where: /\(set it in a wrapper script that starts the server\)$/ },
  { path: '/home/me/.lmstudio/mcp.json', root: 'mcpServers', where: /\(set it in the environment LM Studio starts from\)$/ },
  { path: '/p/.junie/mcp/mcp.json', root: 'mcpServers', where: /\(set it in the environment JetBrains Junie starts from\)$/ },
  { path: '/p/.vs/mcp.json', root: 'servers', where: /\(set it in the environment Visual Studio starts from\)$/ },
];

test('clients without variables: "Remove the plaintext KEY" deletes the env entry, first/middle/last/only, comments and CRLF kept', () => {
  const env = (i: number, n: number) => Array.from({ length: n }, (_, k) => (k === i ? `"GITHUB_TOKEN": "${TOKEN}"` : `"LOG_${k}": "debug"`));
  for (const { path, root, where } of NO_INTERPOLATION) {
    const jsonc = path.endsWith('.zed/settings.json');
    for (const n of [1, 2, 3]) {
      for (let i = 0; i < n; i++) {
        for (const eol of ['\n', '\r\n']) {
          const entries = env(i, n).map((e, k) => `        ${e}${k < n - 1 ? ',' : ''}${jsonc ? ` // entry ${k}` : ''}`);
          const text = [`{`, `  "${root}": {`, `    "github": {`, `      "command": "npx",`, `      "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"],`, `      "env": {`, ...entries, `      }`, `    }`, `  }`, `}`, ``].join(eol);
          const name = `${path} entry ${i + 1} of ${n} ${JSON.stringify(eol)}`;
          check(name, text, path);
          const findings = lint(text, path);
          const fixes = removal(findings);
          assert.equal(fixes.length, 1, name);
          assert.match(fixes[0].title, /^Remove the plaintext GITHUB_TOKEN from the file /);
          assert.match(fixes[0].title, where, name);
          assert.equal(fixes[0].safe, false, 'never in fix-all');
          const out = applyFix(text, fixes[0]);
          assert.ok(!out.includes(secretBody(TOKEN)), name);
          for (let k = 0; k < n; k++) if (k !== i) assert.ok(out.includes(`"LOG_${k}": "debug"`), name);
          if (jsonc) for (let k = 0; k < n; k++) if (k !== i) assert.ok(out.includes(`// entry ${k}`), `${name}: lost a comment`);
          assert.equal(fixAll(text, path).text.includes(secretBody(TOKEN)), true, `${name}: fix-all must not remove it`);
          assertNoLeak(findings.map((f) => [f.message, ...f.fixes.map((x) => x.title)].join('\n')).join('\n'), secrets);
        }
      }
    }
  }
});

test('clients without variables: connection strings and env secrets of every kind; headers and args get no removal fix', () => {
  for (const { path, root } of NO_INTERPOLATION) {
    const servers = {
      db: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-postgres@0.6.2'], env: { DATABASE_URL: DSN, OPENAI_API_KEY: makeSecret(2, seed), API_KEY: makeSecret(6, seed), DB_PASSWORD: PASSWORD } },
      remote: { type: 'http', url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer ' + TOKEN } },
      args: { command: 'npx', args: ['-y', 'srv@1.0.0', '--api-key', TOKEN] },
    };
    const text = JSON.stringify({ [root]: servers }, null, 2);
    check(`${path} many secrets`, text, path);
    const findings = lint(text, path);
    for (const f of findings.filter((x) => x.fixes.some((y) => y.title.startsWith('Remove the plaintext ')))) assert.equal(f.server, 'db', `${f.ruleId} on ${f.server}`);
    assert.ok(removal(findings).length >= 4, path);
  }
});

test('Codex (TOML) and Goose (YAML): the entry goes, the table or map stays valid', () => {
  const codex = `[mcp_servers.github]\ncommand = "npx"\nargs = ["-y", "@modelcontextprotocol/server-github@0.6.2"]\n\n[mcp_servers.github.env]\nGITHUB_TOKEN = "${TOKEN}" # pat\nLOG_LEVEL = "debug"\n\n[mcp_servers.inline]\ncommand = "npx"\nargs = ["-y", "x@1.0.0"]\nenv = { API_KEY = "${makeSecret(6, seed)}" }\n`;
  check('codex', codex, '/p/.codex/config.toml');
  const codexFixes = removal(lint(codex, '/p/.codex/config.toml'));
  assert.equal(codexFixes.length, 2);
  assert.match(codexFixes[0].title, /\(list it in env_vars so Codex forwards it from its environment\)$/);
  const goose = `extensions:\n  github:\n    name: github\n    type: stdio\n    enabled: true\n    cmd: npx\n    args: ["-y", "@modelcontextprotocol/server-github@0.6.2"]\n    envs:\n      GITHUB_TOKEN: ${TOKEN} # pat\n`;
  check('goose', goose, '/home/me/.config/goose/config.yaml');
  const [gooseFix] = removal(lint(goose, '/home/me/.config/goose/config.yaml'));
  assert.match(gooseFix.title, /\(list it in env_keys so Goose reads it from the keyring or secrets\.yaml\)$/);
  assert.match(applyFix(goose, gooseFix), /envs:\s*\{\}/);
});

test('clients with a variable syntax keep their replacement fixes and get no removal fix', () => {
  for (const [path, root] of [['/p/.vscode/mcp.json', 'servers'], ['/p/.mcp.json', 'mcpServers'], ['/p/.cursor/mcp.json', 'mcpServers']]) {
    const text = JSON.stringify({ [root]: { github: { command: 'npx', args: ['-y', 'x@1.0.0'], env: { GITHUB_TOKEN: TOKEN } } } }, null, 2);
    const findings = lint(text, path);
    assert.deepEqual(removal(findings), [], path);
    assert.ok(findings.some((f) => f.ruleId === 'secret-in-env' && f.fixes.some((x) => /^Replace with /.test(x.title))), path);
  }
});

test('${input:} on a file written on one line: the inputs entry is inserted compactly, no overlapping edits (fuzz seed 20261121)', () => {
  const cases: Array<[string, string]> = [
    ['/p/.vscode/mcp.json', `{"servers": {"github": {"command": "npx","args": ["--api-key","${TOKEN}"]}}}`],
    ['/p/.vscode/mcp.json', `{"servers": {"github": {"command": "npx","env": {"GITHUB_TOKEN": "${TOKEN}"}}}, "mcpServers": {}}`],
    ['/p/.vscode/mcp.json', `{"inputs": [{"type": "promptString", "id": "x"}], "servers": {"github": {"command": "npx","env": {"GITHUB_TOKEN": "${TOKEN}"}}}}`],
    ['/home/u/.config/Code/User/settings.json', `{"editor.fontSize": 13, "mcp": {"servers": {"db": {"command": "npx", "env": {"DATABASE_URL": "${DSN}"}}}}}`],
  ];
  for (const [path, text] of cases) {
    check(`one line at ${path}`, text, path);
    for (const finding of lint(text, path)) {
      const fix = finding.fixes.find((f) => f.title.includes('${input:'));
      if (!fix) continue;
      const out = applyFix(text, fix);
      assert.equal(out.split('\n').length, 1, `still one line: ${out}`);
      assert.ok(!out.includes(secretBody(TOKEN)) && !out.includes(PASSWORD), 'the secret is gone');
    }
  }
});
