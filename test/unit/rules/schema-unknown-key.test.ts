import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRule, assertClean } from './_permissionTransport';

const RULE = 'schema-unknown-key';
const CLAUDE_DESKTOP = '/Users/dev/Library/Application Support/Claude/claude_desktop_config.json';
const ROO = '/repo/.roo/mcp.json';
const CLINE = '/repo/cline_mcp_settings.json';
const VSCODE = '/repo/.vscode/mcp.json';
const CODEX = '/home/dev/.codex/config.toml';

const seen = (path: string, text: string) => lintRule(RULE, path, text).map((f) => [f.text, f.severity]);

test('comments written as keys in strict JSON are not reported (Claude Desktop, Roo)', () => {
  // A Kali Linux MCP example: "_comment" in each entry, "_instructions" (a list of lines) at the top.
  assertClean(
    RULE,
    CLAUDE_DESKTOP,
    `{
  "$schema": "https://example.com/claude-desktop/config-schema.json",
  "_comment": "Claude Desktop MCP configuration for Kali Linux security tools",
  "_instructions": ["Option 1: Docker MCP Gateway", "Option 2: direct connection"],
  "mcpServers": {
    "kali-security": {
      "_comment": "Option 2: direct connection to the Kali MCP server container",
      "command": "docker",
      "args": ["exec", "-i", "kali-mcp", "python3", "/app/server.py"],
      "__comment": "needs the container from docker-compose.yml",
      "//": "started by make up",
      "// why": "the gateway does not forward stdio",
      "#": "kept in sync with README",
      "comment": "a plain comment key",
      "notes": ["first", "second"],
      "_note": "prefixed comment name"
    }
  }
}
`,
  );
  assertClean(
    RULE,
    ROO,
    `{
  "mcpServers": {
    "smartcard-mcp-http": {
      "type": "streamable-http",
      "url": "http://localhost:8080/mcp",
      "note": "For Streamable HTTP connections, add this URL directly in your MCP Client"
    }
  }
}
`,
  );
});

test('a comment key is not mistaken for a typo of a real key ("comment" is two edits from "command")', () => {
  assertClean(RULE, CLINE, '{"mcpServers":{"remote":{"url":"https://mcp.example.com/sse","comment":"hosted","_command":"old-local-binary --stdio"}}}');
});

test('typos keep their did-you-mean warning', () => {
  assert.deepEqual(
    seen(
      CLAUDE_DESKTOP,
      '{"mcpServers":{"fs":{"comand":"npx","arg":["-y","@modelcontextprotocol/server-filesystem@2025.8.21","/tmp"],"enviroment":{"A":"1"}}}}',
    ),
    [
      ['"comand"', 'warning'],
      ['"arg"', 'warning'],
      ['"enviroment"', 'warning'],
    ],
  );
  const found = lintRule(RULE, CLAUDE_DESKTOP, '{"mcpServers":{"fs":{"comand":"npx","arg":[],"enviroment":{}}}}').map((f) => f.message);
  assert.match(found[0], /rename it to "command"/);
  assert.match(found[1], /rename it to "args"/, 'singular of a known key');
  assert.match(found[2], /rename it to "env"/, "a typo of another client's spelling (environment)");
  assert.deepEqual(seen(CLINE, '{"mcpServers":{"db":{"command":"db-mcp","alwaysAllow":["query"]}}}'), [['"alwaysAllow"', 'warning']]);
});

test('documentation keys and other set-aside keys stay information, never a did-you-mean', () => {
  const text = `{
  "mcpServers": {
    "athena": {
      "command": "uvx",
      "args": ["athena-kb-mcp==0.3.1"],
      "description": "Pentest knowledge base",
      "metadata": { "owner": "red-team" },
      "_meta": { "ideToolIconPath": "../assets/icon.svg" },
      "_args": ["--verbose"]
    }
  }
}
`;
  const found = lintRule(RULE, '/repo/.mcp.json', text);
  assert.deepEqual(
    found.map((f) => [f.text, f.severity]),
    [
      ['"description"', 'information'],
      ['"metadata"', 'information'],
      ['"_meta"', 'information'],
    ],
  );
  for (const f of found) assert.doesNotMatch(f.message, /rename it/);
});

test('top level: comment keys are not reported, other unknown keys are', () => {
  const text = `{
  "_comment": "workspace servers",
  "//": "see docs/mcp.md",
  "severs": {},
  "servers": { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "\${workspaceFolder}"] } }
}
`;
  assert.deepEqual(
    lintRule(RULE, VSCODE, text).map((f) => f.text),
    ['"severs"'],
  );
});

test('Codex rejects unknown keys: a comment key still stops the server loading (error), with the TOML comment to use', () => {
  const found = lintRule(RULE, CODEX, '[mcp_servers.fs]\ncommand = "npx"\n_comment = "filesystem server"\n');
  assert.deepEqual(
    found.map((f) => f.severity),
    ['error'],
  );
  assert.match(found[0].message, /# comment instead/);
});

test('generic fallback: comment keys are not near-misses; typos still are', () => {
  assert.deepEqual(seen('/p/examples/mcp.json', '{"mcpServers":{"a":{"comand":"npx","args":[],"_comment":"x","comment":"y","notes":"z"}}}'), [
    ['"comand"', 'information'],
  ]);
});
