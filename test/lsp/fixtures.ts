/** Shared documents, test-only rules and helpers for the LSP suite. */
import type { CodeAction, TextEdit } from 'vscode-languageserver/node';
import { applyTextEdits } from '../../server/src/engine';
import type { Rule } from '../../server/src/core/rule';
import { fakeGithubToken } from './harness';

export const TOKEN = fakeGithubToken();
export const MCP_URI = 'file:///p/.vscode/mcp.json';

/** A realistic `.vscode/mcp.json`: JSONC comment, pinned package, one plaintext token. */
export const MCP_JSON = `{
  // Team servers. Ask in #platform before adding one.
  "servers": {
    "github": {
      "type": "stdio",
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github@0.6.2"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${TOKEN}" }
    }
  }
}
`;

/** The LSP range of the token's string literal (quotes included) in `text`. */
export function tokenRange(text: string) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(TOKEN));
  const character = lines[line].indexOf('"' + TOKEN);
  return { start: { line, character }, end: { line, character: character + TOKEN.length + 2 } };
}

/** All text edits of an action's WorkspaceEdit for one document, applied with the engine. */
export function applyAction(text: string, action: CodeAction, uri = MCP_URI): string {
  const edits: TextEdit[] = [];
  for (const change of action.edit?.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  }
  edits.push(...(action.edit?.changes?.[uri] ?? []));
  return applyTextEdits(text, edits);
}

/** The version an action's versioned edit targets (documentChanges). */
export function actionVersion(action: CodeAction): number | null | undefined {
  const change = action.edit?.documentChanges?.[0];
  return change && 'textDocument' in change ? change.textDocument.version : undefined;
}

const meta = { category: 'other', defaultSeverity: 'warning', description: 'test', fixable: false, owasp: [], threat: 'test' } as const;

/** Throws on every document: crash isolation. */
export const throwingRule: Rule = {
  id: 'test-throws',
  meta,
  check() {
    throw new Error('boom in test rule');
  },
};

/** Counts how often the engine ran it: the analysis cache must keep this at one per version. */
export function countingRule(): Rule & { calls: number } {
  const rule = {
    id: 'test-counts',
    meta,
    calls: 0,
    check() {
      rule.calls++;
    },
  };
  return rule;
}

/** A command with stray whitespace (`"npx "`), fixed safely by trimming: exercises fix-all. */
export const trimCommandRule: Rule = {
  id: 'test-trim-command',
  meta: { ...meta, fixable: true },
  check(context) {
    for (const server of context.config.servers) {
      const command = server.command;
      if (!command || command.value === command.value.trim()) continue;
      context.report({
        node: command.node,
        server,
        message: `Server "${server.name}" has spaces around its command.`,
        fixes: [
          {
            title: 'Trim the command',
            safe: true,
            edits: [{ offset: command.node.offset, length: command.node.length, content: JSON.stringify(command.value.trim()) }],
          },
        ],
      });
    }
  },
};

/** A rule whose metadata cannot even be read: the engine itself throws (not just one rule's check). */
export const brokenMetaRule: Rule = {
  id: 'test-broken-meta',
  get meta(): Rule['meta'] {
    throw new Error('meta unavailable');
  },
  check() {},
};

/** Reports the effective `network` setting on the first server, so tests can see what the rules saw. */
export const networkProbeRule: Rule = {
  id: 'test-network-probe',
  meta,
  check(context) {
    const server = context.config.servers[0];
    if (server) context.report({ node: server.nameNode, server, message: `network=${context.settings.network}` });
  },
};
