import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { isWildcardToolName } from '../permissions/toolNames';
import { removeSiblings } from '../fixes/nodeEdits';
import { clientReadsEntryKey } from '../permissions/settingsKnobs';

/**
 * `alwaysAllow: ["*"]` / `autoApprove: ["*"]` (Roo, Cline, Kiro, Amazon Q...) lets the agent
 * call every tool of the server without asking, including tools added by a later update.
 * One injected instruction in a web page, issue or file is then enough to act.
 */
export const rule: Rule = {
  id: 'auto-approve-all-tools',
  meta: {
    category: 'permission',
    defaultSeverity: 'error',
    description:
      'A server\'s auto-approval setting approves every tool (alwaysAllow / autoApprove ["*"], Codex default_tools_approval_mode = "approve", Amazon Q allowedTools "@server").',
    fixable: true,
    owasp: ['MCP02', 'MCP06'],
    threat: 'Missing human review and privilege persistence: every present and future tool runs without confirmation, so prompt injection acts immediately.',
  },
  check(context) {
    // Amazon Q / Kiro CLI agent files: `allowedTools: ["@github"]` runs every tool of that server unasked.
    const allowed = context.config.knobs?.lists.find((k) => k.key === 'allowedTools');
    for (const entry of allowed?.values ?? []) {
      const match = /^@([^/]+)(?:\/\*)?$/.exec(entry.value.trim());
      if (!match || match[1] === 'builtin') continue;
      const edit = removeSiblings([entry.node], context.doc);
      context.report({
        node: entry.node,
        server: context.config.servers.find((s) => s.name === match[1]) ?? null,
        message: `allowedTools "${shortValue(entry.value, 40)}" approves every tool of a server: list the read-only tools you have checked. The agent calls every tool of server "${match[1]}", including ones added by later updates, without asking you ("@${match[1]}/tool_name" names one).`,
        fixes: edit ? [{ title: `Remove "${entry.value}" from allowedTools`, safe: true, preferred: true, edits: [edit] }] : [],
      });
    }
    for (const server of context.config.servers) {
      const knob = server.autoApprove;
      if (!knob) continue;
      const wildcard = knob.values.find((v) => isWildcardToolName(v.value));
      if (!wildcard) continue;
      // A list becomes `[]`; Codex's `default_tools_approval_mode = "approve"` becomes "prompt".
      const edit =
        knob.node.type === 'array'
          ? { offset: knob.node.offset, length: knob.node.length, content: '[]' }
          : wildcard.node.type === 'string' && wildcard.node.value === 'approve'
            ? { offset: wildcard.node.offset, length: wildcard.node.length, content: context.doc.quote('prompt') }
            : undefined;
      const shown = knob.node.type === 'array' ? `"${knob.key}": ["${wildcard.value}"]` : `${knob.key} = "approve"`;
      // A key this client does not read does nothing here, only once the entry is copied to Cline, Roo...:
      // information. The message is the same either way, so a fix that renames the key changes only the severity.
      const ignored = !clientReadsEntryKey(context, knob.key);
      context.report({
        node: wildcard.node,
        server,
        severity: ignored ? 'information' : undefined,
        message: `Every tool auto-approved (${shortValue(shown, 30)}): list only read-only tools you have checked, or none. Server "${server.name}": a client that honours this runs any of its tools, including ones added by later updates, without asking you.`,
        fixes: edit
          ? [
              {
                title: `Approve no tools automatically for "${server.name}" (${knob.node.type === 'array' ? `${knob.key}: []` : `${knob.key} = "prompt"`})`,
                // Safe: the only effect is that the client asks before each call again.
                safe: true,
                preferred: true,
                edits: [edit],
              },
            ]
          : [],
      });
    }
  },
};
