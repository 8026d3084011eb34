import type { Rule } from '../core/rule';

/**
 * Reported by the engine (engine/suppressions.ts): a suppression comment with no
 * ` -- <reason>`. A hint only: the suppression still works.
 */
export const rule: Rule = {
  id: 'suppression-without-reason',
  meta: {
    category: 'other',
    defaultSeverity: 'hint',
    description: 'A mcp-hygiene-disable comment that does not say why the finding is acceptable.',
    fixable: false,
    owasp: ['MCP08'],
    threat: 'Unreviewable exceptions: without a reason nobody can tell a vetted exception from a silenced real problem.',
    suppressible: false,
    suppressionProblem: 'no-reason',
  },
  check() {
    // The engine reports suppressions without a reason; see engine/suppressions.ts.
  },
};
