import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/engine';

/**
 * Names a workspace can give anything (a server, program, tool, env key, URL scheme, user,
 * image) that are also properties of every plain object. Rules look names up in tables; a
 * table that is an object literal answered them from Object.prototype, so a config naming a
 * tool `constructor` made auto-approve-dangerous-tools throw (losing every finding of the rule
 * in the file, the dangerous tools included) and suggested renaming a key to
 * "function Object() { [native code] }".
 */
const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'prototype'];

const PATHS = [
  '/p/.mcp.json',
  '/p/.vscode/mcp.json',
  '/p/.cursor/mcp.json',
  '/p/.kiro/settings/mcp.json',
  '/p/.amazonq/cli-agents/agent.json',
  '/p/.gemini/settings.json',
  '/p/.zed/settings.json',
  '/p/opencode.json',
  '/p/.codex/config.toml',
  '/p/.continue/mcpServers/x.yaml',
];

/** One config per place a name can sit, in the syntax each dialect reads. */
function configsNaming(name: string): string[] {
  const q = JSON.stringify;
  return [
    q({
      mcpServers: {
        [name]: {
          command: name,
          args: [name, `--${name}`, `--${name}=${name}`, `${name}=x`],
          env: { [name]: name, [`${name}_TOKEN`]: 'x' },
          autoApprove: [name, `${name}_file`, `delete_${name}`],
          alwaysAllow: [name],
          type: name,
          url: `${name}://${name}:${name}@${name}/x`,
          headers: { [name]: name },
          cwd: name,
          [name]: name,
        },
      },
    }),
    q({
      servers: {
        [name]: {
          type: 'stdio',
          command: 'npx',
          args: ['-y', `${name}@1.0.0`, `@${name}/${name}@${name}`],
          env: { [name]: `\${env:${name}}`, X: `\${input:${name}}` },
        },
      },
      inputs: [{ id: name, type: name }],
    }),
    q({ mcpServers: { s: { command: 'docker', args: ['run', `--${name}`, '-e', name, '-v', `${name}:${name}`, `${name}:${name}`] } } }),
    q({ mcpServers: { s: { command: 'deno', args: ['run', `--${name}`, name] } } }),
    q({ mcpServers: { s: { command: 'uvx', args: [`${name}==${name}`, '--from', name] } } }),
    q({ mcpServers: { s: { command: 'bash', args: ['-c', `${name} ${name}=${name} | ${name} -c "${name}"`] } } }),
    q({ mcpServers: { s: { command: 'npx', args: ['-y', 'pkg@1.0.0'], env: { DATABASE_URL: `${name}://${name}:${name}@db.example.com/x` } } } }),
    q({ [name]: { [name]: name }, mcpServers: { s: { command: 'npx', args: ['-y', 'pkg@1.0.0'] } }, allowedTools: [`@s/${name}`, `@${name}/${name}`] }),
    `[mcp_servers.${q(name)}]\ncommand = ${q(name)}\nargs = [${q(name)}]\n[mcp_servers.${q(name)}.env]\n${q(name)} = ${q(name)}\n[mcp_servers.${q(name)}.tools.${q(name)}]\napproval_mode = "approve"\n`,
    `name: ${q(name)}\nmcpServers:\n  - name: ${q(name)}\n    command: ${q(name)}\n    args: [${q(name)}]\n    env:\n      ${q(name)}: ${q(name)}\n`,
  ];
}

test('names that are Object.prototype properties never make a rule fail or a message quote a function', () => {
  const failures = new Set<string>();
  let findings = 0;
  for (const name of NAMES) {
    for (const text of configsNaming(name)) {
      for (const path of PATHS) {
        const result = lint(text, path, undefined, {
          onRuleError: (ruleId, error) => failures.add(`${ruleId} failed on ${name} in ${path}: ${String((error as Error)?.message ?? error)}`),
        });
        for (const finding of result) {
          findings++;
          for (const text of [finding.message, ...finding.fixes.map((fix) => fix.title)]) {
            if (/native code|\[object |function \w*\(/.test(text)) failures.add(`${finding.ruleId} on ${name} in ${path}: ${text}`);
          }
        }
      }
    }
  }
  assert.deepEqual([...failures], []);
  assert.ok(findings > 500, `the configs are linted (${findings} findings)`);
});

test('a tool named constructor does not hide the dangerous tools auto-approved next to it', () => {
  const text = '{"mcpServers": {"fs": {"command": "npx", "args": ["-y", "pkg@1.0.0"], "alwaysAllow": ["constructor", "delete_file"]}}}';
  const findings = lint(text, '/p/.roo/mcp.json').filter((f) => f.ruleId === 'auto-approve-dangerous-tools');
  assert.deepEqual(
    findings.map((f) => f.message.slice(0, f.message.indexOf(' deletes'))),
    ['Auto-approved tool "delete_file"'],
  );
});

test('an unknown key named constructor gets no rename suggestion', () => {
  const text = '{"mcpServers": {"s": {"command": "npx", "args": ["-y", "pkg@1.0.0"], "constructor": 1}}}';
  const unknown = lint(text, '/p/.mcp.json').filter((f) => f.ruleId === 'schema-unknown-key');
  assert.equal(unknown.length, 1);
  assert.match(unknown[0].message, /^Unknown key "constructor": remove it/);
  assert.deepEqual(
    unknown[0].fixes.map((fix) => fix.title).filter((title) => /rename/i.test(title)),
    [],
  );
});
