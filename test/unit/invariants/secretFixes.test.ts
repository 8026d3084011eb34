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
 *  - clients that expand no variable but forward named variables (Codex `env_vars`, Goose
 *    `env_keys`) get "Move KEY to env_vars", which deletes the env entry and names KEY in the
 *    list, so the server still receives it; clients with neither get no removal fix at all
 *    (deleting the value would leave the server without it) and a message saying what to do.
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

const removal = (findings: readonly Finding[]) => findings.flatMap((f) => f.fixes.filter((x) => /^(Remove the plaintext |Move \S+ to )/.test(x.title)));

test('${input:} in a VS Code settings.json goes to mcp.inputs, also with a root "servers" key', () => {
  const path = '/home/u/.config/Code/User/settings.json';
  for (const withRootServers of [false, true]) {
    const value: Record<string, unknown> = withRootServers ? { servers: { github: { env: { DATABASE_URL: DSN } } } } : {};
    value['editor.fontSize'] = 13;
    value.mcp = { servers: { github: { command: 'npx', args: ['-y', 'x@1.0.0'], env: { DATABASE_URL: DSN, GITHUB_TOKEN: TOKEN } } } };
    const text = JSON.stringify(value, null, 2);
    check(`settings.json, root servers: ${withRootServers}`, text, path);
    const finding = lint(text, path).find((f) => f.ruleId === 'secret-connection-string')!;
    const out = applyFix(
      text,
      finding.fixes.find((f) => f.title.includes('${input:'))!,
    );
    const parsed = JSON.parse(out);
    assert.equal(parsed.inputs, undefined, 'no root inputs');
    assert.equal(parsed.mcp.inputs[0].id, 'database-password');
    assert.deepEqual(
      lint(out, path).filter((f) => f.ruleId === 'schema-undefined-input'),
      [],
    );
  }
});

test('${input:} in a devcontainer.json goes to customizations.vscode.mcp.inputs', () => {
  const path = '/p/.devcontainer/devcontainer.json';
  const text = `{\n  // dev container\n  "name": "x",\n  "customizations": {\n    "vscode": {\n      "mcp": {\n        "servers": {\n          "github": { "command": "npx", "args": ["-y", "x@1.0.0"], "env": { "GITHUB_TOKEN": "${TOKEN}" } }\n        }\n      }\n    }\n  }\n}\n`;
  check('devcontainer', text, path);
  const finding = lint(text, path).find((f) => f.ruleId === 'secret-in-env')!;
  const out = applyFix(
    text,
    finding.fixes.find((f) => f.title.includes('${input:'))!,
  );
  assert.match(out, /"mcp": \{\s*"inputs": \[/);
  assert.deepEqual(
    lint(out, path).filter((f) => f.ruleId === 'schema-undefined-input'),
    [],
  );
});

const NO_INTERPOLATION: readonly string[] = [
  '/Users/me/Library/Application Support/Claude/claude_desktop_config.json',
  '/home/me/.lmstudio/mcp.json',
  '/p/.junie/mcp/mcp.json',
  '/p/.vs/mcp.json',
];
const rootKey = (path: string) => (path.endsWith('.vs/mcp.json') ? 'servers' : 'mcpServers');

test('clients with no variables and no pass-through list: no fix deletes the secret (the server would lose it); the message says what to do', () => {
  for (const path of NO_INTERPOLATION) {
    const servers = {
      db: {
        command: 'npx',
        args: ['-y', '@modelcontextprotocol/server-postgres@0.6.2'],
        env: { DATABASE_URL: DSN, OPENAI_API_KEY: makeSecret(2, seed), API_KEY: makeSecret(6, seed), DB_PASSWORD: PASSWORD, GITHUB_TOKEN: TOKEN },
      },
      remote: { type: 'http', url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer ' + TOKEN } },
      args: { command: 'npx', args: ['-y', 'srv@1.0.0', '--api-key', TOKEN] },
    };
    const text = JSON.stringify({ [rootKey(path)]: servers }, null, 2);
    const findings = lint(text, path);
    const secretsFound = findings.filter((f) => f.category === 'secret' && f.server === 'db');
    assert.ok(secretsFound.length >= 4, path);
    assert.deepEqual(removal(findings), [], path);
    for (const f of secretsFound)
      assert.match(
        f.message,
        /expands no variables here: start the server through a wrapper that reads it from your keychain or an env file outside the repository/,
        `${path} ${f.ruleId}`,
      );
    assert.equal(fixAll(text, path).text.includes(secretBody(TOKEN)), true, `${path}: fix-all must not remove it`);
    assertNoLeak(findings.map((f) => [f.message, ...f.fixes.map((x) => x.title)].join('\n')).join('\n'), secrets);
  }
});

test('Codex (TOML): "Move KEY to env_vars" deletes the entry and names KEY in env_vars, so Codex still hands the server the value from its environment', () => {
  const apiKey = makeSecret(6, seed);
  const codex = `[mcp_servers.github]\ncommand = "npx"\nargs = ["-y", "@modelcontextprotocol/server-github@0.6.2"]\n\n[mcp_servers.github.env]\nGITHUB_TOKEN = "${TOKEN}" # pat\nLOG_LEVEL = "debug"\n\n[mcp_servers.inline]\ncommand = "npx"\nargs = ["-y", "x@1.0.0"]\nenv_vars = ["HOME_DIR"]\nenv = { API_KEY = "${apiKey}" }\n`;
  const path = '/p/.codex/config.toml';
  check('codex', codex, path);
  const fixes = removal(lint(codex, path));
  assert.deepEqual(
    fixes.map((f) => f.title),
    [
      'Move GITHUB_TOKEN to env_vars (Codex passes it from its environment; set it there)',
      'Move API_KEY to env_vars (Codex passes it from its environment; set it there)',
    ],
  );
  const first = applyFix(codex, fixes[0]);
  assert.ok(!first.includes(secretBody(TOKEN)));
  assert.match(first, /\[mcp_servers\.github\]\ncommand = "npx"\nargs = \[[^\n]*\]\nenv_vars = \["GITHUB_TOKEN"\]\n/);
  assert.match(first, /LOG_LEVEL = "debug"/);
  const second = applyFix(codex, fixes[1]);
  // The only entry of the inline env table goes with its table: `env = {}` would say nothing.
  assert.match(second, /env_vars = \["HOME_DIR", "API_KEY"\]\n$/);
  assert.ok(!second.includes(apiKey));
  assert.ok(
    fixes.every((f) => !f.safe),
    'never in fix-all: the value must be set in the environment first',
  );
});

test('Goose (YAML): "Move KEY to env_keys" removes the entry and adds env_keys at the entry\'s indentation, one line, nothing else touched', () => {
  const goose = `extensions:\n  github:\n    name: github\n    type: stdio\n    enabled: true\n    cmd: npx\n    args: ["-y", "@modelcontextprotocol/server-github@0.6.2"]\n    envs:\n      GITHUB_TOKEN: ${TOKEN} # pat\n    timeout: 300\n`;
  const path = '/home/me/.config/goose/config.yaml';
  check('goose', goose, path);
  const findings = lint(goose, path);
  const secret = findings.find((f) => f.ruleId === 'secret-in-env')!;
  assert.match(secret.message, /Name it in this server's env_keys instead, so Goose passes it from its own environment/);
  const [fix] = removal(findings);
  assert.equal(fix.title, 'Move GITHUB_TOKEN to env_keys (Goose passes it from its environment; set it there)');
  const out = applyFix(goose, fix);
  assert.equal(
    out,
    `extensions:\n  github:\n    name: github\n    type: stdio\n    enabled: true\n    cmd: npx\n    args: ["-y", "@modelcontextprotocol/server-github@0.6.2"]\n    timeout: 300\n    env_keys: ["GITHUB_TOKEN"]\n`,
  );
});

test('Zed: "Remove KEY from env" (Zed starts servers with its own environment); headers and args get no fix and the wrapper advice', () => {
  const path = '/p/.zed/settings.json';
  const text = `{\n  // Zed settings\n  "theme": "One Dark",\n  "context_servers": {\n    "db": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "--api-key", "${TOKEN}"], "env": { "DATABASE_URL": "${DSN}", "LOG_LEVEL": "info" } },\n    "remote": { "url": "https://mcp.example.com/mcp", "headers": { "Authorization": "Bearer ${TOKEN}" } }\n  }\n}\n`;
  check('zed', text, path);
  const findings = lint(text, path);
  const dsn = findings.find((f) => f.ruleId === 'secret-connection-string')!;
  assert.deepEqual(
    dsn.fixes.map((f) => f.title),
    ['Remove DATABASE_URL from env (Zed passes its own environment to the server; set DATABASE_URL there)'],
  );
  assert.match(dsn.message, /Remove it from env and set it where Zed runs/);
  const out = applyFix(text, dsn.fixes[0]);
  assert.ok(out.includes('"env": { "LOG_LEVEL": "info" }') && !out.includes(PASSWORD), out);
  for (const f of findings.filter((x) => x.ruleId === 'secret-in-header' || x.ruleId === 'secret-in-args')) {
    assert.deepEqual(f.fixes, [], f.ruleId);
    // A local server can be wrapped; a remote one can only sign in another way.
    assert.match(
      f.message,
      f.ruleId === 'secret-in-args'
        ? /expands no variables here: start the server through a wrapper/
        : /expands no variables here: use the server's OAuth sign-in if it offers one/,
    );
  }
});

test('clients with a variable syntax keep their replacement fixes and get no removal fix', () => {
  for (const [path, root] of [
    ['/p/.vscode/mcp.json', 'servers'],
    ['/p/.mcp.json', 'mcpServers'],
    ['/p/.cursor/mcp.json', 'mcpServers'],
  ]) {
    const text = JSON.stringify({ [root]: { github: { command: 'npx', args: ['-y', 'x@1.0.0'], env: { GITHUB_TOKEN: TOKEN } } } }, null, 2);
    const findings = lint(text, path);
    assert.deepEqual(removal(findings), [], path);
    assert.ok(
      findings.some((f) => f.ruleId === 'secret-in-env' && f.fixes.some((x) => /^Replace with /.test(x.title))),
      path,
    );
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
