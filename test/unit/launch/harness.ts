/**
 * Test harness for the launch-rule tests: renders the same servers in several client
 * dialects (JSON with `servers` and `mcpServers`, Codex TOML, Continue YAML), lints them with
 * one rule, and checks each finding's exact range against the quoted value it must cover.
 */
import assert from 'node:assert/strict';
import { lint, DEFAULT_SETTINGS, ruleById, type Finding, type Settings } from '../../../server/src/engine';
import { LineIndex } from '../../../server/src/core/lineIndex';

export interface TestServer {
  command: string;
  args?: string[];
  env?: Record<string, string>;
}
export type Servers = Record<string, TestServer>;

const q = (s: string) => JSON.stringify(s);

export const DIALECTS = {
  vscode: {
    path: '/repo/.vscode/mcp.json',
    render: (servers: Servers) => JSON.stringify({ servers }, null, 2),
  },
  'claude-code': {
    path: '/repo/.mcp.json',
    render: (servers: Servers) => JSON.stringify({ mcpServers: servers }, null, 2),
  },
  'claude-desktop': {
    path: '/Users/me/Library/Application Support/Claude/claude_desktop_config.json',
    render: (servers: Servers) => JSON.stringify({ mcpServers: servers }, null, 2),
  },
  codex: {
    path: '/repo/.codex/config.toml',
    render: (servers: Servers) =>
      Object.entries(servers)
        .map(([name, s]) => {
          let text = `[mcp_servers.${name}]\ncommand = ${q(s.command)}\n`;
          if (s.args) text += `args = [${s.args.map(q).join(', ')}]\n`;
          if (s.env)
            text +=
              `\n[mcp_servers.${name}.env]\n` +
              Object.entries(s.env)
                .map(([k, v]) => `${k} = ${q(v)}\n`)
                .join('');
          return text;
        })
        .join('\n'),
  },
  continue: {
    path: '/repo/.continue/mcpServers/servers.yaml',
    render: (servers: Servers) =>
      'name: servers\nversion: 0.0.1\nschema: v1\nmcpServers:\n' +
      Object.entries(servers)
        .map(([name, s]) => {
          let text = `  - name: ${q(name)}\n    command: ${q(s.command)}\n`;
          if (s.args) text += `    args: [${s.args.map(q).join(', ')}]\n`;
          if (s.env)
            text +=
              `    env:\n` +
              Object.entries(s.env)
                .map(([k, v]) => `      ${k}: ${q(v)}\n`)
                .join('');
          return text;
        })
        .join(''),
  },
} as const;
export type DialectName = keyof typeof DIALECTS;
export const ALL_DIALECTS = Object.keys(DIALECTS) as DialectName[];

export function run(ruleId: string, dialect: DialectName, servers: Servers, settings: Settings = DEFAULT_SETTINGS): { text: string; findings: Finding[] } {
  const rule = ruleById(ruleId);
  assert.ok(rule, `rule ${ruleId} is registered`);
  const text = DIALECTS[dialect].render(servers);
  const errors: unknown[] = [];
  const findings = lint(text, DIALECTS[dialect].path, settings, { rules: [rule], onRuleError: (_id, e) => errors.push(e) });
  assert.deepEqual(errors, [], 'the rule does not throw');
  return { text, findings };
}

export interface Expected {
  /** The string value the finding must cover exactly (its quoted form in the file). */
  at: string;
  /** Which occurrence of that quoted string (0-based), when it appears more than once. */
  occurrence?: number;
  /** The last string of a multi-argument range (e.g. a PowerShell command split over args). */
  to?: string;
  /** Only this piece of the quoted string (`pkg` in `"npx -y pkg"`, the value of `--opt=value`). */
  piece?: string;
  severity?: string;
  message?: RegExp;
  fixes?: number;
}

/** The range of the `occurrence`-th quoted `value` in `text`. */
export function quotedRange(text: string, value: string, occurrence = 0, to?: string, piece?: string) {
  const needle = q(value);
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `${needle} occurs ${occurrence + 1} time(s) in:\n${text}`);
  }
  let end = index + needle.length;
  if (to !== undefined) {
    const last = text.indexOf(q(to), index);
    assert.ok(last >= 0);
    end = last + q(to).length;
  }
  if (piece !== undefined) {
    const within = text.slice(index, end).lastIndexOf(piece);
    assert.ok(within >= 0, `${piece} is inside ${needle}`);
    index += within;
    end = index + piece.length;
  }
  const lines = new LineIndex(text);
  return { start: lines.positionAt(index), end: lines.positionAt(end) };
}

/** Lints `servers` in each dialect and checks the findings one by one (order = document order). */
export function expectFindings(
  ruleId: string,
  servers: Servers,
  expected: Expected[],
  options: { dialects?: DialectName[]; settings?: Settings } = {},
): Finding[][] {
  const results: Finding[][] = [];
  for (const dialect of options.dialects ?? ALL_DIALECTS) {
    const { text, findings } = run(ruleId, dialect, servers, options.settings);
    const label = `${ruleId} in ${dialect}`;
    assert.equal(findings.length, expected.length, `${label}: ${findings.length} findings: ${findings.map((f) => f.message).join(' | ')}`);
    expected.forEach((want, i) => {
      const got = findings[i];
      assert.equal(got.ruleId, ruleId);
      assert.deepEqual(got.range, quotedRange(text, want.at, want.occurrence, want.to, want.piece), `${label}: range of finding ${i} (${got.message})`);
      if (want.severity) assert.equal(got.severity, want.severity, `${label}: severity of finding ${i} (${got.message})`);
      if (want.message) assert.match(got.message, want.message, `${label}: message of finding ${i}`);
      if (want.fixes !== undefined) assert.equal(got.fixes.length, want.fixes, `${label}: fixes of finding ${i}`);
    });
    results.push(findings);
  }
  return results;
}

export function expectClean(ruleId: string, servers: Servers, options: { dialects?: DialectName[]; settings?: Settings } = {}): void {
  expectFindings(ruleId, servers, [], options);
}

export function settingsWith(patch: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, ...patch };
}
