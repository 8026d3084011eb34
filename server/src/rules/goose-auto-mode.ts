import type { Rule } from '../core/rule';
import { knobNode } from '../permissions/settingsKnobs';

/**
 * Goose's `GOOSE_MODE: auto` runs every tool of every extension without asking ("completely
 * autonomous"); `smart_approve` asks before risky actions, `approve` before every tool.
 */
export const rule: Rule = {
  id: 'goose-auto-mode',
  meta: {
    category: 'permission',
    defaultSeverity: 'warning',
    description: 'Goose runs every extension tool without asking (`GOOSE_MODE: auto`).',
    fixable: true,
    owasp: ['MCP02', 'MCP06'],
    threat: 'Missing human review: every tool call of every extension runs without confirmation, so prompt injection acts immediately.',
    dialects: ['goose'],
  },
  check(context) {
    const mode = knobNode(context, ['GOOSE_MODE']);
    if (mode?.type !== 'string' || mode.value !== 'auto') return;
    context.report({
      node: mode,
      server: null,
      message:
        'Goose runs every tool without asking (GOOSE_MODE: auto): use smart_approve or approve. In auto mode an instruction injected into a page, file or issue is carried out at once; smart_approve asks before risky actions, approve before every tool.',
      fixes: [
        {
          title: 'Use GOOSE_MODE: smart_approve',
          safe: false,
          preferred: true,
          edits: [{ offset: mode.offset, length: mode.length, content: context.doc.quote('smart_approve') }],
        },
      ],
    });
  },
};
