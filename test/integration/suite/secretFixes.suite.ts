/**
 * Secret remediations in a real VS Code (issue 18: "the real-VS-Code suite applies the Codex,
 * Claude Desktop and VS Code secret fixes and asserts the saved files"; the VS Code `${input:}`
 * fix is applied in extension.suite.ts). Each file is written into the workspace, opened, and
 * the quick fix asked through VS Code's own code-action command (which resolves it), applied,
 * saved, and the bytes on disk compared exactly:
 *
 * - Codex `.codex/config.toml`: "Move DOCS_API_TOKEN to env_vars" — the entry leaves the env
 *   table, `env_vars = ["DOCS_API_TOKEN"]` joins the server table (Codex forwards it from its
 *   environment), every other line kept;
 * - Zed `.zed/settings.json`: "Remove DATABASE_URL from env" (Zed passes its own environment);
 * - Claude Desktop: no fix removes the token (its servers get only HOME, LOGNAME, PATH, SHELL,
 *   TERM, USER besides `env`, so the server would lose it); the message says what to do and
 *   the file stays as written.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WAIT_MS, waitFor } from './wait';
import { codeOf, codes, describe, ours, readDisk, removeTestFolder, workspaceFile, writeDisk } from './files';

// Synthetic credentials in formats the detectors know (never real).
const TOKEN = ['ghp', 'R8x2Lq9Vw4Zt7Yp3Kc6Nb1Md5Fh0Js2Gk8Pa'].join('_');
const PASSWORD = 'Xq7-vLp9_Wz3rT2k';

const CODEX = `# Codex: MCP servers for this project
model = "gpt-5-codex"

[mcp_servers.docs]
command = "npx"
args = ["-y", "@acme/docs-mcp@1.4.2"]
startup_timeout_sec = 20

[mcp_servers.docs.env]
DOCS_API_TOKEN = "${TOKEN}"
LOG_LEVEL = "info"
`;
const CODEX_SAVED = `# Codex: MCP servers for this project
model = "gpt-5-codex"

[mcp_servers.docs]
command = "npx"
args = ["-y", "@acme/docs-mcp@1.4.2"]
startup_timeout_sec = 20
env_vars = ["DOCS_API_TOKEN"]

[mcp_servers.docs.env]
LOG_LEVEL = "info"
`;

const ZED = `// Zed project settings
{
  "context_servers": {
    "postgres": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2"],
      "env": { "DATABASE_URL": "postgres://app:${PASSWORD}@db.acme.io:5432/app", "PGAPPNAME": "zed" }
    }
  }
}
`;
const ZED_SAVED = ZED.replace(`"DATABASE_URL": "postgres://app:${PASSWORD}@db.acme.io:5432/app", `, '');

const CLAUDE_DESKTOP = `{
  "mcpServers": {
    "slack": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-slack@2025.4.25"],
      "env": { "SLACK_BOT_TOKEN": "${TOKEN}", "SLACK_TEAM_ID": "T01234567" }
    }
  }
}
`;

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<(vscode.CodeAction | vscode.Command)[]> {
  return (
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      range,
      vscode.CodeActionKind.QuickFix.value,
      10,
    )) ?? []
  );
}

/** Opens `text` at `segments`, applies the quick fix titled `title` on the `rule` diagnostic, saves, and returns the bytes on disk. */
async function applyAndSave(segments: string[], text: string, rule: string, title: string): Promise<string> {
  const uri = workspaceFile(...segments);
  await writeDisk(uri, text);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const diagnostic = await waitFor(
    `the ${rule} diagnostic`,
    () => ours(uri).find((d) => codeOf(d) === rule),
    WAIT_MS,
    () => `diagnostics: ${codes(uri).join(', ') || 'none'}`,
  );
  assert.ok(!diagnostic.message.includes(TOKEN) && !diagnostic.message.includes(PASSWORD), 'the message never echoes the secret');
  let seen: (vscode.CodeAction | vscode.Command)[] = [];
  const fix = await waitFor(
    `the "${title}" quick fix`,
    async () => {
      seen = await quickFixes(uri, diagnostic.range);
      return seen.find((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && a.title === title);
    },
    WAIT_MS,
    () => `code actions seen: ${describe(seen)}`,
  );
  assert.equal(await vscode.workspace.applyEdit(fix.edit!), true, 'the edit applies');
  await waitFor('the fixed document on disk', async () => {
    if (document.isDirty) await document.save();
    return !document.isDirty && (await readDisk(uri)) !== text;
  });
  await waitFor(
    `the ${rule} diagnostic to clear`,
    () => !ours(uri).some((d) => codeOf(d) === rule),
    WAIT_MS,
    () => `diagnostics: ${codes(uri).join(', ') || 'none'}`,
  );
  return readDisk(uri);
}

export function registerSecretFixTests(): void {
  suite('MCP Hygiene secret remediations that leave the server working', () => {
    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('Codex: "Move DOCS_API_TOKEN to env_vars" — the saved config.toml forwards the variable and keeps every other line', async function () {
      this.timeout(120_000);
      try {
        const saved = await applyAndSave(
          ['codex-fix', '.codex', 'config.toml'],
          CODEX,
          'secret-in-env',
          'Move DOCS_API_TOKEN to env_vars (Codex passes it from its environment; set it there)',
        );
        assert.equal(saved, CODEX_SAVED);
      } finally {
        await removeTestFolder(workspaceFile('codex-fix', '.codex', 'config.toml'), 'codex-fix');
      }
    });

    test('Zed: "Remove DATABASE_URL from env" — Zed starts the server with its own environment; the saved settings keep the rest', async function () {
      this.timeout(120_000);
      try {
        const saved = await applyAndSave(
          ['zed-fix', '.zed', 'settings.json'],
          ZED,
          'secret-connection-string',
          'Remove DATABASE_URL from env (Zed passes its own environment to the server; set DATABASE_URL there)',
        );
        assert.equal(saved, ZED_SAVED);
      } finally {
        await removeTestFolder(workspaceFile('zed-fix', '.zed', 'settings.json'), 'zed-fix');
      }
    });

    test('Claude Desktop: the token is reported with what to do, and no quick fix deletes it (the server would lose it)', async function () {
      this.timeout(120_000);
      const uri = workspaceFile('claude-fix', 'Claude', 'claude_desktop_config.json');
      await writeDisk(uri, CLAUDE_DESKTOP);
      try {
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(document);
        const diagnostic = await waitFor(
          'the secret-in-env diagnostic',
          () => ours(uri).find((d) => codeOf(d) === 'secret-in-env'),
          WAIT_MS,
          () => `diagnostics: ${codes(uri).join(', ') || 'none'}`,
        );
        assert.match(diagnostic.message, /^Plaintext .* in env "SLACK_BOT_TOKEN": move it out of the file\.$/, 'the diagnostic is the first sentence');
        assert.ok(!diagnostic.message.includes(TOKEN));
        // The rest of the message (how, for this client) is in the hover.
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, diagnostic.range.start);
        const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
        assert.match(
          hoverText,
          /Claude Desktop expands no variables here: start the server through a wrapper that reads it from your keychain or an env file outside the repository/,
        );
        assert.ok(!hoverText.includes(TOKEN));
        const actions = await quickFixes(uri, diagnostic.range);
        const removing = actions.filter(
          (a) => 'edit' in a && a.edit && a.edit.entries().some(([, edits]) => edits.some((e) => document.getText(e.range).includes(TOKEN))),
        );
        assert.deepEqual(
          removing.map((a) => a.title),
          [],
          `offered: ${describe(actions)}`,
        );
        assert.equal(await readDisk(uri), CLAUDE_DESKTOP, 'the file stays as written');
      } finally {
        await removeTestFolder(uri, 'claude-fix');
      }
    });
  });
}
