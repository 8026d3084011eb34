import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, RULES, type Finding } from '../../../server/src/engine';
import type { Rule } from '../../../server/src/core/rule';
import { npmLaunchOf } from '../../../server/src/launch/npmLaunch';
import { pythonLaunchOf } from '../../../server/src/launch/pythonLaunch';
import { parsePythonSpec } from '../../../server/src/launch/pythonSpec';
import { isCredentialShaped, isUpperCaseNpmName } from '../../../server/src/secrets/credentialShape';
import { redactMessage } from '../../../server/src/secrets/redact';
import { assertNoLeak } from '../../fuzz/lib/assertNoLeak';
import { makeSecret, secretBody } from '../../fuzz/lib/arbitraries';
import { fuzzSeed } from '../../fuzz/lib/config';

/**
 * Regressions from `npm run fuzz -- --runs 5000` (seeds 20261121, 1, 7, 42, 99): a token
 * after an option the launcher does not know (`npx --api-key ghp_…`, `uvx -e NAME=ghp_…`)
 * was taken as the package, and unpinned-npm-package / unpinned-python-package printed
 * `runs npm package "ghp_…" … e.g. "ghp_…@1.2.3"`. Two layers now: the launch parsers never
 * take a credential as a package, and lint() masks credentials in every message and fix title.
 */
const seed = fuzzSeed();
// One secret of every generated kind: GitHub classic and fine-grained, OpenAI, AWS, Slack,
// GitLab, 40-hex, and a shapeless password.
const SECRETS = Array.from({ length: 8 }, (_, kind) => makeSecret(kind, seed * 31 + kind));
const bodies = SECRETS.map(secretBody);
const shown = (findings: readonly Finding[]) => findings.map((f) => [f.message, ...f.fixes.map((x) => x.title)].join('\n')).join('\n');

const LAUNCHES: Array<[string, string[]]> = [
  ['npx', []],
  ['npx', ['-y']],
  ['npm', ['exec', '--yes']],
  ['bunx', []],
  ['pnpm', ['dlx']],
  ['yarn', ['dlx']],
  ['uvx', []],
  ['uv', ['tool', 'run']],
  ['pipx', ['run']],
  ['docker', ['run', '-i', '--rm']],
];
/** Every position the fuzz run put a secret in, after the launcher's own words. */
const POSITIONS: Array<(secret: string) => string[]> = [
  (s) => ['--api-key', s],
  (s) => ['--token', s],
  (s) => ['--access-token', s],
  (s) => ['-p', s],
  (s) => ['-e', `GITHUB_TOKEN=${s}`],
  (s) => ['-e', `API_KEY=${s}`],
  (s) => [`--api-key=${s}`],
  (s) => [s],
  (s) => ['--', s],
  (s) => ['--from', s],
  (s) => ['--with', s],
  (s) => ['--api-key', s, '@modelcontextprotocol/server-github'],
];
const PATHS = ['/p/.vscode/mcp.json', '/p/.mcp.json', '/Users/me/Library/Application Support/Claude/claude_desktop_config.json', '/p/.cursor/mcp.json'];

test('no launcher position discloses a planted secret (npx, npm exec, bunx, pnpm/yarn dlx, uvx, uv tool run, pipx run, docker)', () => {
  let findings = 0;
  for (const [command, head] of LAUNCHES) {
    for (const position of POSITIONS) {
      for (const secret of SECRETS) {
        const server = { command, args: [...head, ...position(secret)] };
        for (const path of PATHS) {
          const root = path.includes('.vscode') ? { servers: { s: server } } : { mcpServers: { s: server } };
          const found = lint(JSON.stringify(root, null, 2), path);
          findings += found.length;
          assertNoLeak(shown(found), bodies, { label: `${command} ${[...head, ...position('<secret>')].join(' ')} at ${path}` });
        }
      }
    }
  }
  assert.ok(findings > 1000, `only ${findings} findings checked`);
});

test('the exact fuzz counterexamples: the token is reported by secret-in-args, never as a package', () => {
  const token = SECRETS[0];
  for (const args of [
    ['--api-key', token],
    ['--token', token],
    ['-e', `GITHUB_TOKEN=${token}`],
  ]) {
    for (const command of ['npx', 'uvx']) {
      const text = JSON.stringify({ servers: { github: { command, args } } }, null, 2);
      const found = lint(text, '/w/.vscode/mcp.json');
      assertNoLeak(shown(found), [secretBody(token)], { label: `${command} ${args[0]}` });
      assert.deepEqual(
        found.filter((f) => /^unpinned-(npm|python)-package$/.test(f.ruleId)).map((f) => f.message),
        [],
        `${command} ${args[0]}`,
      );
      if (args[0] !== '-e' || command === 'uvx')
        assert.ok(
          found.some((f) => f.ruleId === 'secret-in-args' || f.ruleId === 'secret-in-env'),
          `${command} ${args[0]}: the token itself is still reported`,
        );
    }
  }
});

test('the launch parsers skip credentials but still read real packages', () => {
  const value = (v: string) => ({ value: v, node: { type: 'string' as const, value: v, offset: 0, length: v.length + 2 } });
  const npm = (...args: string[]) => npmLaunchOf({ program: args[0], args: args.slice(1).map(value) } as never)?.packages.map((p) => p.text);
  const py = (...args: string[]) => pythonLaunchOf({ program: args[0], args: args.slice(1).map(value) } as never)?.packages.map((p) => p.text);
  const token = SECRETS[0];
  assert.deepEqual(npm('npx', '--api-key', token), []);
  assert.deepEqual(npm('npx', '-p', SECRETS[6], 'bin'), []);
  assert.deepEqual(npm('npx', token), []);
  assert.deepEqual(npm('npx', '-y', '@modelcontextprotocol/server-github'), ['@modelcontextprotocol/server-github']);
  assert.deepEqual(npm('npx', '--quiet', '@modelcontextprotocol/server-github@0.6.2'), ['@modelcontextprotocol/server-github@0.6.2']);
  // After an option whose name says it holds a credential, any literal is that credential
  // (issue 15 class 1: weak or made-up-looking values are real to the server), never a package
  // a message would quote; a package name after another unknown option is still the package.
  assert.deepEqual(npm('npx', '--token', 'some-mcp-server'), []);
  assert.deepEqual(npm('npx', '--verbose-ish', 'some-mcp-server'), ['some-mcp-server']);
  assert.deepEqual(npm('npx', '-y', '@modelcontextprotocoI/server-memory'), ['@modelcontextprotocoI/server-memory'], 'homoglyph typosquats stay packages');
  assert.deepEqual(npm('npx', '-p', 'a@1.0.0', '-p', token, 'bin'), ['a@1.0.0']);
  assert.deepEqual(py('uvx', '--api-key', token), []);
  assert.deepEqual(py('uvx', '-e', `GITHUB_TOKEN=${token}`), []);
  assert.deepEqual(py('uvx', '--from', token, 'cmd'), []);
  assert.deepEqual(py('uvx', '--with', `${SECRETS[6]},httpx`, 'mcp-server-fetch'), ['mcp-server-fetch', 'httpx']);
  assert.deepEqual(py('uvx', 'mcp-server-fetch'), ['mcp-server-fetch']);
  assert.deepEqual(py('pipx', 'run', '--spec', 'Flask-SQLAlchemy2==1.0', 'x'), ['Flask-SQLAlchemy2==1.0']);
});

test('parsePythonSpec: only PEP 440 operators make a requirement', () => {
  assert.equal(parsePythonSpec('GITHUB_TOKEN=abc').name, undefined);
  assert.equal(parsePythonSpec('name:x').name, undefined);
  assert.equal(parsePythonSpec('pkg=1.0').name, undefined);
  for (const [spec, kind] of [
    ['pkg==1.2.3', 'exact'],
    ['pkg===1.2.3', 'exact'],
    ['pkg>=1', 'open-range'],
    ['pkg>=1,<2', 'range'],
    ['pkg~=1.2', 'range'],
    ['pkg!=1.0', 'open-range'],
    ['pkg[cli] == 1.0', 'exact'],
    ['pkg==1.*', 'range'],
  ] as const) {
    assert.equal(parsePythonSpec(spec).kind, kind, spec);
  }
});

test('isCredentialShaped: every generated secret kind, no package name of the test suites or corpus', () => {
  let missed = 0;
  for (let n = 0; n < 800; n++) if (!isCredentialShaped(makeSecret(n % 7, seed + n))) missed++;
  assert.equal(missed, 0, 'token formats and hex keys are always credentials');
  for (const name of [
    '@modelcontextprotocol/server-github',
    '@modelcontextprotocol/server-filesystem@2025.8.21',
    '@upstash/context7-mcp@^1.0.0',
    'mcp-server-fetch==0.6.2',
    'awslabs.aws-documentation-mcp-server@latest',
    'git+https://github.com/oraios/serena@4f1c2d9e8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d',
    'Flask-SQLAlchemy2',
    'utf16CodeUnits',
    'ghcr.io/github/github-mcp-server:v0.20.0',
    'github:user/repo#3682e9ee648f2f3e11ba1fcd47fc390a0b8f9dab',
    '@playwright/mcp@0.0.41',
  ]) {
    assert.equal(isCredentialShaped(name), false, name);
  }
  assert.equal(isUpperCaseNpmName('@modelcontextprotocoI/server-memory'), false);
  assert.equal(isUpperCaseNpmName('JSONStream'), false);
  assert.equal(isUpperCaseNpmName('g8VZkqo_d2gqaxsvna'), true);
});

test('safety net: a rule that quotes a secret verbatim is masked in its message and fix title', () => {
  const quoting: Rule = {
    id: 'quotes-everything',
    meta: { category: 'other', defaultSeverity: 'warning', description: 'Quotes values.', fixable: true, owasp: [], threat: 'none' },
    check(context) {
      for (const server of context.config.servers) {
        for (const arg of server.args) {
          context.report({
            node: arg.node,
            server,
            message: `Server "${server.name}" has "${arg.value}" (e.g. "${arg.value}@1.2.3", --x=${arg.value}).`,
            fixes: [{ title: `Drop ${arg.value}`, safe: false, edits: [] }],
          });
        }
        for (const entry of server.env) context.report({ node: entry.valueNode, server, message: `env ${entry.key}=${entry.value}`, fixes: [] });
      }
    },
  };
  const args = [...SECRETS, `https://deploy:${SECRETS[7]}@mcp.example.com/mcp?token=${SECRETS[0]}`, `postgresql://app:${SECRETS[7]}@db.internal:5432/app`];
  const text = JSON.stringify({ mcpServers: { s: { command: 'node', args, env: Object.fromEntries(SECRETS.map((s, i) => [`K${i}`, s])) } } });
  const found = lint(text, '/p/.mcp.json', undefined, { rules: [quoting] });
  assert.equal(found.length, args.length + SECRETS.length);
  assertNoLeak(shown(found), bodies, { label: 'quoting rule' });
  // A masked value keeps at most a 4-character prefix, like the rest of the product.
  assert.ok(
    found.some((f) => f.message.includes('"ghp_…" (e.g. "ghp_…@1.2.3", --x=ghp_…)')),
    'masked to its public prefix',
  );
  assert.ok(
    found.some((f) => f.message.includes('https://deploy:') && f.message.includes('@mcp.example.com/mcp?token=ghp_…')),
    'URL kept, password and token masked',
  );
});

test('safety net: ordinary messages are left exactly as written', () => {
  for (const message of [
    'Server "fs" runs npm package "@modelcontextprotocol/server-filesystem" with no version: npx -y installs it without asking at whatever version is newest. Pin an exact version, e.g. "@modelcontextprotocol/server-filesystem@1.2.3".',
    'Server "aws" runs PyPI package "awslabs.aws-documentation-mcp-server" with no version: uvx installs the newest release at start-up. Pin one version, e.g. "awslabs.aws-documentation-mcp-server==1.2.3".',
    'Image "ghcr.io/github/github-mcp-server:v0.20.0@sha256:86720e50d260bcb3c0eb9ee9240a6f717830d1ad337e6b405f1b3a7aad3c46bc" is pinned.',
    'Server "x" runs "git+https://github.com/oraios/serena@4f1c2d9e8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d".',
    '"@modelcontextprotocoI/server-memory" looks identical to "@modelcontextprotocol/server-memory" (GHSA-6xpm-ggf7-wc3p, CVE-2025-68143).',
    'Remote server "r" uses http://api.example.com:8080/mcp/v1?session=abc over plain HTTP; use https://api.example.com/mcp instead.',
    'Server "fs" can read /home/user/projects/my-app-2024/src and C:\\Users\\me\\Documents\\Project2025; NODE_TLS_REJECT_UNAUTHORIZED=0 disables TLS.',
    'Replace with ${input:github-personal-access-token} (prompted once, stored securely)',
    'Server "a" has a plaintext GitHub token ghp_… in env "GITHUB_TOKEN"; the URL postgres://admin:SAQK…@db.internal.example:5432/app is masked already.',
    'Add {"type": "promptString", "id": "database-password", "password": true} to "inputs" (mcp-hygiene-disable-next-line schema-undefined-input).',
  ]) {
    assert.equal(redactMessage(message), message);
  }
});

test('safety net: every registered rule is still wired through it (no rule bypasses lint())', () => {
  // The net sits in toFinding/toFix, so a finding from any rule carries a redacted message:
  // check one real rule of each category on a config quoting a secret where rules echo values.
  const text = JSON.stringify({
    mcpServers: { s: { command: 'bash', args: ['-c', `API_KEY=${SECRETS[6]} npx -y some-mcp-server@1.0.0 --token ${SECRETS[0]}`] } },
  });
  assertNoLeak(shown(lint(text, '/p/.mcp.json')), bodies, { label: 'shell line' });
  assert.ok(RULES.length > 50);
});

test('an excerpt that cuts a token short still discloses nothing (inline-interpreter-code, fuzz seed 20261121)', () => {
  // Token formats and hex keys (a shapeless password inside arbitrary code has no context
  // that tells it from code, and is not covered).
  for (const secret of SECRETS.slice(0, 7)) {
    for (const code of [
      `GITHUB_TOKEN=${secret}`,
      `process.env.X='${secret}'; require('./server.js')`,
      `import os; os.environ['API_KEY']='${secret}'`,
      `${'x'.repeat(30)} ${secret}`,
    ]) {
      for (const [command, flag] of [
        ['node', '-e'],
        ['python3', '-c'],
        ['node', '-p'],
      ]) {
        const text = JSON.stringify({ servers: { github: { command, args: [flag, code] } } }, null, 2);
        const found = lint(text, '/p/.vscode/mcp.json');
        assert.ok(
          found.some((f) => f.ruleId === 'inline-interpreter-code'),
          `${command} ${flag}`,
        );
        assertNoLeak(shown(found), bodies.slice(0, 7), { label: `${command} ${flag} ${code.slice(0, 12)}` });
      }
    }
  }
  // The net alone: a known-format token cut before an ellipsis is masked with its ellipsis.
  const cut = SECRETS[0].slice(0, 30);
  assert.equal(redactMessage(`runs inline code ("GITHUB_TOKEN=${cut}…"): move it`), 'runs inline code ("GITHUB_TOKEN=ghp_…"): move it');
  assert.equal(
    redactMessage('Server "x" runs "node -e console.log(process.versions.node)…" inline'),
    'Server "x" runs "node -e console.log(process.versions.node)…" inline',
  );
});
