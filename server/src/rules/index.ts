import type { Rule } from './types';
import { rule as unpinnedNpmPackage } from './unpinned-npm-package';
import { rule as secretInEnv } from './secret-in-env';
import { rule as broadFilesystemAccess } from './broad-filesystem-access';
import { rule as insecureHttpRemote } from './insecure-http-remote';

export type { Rule, RuleMeta, RuleContext } from './types';

/**
 * The explicit rule registry, grouped by category. To add a rule: one file named by its id
 * exporting `rule`, one import and one entry here, a docs page in docs/rules/<id>.md and a
 * test. A test checks that ids, file names and docs pages agree.
 */
export const RULES: readonly Rule[] = [
  // unpinned
  unpinnedNpmPackage,
  // secret
  secretInEnv,
  // permission
  broadFilesystemAccess,
  // transport
  insecureHttpRemote,
  // supply-chain
  // schema
  // other
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
