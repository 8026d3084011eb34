import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, parseSettings, parsePolicy, type Finding } from '../../../server/src/engine';
import { summaryOf } from '../../../server/src/core/summary';

const TOKEN = 'ghp_' + 'Zy8Xw7Vu6Ts5Rq4Po3Nm2Lk1Ji0Hg9Fe8Dc7B';
const PATH = '/p/.vscode/mcp.json';
const TEXT = `{
  "servers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${TOKEN}" }
    },
    "tickets": { "command": "npx", "args": ["-y", "@acme/mcp-tickets@2.3.1"] },
    "docs": { "type": "http", "url": "https://docs.acme.example/mcp", "headers": { "Authorization": "Bearer \${input:t}" } },
    "box": { "command": "docker", "args": ["run", "-i", "--rm", "ghcr.io/acme/box@sha256:${'a'.repeat(64)}"] }
  },
  "inputs": [{ "id": "t", "type": "promptString", "password": true, "description": "t" }]
}
`;
const secret = (findings: Finding[]) => findings.find((f) => f.ruleId === 'secret-in-env')!;

test('git state: tracked = error (already committed, rotate), untracked/ignored = warning, unknown = default', () => {
  const base = secret(lint(TEXT, PATH));
  const tracked = secret(lint(TEXT, PATH, undefined, { gitState: 'tracked' }));
  assert.equal(tracked.severity, 'error');
  assert.match(tracked.message, /already committed: rotate it/);
  assert.match(
    summaryOf(tracked.message),
    /^Plaintext .*: move it out of the file, and rotate it \(committed\)\.$/,
    'the first sentence, which the editor shows, says to rotate',
  );
  for (const [state, note] of [
    ['untracked', /not tracked by git yet/],
    ['ignored', /git-ignored/],
  ] as const) {
    const f = secret(lint(TEXT, PATH, undefined, { gitState: state }));
    assert.equal(f.severity, 'warning', state);
    assert.ok(!f.message.includes('already committed'));
    assert.match(f.message, note);
    assert.equal(summaryOf(f.message), summaryOf(base.message), 'the note follows the first sentence');
  }
  assert.deepEqual(secret(lint(TEXT, PATH, undefined, { gitState: 'unknown' })), base);
  assert.ok(!tracked.message.includes(TOKEN.slice(4)), 'no secret in the message');
});

test('git state never overrides a severity the user set, and leaves non-secret rules alone', () => {
  const { settings } = parseSettings({ rules: { 'secret-in-env': 'hint' } });
  assert.equal(secret(lint(TEXT, PATH, settings, { gitState: 'tracked' })).severity, 'hint');
  const others = (state?: 'tracked') => lint(TEXT, PATH, undefined, state ? { gitState: state } : {}).filter((f) => f.category !== 'secret');
  assert.deepEqual(others('tracked'), others());
});

test('server-not-allowed: silent without a policy; by name, package, image, host and publisher', () => {
  const notAllowed = (policy: unknown) =>
    lint(TEXT, PATH, undefined, { policy: parsePolicy(policy).policy })
      .filter((f) => f.ruleId === 'server-not-allowed')
      .map((f) => f.server);
  assert.deepEqual(
    lint(TEXT, PATH).filter((f) => f.ruleId === 'server-not-allowed'),
    [],
  );
  assert.deepEqual(notAllowed({}), ['github', 'tickets', 'docs', 'box']);
  assert.deepEqual(notAllowed({ servers: ['github'], packages: ['@acme/mcp-tickets'], hosts: ['*.acme.example'], images: ['ghcr.io/acme/*'] }), []);
  assert.deepEqual(notAllowed({ publishers: ['@acme', 'ghcr.io/acme'] }), ['github', 'docs']);
  assert.deepEqual(notAllowed({ hosts: ['acme.example'] }), ['github', 'tickets', 'docs', 'box'], 'exact host only');
  assert.deepEqual(notAllowed({ hosts: ['DOCS.acme.example'] }), ['github', 'tickets', 'box']);
  const finding = lint(TEXT, PATH, undefined, { policy: parsePolicy({}).policy }).find((f) => f.ruleId === 'server-not-allowed' && f.server === 'tickets')!;
  assert.match(finding.message, /package @acme\/mcp-tickets/);
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.range.start.line, 7);
});

test('parsePolicy reports an invalid file instead of throwing', () => {
  const { policy, problems } = parsePolicy({ servers: 'github' });
  assert.equal(policy, undefined);
  assert.match(problems[0], /servers/);
});

test('trustedPublishers trusts every package of an npm scope', () => {
  const typo = `{ "servers": { "x": { "command": "npx", "args": ["-y", "@acme/mcp-tickets"] } } }`;
  const { settings } = parseSettings({ trustedPublishers: ['@acme'] });
  assert.ok(lint(typo, PATH).some((f) => f.ruleId === 'unpinned-npm-package'));
  const trusted = lint(typo, PATH, settings).filter((f) => f.ruleId === 'unpinned-npm-package');
  assert.ok(trusted.length <= 1);
});
