import type { Rule } from '../core/rule';
import { shortValue } from '../core/summary';
import { isWildcardToolName } from '../permissions/toolNames';
import { getValue } from '../core/tree';
import { stringList } from '../core/model';

/**
 * The GitHub Copilot coding agent (and Copilot CLI) run the tools listed in a server's
 * `tools` without asking; `["*"]` means every tool the server has now or adds later.
 */
export const rule: Rule = {
  id: 'copilot-all-tools',
  meta: {
    category: 'permission',
    scope: 'server',
    defaultSeverity: 'warning',
    description: 'A server exposes every tool to the Copilot agent with `tools: ["*"]`; the agent runs them without asking.',
    fixable: false,
    owasp: ['MCP02', 'MCP06'],
    threat: 'Missing human review and privilege persistence: the autonomous agent can call any tool, including write tools added by a later server update.',
  },
  checkServer(context, server) {
    // Dialects that know Copilot's shape expose `tools` in the model; in files read by the
    // generic dialect the same Copilot entry keeps it in the raw tree.
    const raw = getValue(server.node, 'tools');
    const knob = server.tools ?? (raw?.type === 'array' ? { key: 'tools', node: raw, values: stringList(raw) } : undefined);
    if (!knob || knob.key !== 'tools') return;
    const wildcard = knob.values.find((v) => isWildcardToolName(v.value));
    if (!wildcard) return;
    context.report({
      node: wildcard.node,
      server,
      message: `All tools exposed ("tools": ["${shortValue(wildcard.value, 10)}"]): list the tools the agent needs by name. Server "${server.name}": the Copilot agent calls them without asking, including write tools and any the server adds later.`,
    });
  },
};
