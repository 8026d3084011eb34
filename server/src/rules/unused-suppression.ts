import type { Rule } from '../core/rule';

/**
 * Reported by the engine itself (engine/suppressions.ts) after every rule ran: a
 * `mcp-hygiene-disable(-next-line)` comment that silenced nothing. Listed as a rule so it
 * has an id, a severity setting and a docs page; its own check does nothing.
 */
export const rule: Rule = {
  id: 'unused-suppression',
  meta: {
    category: 'other',
    defaultSeverity: 'information',
    description: 'A mcp-hygiene-disable comment that silences nothing (the problem is gone, or the rule id is wrong).',
    fixable: true,
    owasp: ['MCP08'],
    threat: 'Hidden future problems: a stale suppression silently hides the next finding of that rule on that line or in that file.',
    suppressible: false,
    suppressionProblem: 'unused',
  },
  check() {
    // The engine reports unused suppressions; see engine/suppressions.ts.
  },
};
