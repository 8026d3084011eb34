import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import type { ServerEntry } from '../core/model';
import { isCollaborationService, isWildcardToolName, toolRisk } from '../permissions/toolNames';
import { removeSiblings } from '../fixes/nodeEdits';
import { clientReadsEntryKey } from '../permissions/settingsKnobs';

/**
 * Auto-approving a tool that runs commands, deletes, pushes or sends (by its name:
 * `execute_sql`, `delete_file`, `push_files`, `send_email`...) removes the human check from
 * exactly the calls that do damage when the agent has been steered by injected text. Tools
 * that create or change data (`write_file`, `create_issue`) are reported for information.
 * How names are read (verbs vs objects, read-only queries, comments): permissions/toolNames.ts.
 */
export const rule: Rule = {
  id: 'auto-approve-dangerous-tools',
  meta: {
    category: 'permission',
    defaultSeverity: 'warning',
    description:
      "A server's auto-approval list (or an agent's allowedTools) names tools that execute, delete, push or send (warning) or that create and change data (information).",
    fixable: true,
    owasp: ['MCP02', 'MCP06'],
    threat: 'Missing human review: destructive or exfiltrating tool calls run without confirmation, so prompt injection acts immediately.',
  },
  check(context) {
    // Amazon Q / Kiro CLI agent files: `allowedTools: ["@github/delete_file", "@github/merge_*"]`
    // runs those tools of that server unasked (a bare `@server` is auto-approve-all-tools').
    const allowed = context.config.knobs?.lists.find((k) => k.key === 'allowedTools');
    const serversByName = allowed ? firstServerByName(context.config.servers) : undefined;
    for (const entry of allowed?.values ?? []) {
      const match = /^@([^/]+)\/(.+)$/.exec(entry.value.trim());
      if (!match || match[1] === 'builtin' || isWildcardToolName(match[2])) continue;
      const server = serversByName?.get(match[1]);
      const risk = toolRisk(match[2].replace(/[*?]/g, ' '), isCollaborationService(server ? serverContext(server) : match[1]));
      if (!risk) continue;
      const pattern = /[*?]/.test(match[2]);
      const edit = removeSiblings([entry.node], context.doc);
      context.report({
        node: entry.node,
        server: server ?? null,
        severity: risk.level === 'high' ? 'warning' : 'information',
        message: `allowedTools "${shortValue(entry.value, 40)}" ${shortValue(risk.what, 40)}: ${risk.level === 'high' ? 'remove it from allowedTools' : 'keep it only if its changes are easy to undo'}. It runs ${pattern ? 'every tool matching it' : 'the tool'} without asking you, even when the agent was steered by injected text.`,
        fixes: edit ? [{ title: `Stop auto-approving "${entry.value}"`, safe: false, preferred: true, edits: [edit] }] : [],
      });
    }
    for (const server of context.config.servers) {
      const knob = server.autoApprove;
      if (!knob || knob.values.some((v) => isWildcardToolName(v.value))) continue;
      // A key this client does not read does nothing here (only once copied to a client that reads it): information.
      const ignored = !clientReadsEntryKey(context, knob.key);
      const collaboration = isCollaborationService(serverContext(server));
      for (const tool of knob.values) {
        const risk = toolRisk(tool.value, collaboration);
        if (!risk) continue;
        // A list element is removed; a per-tool mode (Codex approval_mode = "approve") becomes "prompt".
        const edit =
          tool.node.parent?.type === 'array'
            ? removeSiblings([tool.node], context.doc)
            : tool.node.type === 'string' && tool.node.value === 'approve'
              ? { offset: tool.node.offset, length: tool.node.length, content: context.doc.quote('prompt') }
              : undefined;
        context.report({
          node: tool.node,
          server,
          severity: risk.level === 'high' && !ignored ? 'warning' : 'information',
          message: `Auto-approved tool "${shortValue(tool.value, 40)}" ${shortValue(risk.what, 40)}: ${risk.level === 'high' ? 'stop auto-approving it' : 'keep it only if its changes are easy to undo'}. Server "${server.name}": a client that honours this list runs it without asking you, even when the agent was steered by injected text.`,
          fixes: edit ? [{ title: `Stop auto-approving "${tool.value}"`, safe: false, preferred: true, edits: [edit] }] : [],
        });
      }
    }
  },
};

/**
 * What the server is, for reading its tool names: its name, its host and its package-like
 * command and arguments (`@atlassian/jira-mcp@1.2.0`, `ghcr.io/github/github-mcp-server`).
 * File paths are left out: a checkout under `~/github/` says nothing about the server.
 */
function serverContext(server: ServerEntry): string {
  const parts = [server.name];
  const url = server.url?.value;
  if (url) parts.push(url.replace(/^[a-z][\w+.-]*:\/\/(?:[^@/]*@)?([^/:?#]*).*$/i, '$1'));
  for (const value of [server.command?.value, ...server.args.map((a) => a.value)]) {
    if (value && /^@?[\w.-]+(?:\/[\w.-]+){0,2}(?:[@:][\w.^~-]+)?$/.test(value) && !/^[.-]/.test(value)) parts.push(value);
  }
  return parts.join(' ');
}

/** Each name's first server (as `find` would pick it), built once: a long allowedTools list would otherwise search every server per entry. */
function firstServerByName(servers: readonly ServerEntry[]): Map<string, ServerEntry> {
  const byName = new Map<string, ServerEntry>();
  for (const server of servers) if (!byName.has(server.name)) byName.set(server.name, server);
  return byName;
}
